package org.deidworkbench.gui.preview.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserErrors;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.DicomRedaction;
import org.deidworkbench.model.DicomSection;

/**
 * The image of the selected DICOM file: a frame of the original beside the same frame as a run
 * writes it, window and level, the rectangles of the redaction rule that applies, and the edits of
 * those rectangles (drawn, moved, resized, removed), which go to the profile through a
 * {@link RedactionEditor} and so re-run the preview. Original pixels inside the rectangles, and the
 * whole original of a file a run withholds, are masked until {@link #revealProperty() reveal} is on.
 * Used on the FX thread; decoding and de-identifying run through {@link BackgroundTasks}.
 */
public final class DicomImageViewModel {

    /** Where edits of the rectangles go: the rules panel's profile text. */
    @FunctionalInterface
    public interface RedactionEditor {
        /**
         * Sets the rectangles of the redaction rule {@code ruleId} (null: a new rule for images like
         * {@code header}).
         */
        void setRedaction(String ruleId, DicomImage.Header header, List<DicomRedaction.Rectangle> rectangles);
    }

    /** What of the original must be hidden while reveal is off. */
    public enum Mask {
        /** Nothing: every pixel shown leaves as it is. */
        NONE,
        /** The rectangles: a run blacks them out. */
        RECTANGLES,
        /** Everything: a run withholds the file. */
        WHOLE
    }

    private static final String DICOM = "DICOM";
    /** The file's window is used when at least this part of it holds values of the frame. */
    private static final double SHOWN_PART = 0.05;

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<LoadedProfile> profile = new SimpleObjectProperty<>(this, "profile");
    private final BooleanProperty reveal = new SimpleBooleanProperty(this, "reveal");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<DicomImage.Header> header = new ReadOnlyObjectWrapper<>(this, "header");
    private final IntegerProperty frame = new SimpleIntegerProperty(this, "frame");
    private final ReadOnlyObjectWrapper<DicomImage> original = new ReadOnlyObjectWrapper<>(this, "original");
    private final ReadOnlyObjectWrapper<DicomImage> cleaned = new ReadOnlyObjectWrapper<>(this, "cleaned");
    private final DoubleProperty windowCenter = new SimpleDoubleProperty(this, "windowCenter");
    private final DoubleProperty windowWidth = new SimpleDoubleProperty(this, "windowWidth", 1);
    private final ObservableList<DicomRedaction.Rectangle> rectangles = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyStringWrapper ruleId = new ReadOnlyStringWrapper(this, "ruleId", "");
    private final ReadOnlyObjectWrapper<LocalizedText> message = new ReadOnlyObjectWrapper<>(this, "message");
    private final ReadOnlyObjectWrapper<LocalizedText> withheld = new ReadOnlyObjectWrapper<>(this, "withheld");
    private final ReadOnlyObjectWrapper<Mask> mask = new ReadOnlyObjectWrapper<>(this, "mask", Mask.NONE);
    private RedactionEditor editor = (id, h, r) -> { };

    private JobService.ImageSource source;
    /** The file whose image is shown: reopening it (the profile changed) keeps the frame and window. */
    private Path shownFile;
    private int frameWanted;
    private BackgroundTasks.Task opening;
    private BackgroundTasks.Task loadingFrame;

    /** What a background open hands back. */
    private record Opened(JobService.ImageSource source, DicomImage original, DicomImage cleaned) {
    }

    public DicomImageViewModel(JobService jobs, BackgroundTasks tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
        file.addListener((o, was, now) -> open());
        profile.addListener((o, was, now) -> open());
        frame.addListener((o, was, now) -> loadFrame());
        reveal.addListener((o, was, now) -> updateMask());
        rectangles.addListener((javafx.collections.ListChangeListener<DicomRedaction.Rectangle>) c -> updateMask());
    }

    /** Who applies edits of the rectangles (the main window hands them to the rules panel). */
    public void setEditor(RedactionEditor editor) {
        this.editor = Objects.requireNonNull(editor);
    }

    // ------------------------------------------------------------------------------ loading

    private void open() {
        Path f = file.get();
        LoadedProfile p = profile.get();
        cancel(opening);
        cancel(loadingFrame);
        opening = null;
        loadingFrame = null;
        if (f == null || p == null) {
            available.set(false);
            clear();
            return;
        }
        busy.set(true);
        boolean sameFile = f.equals(shownFile);
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        mine[0] = tasks.submit(task -> {
            if (!DICOM.equals(jobs.kind(f).format())) {
                return null;
            }
            JobService.ImageSource s = jobs.openDicomImage(f, p, task::cancelled);
            try {
                DicomImage.Header h = s.header();
                if (h.unavailable() != null) {
                    return new Opened(s, null, null);
                }
                int wanted = sameFile ? Math.min(frameWanted, h.frames() - 1) : 0;
                return new Opened(s, s.original(wanted), s.deidentified(wanted).orElse(null));
            } catch (Exception e) {
                s.close(); // the failure is shown; its de-identified copy goes now, not at exit
                throw e;
            }
        }, opened -> {
            if (opening != mine[0]) {
                closeLater(opened == null ? null : opened.source());
                return;
            }
            opening = null;
            busy.set(false);
            show(f, p, opened, sameFile);
        }, e -> {
            if (opening != mine[0]) {
                return;
            }
            opening = null;
            busy.set(false);
            clear();
            available.set(true);
            message.set(UserErrors.describe(e).message());
        });
        opening = mine[0];
    }

    private void show(Path f, LoadedProfile p, Opened opened, boolean sameFile) {
        closeLater(source);
        source = null;
        if (opened == null) {
            available.set(false);
            shownFile = null;
            clear();
            return;
        }
        source = opened.source();
        shownFile = f;
        available.set(true);
        DicomImage.Header h = source.header();
        header.set(h);
        withheld.set(source.withheld().map(w -> LocalizedText.of("image.withheld", w.code(), w.reason()))
                .orElse(null));
        message.set(h.unavailable() == null ? null : LocalizedText.of("image.unavailable."
                + h.unavailable().name().toLowerCase(java.util.Locale.ROOT)));
        ruleId.set(source.redaction().orElse(""));
        rectangles.setAll(rectanglesOf(p, source.redaction()));
        selected.set(-1);
        if (opened.original() != null) {
            frameWanted = opened.original().frame();
            original.set(opened.original());
            cleaned.set(opened.cleaned());
            frame.set(frameWanted);
            if (!sameFile) {
                resetWindow();
            }
        } else {
            original.set(null);
            cleaned.set(null);
        }
        updateMask();
    }

    private static List<DicomRedaction.Rectangle> rectanglesOf(LoadedProfile p, Optional<String> id) {
        if (id.isEmpty()) {
            return List.of();
        }
        return p.profile().section(DicomSection.KEY, DicomSection.class).stream()
                .flatMap(s -> s.redactions().stream()).filter(r -> r.id().equals(id.get())).findFirst()
                .map(DicomRedaction::rectangles).orElse(List.of());
    }

    private void loadFrame() {
        JobService.ImageSource s = source;
        int f = frame.get();
        frameWanted = f;
        if (s == null || original.get() == null || original.get().frame() == f || f < 0
                || f >= s.header().frames()) {
            return;
        }
        cancel(loadingFrame);
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        mine[0] = tasks.submit(task -> new Opened(s, s.original(f), s.deidentified(f).orElse(null)), opened -> {
            if (loadingFrame != mine[0] || source != s) {
                return;
            }
            loadingFrame = null;
            original.set(opened.original());
            cleaned.set(opened.cleaned());
        }, e -> {
            if (loadingFrame == mine[0]) {
                loadingFrame = null;
                message.set(UserErrors.describe(e).message());
            }
        });
        loadingFrame = mine[0];
    }

    private void clear() {
        closeLater(source);
        source = null;
        shownFile = null;
        header.set(null);
        original.set(null);
        cleaned.set(null);
        rectangles.clear();
        selected.set(-1);
        ruleId.set("");
        message.set(null);
        withheld.set(null);
        busy.set(false);
        updateMask();
    }

    private void closeLater(JobService.ImageSource s) {
        if (s != null) {
            tasks.submit(task -> {
                s.close();
                return null;
            }, done -> { }, e -> { });
        }
    }

    private static void cancel(BackgroundTasks.Task task) {
        if (task != null) {
            task.cancel();
        }
    }

    private void updateMask() {
        if (reveal.get() || original.get() == null) {
            mask.set(Mask.NONE);
        } else if (withheld.get() != null) {
            mask.set(Mask.WHOLE);
        } else {
            mask.set(rectangles.isEmpty() ? Mask.NONE : Mask.RECTANGLES);
        }
    }

    // ------------------------------------------------------------------------------ window / level

    /**
     * Back to the file's own window; to the frame's range of values when the file gives none, or one
     * that shows (almost) none of them (a flat black or white image tells the steward nothing).
     */
    public void resetWindow() {
        DicomImage.Header h = header.get();
        DicomImage img = original.get();
        if (h == null || img == null) {
            return;
        }
        double a = img.smallest() * h.rescaleSlope() + h.rescaleIntercept();
        double b = img.largest() * h.rescaleSlope() + h.rescaleIntercept();
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        if (h.photometric() == DicomImage.Photometric.COLOUR) {
            windowCenter.set(127.5);
            windowWidth.set(256);
        } else if (h.hasWindow() && showsValues(h.windowCenter() - h.windowWidth() / 2,
                h.windowCenter() + h.windowWidth() / 2, low, high)) {
            windowCenter.set(h.windowCenter());
            windowWidth.set(h.windowWidth());
        } else {
            windowCenter.set((low + high) / 2);
            windowWidth.set(Math.max(1, high - low + 1));
        }
    }

    /** Whether the window [from, to] holds every value of [low, high], or at least a part of it. */
    private static boolean showsValues(double from, double to, double low, double high) {
        boolean all = low >= from && high <= to;
        return all || Math.min(high, to) - Math.max(low, from) >= (to - from) * SHOWN_PART;
    }

    /**
     * A mouse drag of {@code dx}, {@code dy} pixels on the image: right widens the window, down
     * raises its centre, in steps that cross the frame's range of values in about 500 pixels.
     */
    public void adjustWindow(double dx, double dy) {
        DicomImage img = original.get();
        DicomImage.Header h = header.get();
        if (img == null || h == null || h.photometric() == DicomImage.Photometric.COLOUR) {
            return;
        }
        double range = Math.max(16, Math.abs((img.largest() - img.smallest()) * h.rescaleSlope()));
        double step = range / 500;
        windowWidth.set(Math.max(1, windowWidth.get() + dx * step));
        windowCenter.set(windowCenter.get() + dy * step);
    }

    // ------------------------------------------------------------------------------ rectangles

    /**
     * The rectangle between two corners given in image pixels (either order), clipped to the image;
     * empty when nothing of it is inside.
     */
    public Optional<DicomRedaction.Rectangle> rectangle(double x0, double y0, double x1, double y1) {
        DicomImage.Header h = header.get();
        if (h == null) {
            return Optional.empty();
        }
        int left = (int) Math.max(0, Math.floor(Math.min(x0, x1)));
        int top = (int) Math.max(0, Math.floor(Math.min(y0, y1)));
        int right = (int) Math.min(h.columns(), Math.ceil(Math.max(x0, x1)));
        int bottom = (int) Math.min(h.rows(), Math.ceil(Math.max(y0, y1)));
        if (right <= left || bottom <= top) {
            return Optional.empty();
        }
        return Optional.of(new DicomRedaction.Rectangle(left, top, right - left, bottom - top));
    }

    /** {@code r} moved by whole pixels, kept inside the image. */
    public DicomRedaction.Rectangle moved(DicomRedaction.Rectangle r, double dx, double dy) {
        DicomImage.Header h = header.get();
        int x = (int) Math.round(r.x() + dx);
        int y = (int) Math.round(r.y() + dy);
        x = Math.max(0, Math.min(h.columns() - r.width(), x));
        y = Math.max(0, Math.min(h.rows() - r.height(), y));
        return new DicomRedaction.Rectangle(x, y, r.width(), r.height());
    }

    /** Adds a rectangle to the rule that applies (or to a new rule for images like this one). */
    public void addRectangle(DicomRedaction.Rectangle r) {
        List<DicomRedaction.Rectangle> next = new ArrayList<>(rectangles);
        next.add(r);
        apply(next, next.size() - 1);
    }

    /** Replaces rectangle {@code index} (moved or resized). */
    public void replaceRectangle(int index, DicomRedaction.Rectangle r) {
        if (index < 0 || index >= rectangles.size() || rectangles.get(index).equals(r)) {
            return;
        }
        List<DicomRedaction.Rectangle> next = new ArrayList<>(rectangles);
        next.set(index, r);
        apply(next, index);
    }

    /** Removes the selected rectangle. */
    public void removeSelected() {
        int index = selected.get();
        if (index < 0 || index >= rectangles.size()) {
            return;
        }
        List<DicomRedaction.Rectangle> next = new ArrayList<>(rectangles);
        next.remove(index);
        apply(next, -1);
    }

    private void apply(List<DicomRedaction.Rectangle> next, int select) {
        DicomImage.Header h = header.get();
        if (h == null) {
            return;
        }
        // Shown at once; the profile's text, validated, brings the preview and the image back in step.
        rectangles.setAll(next);
        selected.set(select);
        editor.setRedaction(ruleId.get().isEmpty() ? null : ruleId.get(), h, List.copyOf(next));
    }

    // ------------------------------------------------------------------------------ properties

    /** The selected input file ({@code null}: none). */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The profile applied (the preview's). */
    public ObjectProperty<LoadedProfile> profileProperty() {
        return profile;
    }

    /** Whether original pixels a run changes are shown (the preview's reveal). */
    public BooleanProperty revealProperty() {
        return reveal;
    }

    /** Whether the selected file is a DICOM file (the Image tab is shown). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Whether the image is being opened. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the file says about its image, or {@code null}. */
    public ReadOnlyObjectProperty<DicomImage.Header> headerProperty() {
        return header.getReadOnlyProperty();
    }

    /** The frame shown, from 0. */
    public IntegerProperty frameProperty() {
        return frame;
    }

    /** The original frame (holds original pixels: never log it), or {@code null}. */
    public ReadOnlyObjectProperty<DicomImage> originalProperty() {
        return original.getReadOnlyProperty();
    }

    /** The frame as a run writes it, or {@code null} (withheld, or not shown). */
    public ReadOnlyObjectProperty<DicomImage> cleanedProperty() {
        return cleaned.getReadOnlyProperty();
    }

    /** The window centre, in rescaled values. */
    public DoubleProperty windowCenterProperty() {
        return windowCenter;
    }

    /** The window width, in rescaled values. */
    public DoubleProperty windowWidthProperty() {
        return windowWidth;
    }

    /** The rectangles of the redaction rule that applies, in image pixels. */
    public ObservableList<DicomRedaction.Rectangle> rectangles() {
        return rectangles;
    }

    /** The selected rectangle's index, or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The redaction rule a run applies to the file, or empty. */
    public ReadOnlyStringProperty ruleIdProperty() {
        return ruleId.getReadOnlyProperty();
    }

    /** Why nothing can be shown (compressed pixels, no image, a failure), or {@code null}. */
    public ReadOnlyObjectProperty<LocalizedText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why a run withholds the file (the de-identified side shows it), or {@code null}. */
    public ReadOnlyObjectProperty<LocalizedText> withheldProperty() {
        return withheld.getReadOnlyProperty();
    }

    /** What of the original is masked now. */
    public ReadOnlyObjectProperty<Mask> maskProperty() {
        return mask.getReadOnlyProperty();
    }
}

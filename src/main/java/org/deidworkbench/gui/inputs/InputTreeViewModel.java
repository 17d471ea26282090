package org.deidworkbench.gui.inputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.job.FileKind;
import org.deidworkbench.job.JobException;

/**
 * The opened export: its folders and files (found and format-detected on a worker thread), the
 * selection, and each file's status. Used on the FX thread.
 */
public final class InputTreeViewModel {

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final ObservableList<InputItem> roots = FXCollections.observableArrayList();
    private final ObjectProperty<InputItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Path> selectedFile = new ReadOnlyObjectWrapper<>(this, "selectedFile");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<LocalizedText> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private BackgroundTasks.Task current;

    public InputTreeViewModel(JobService jobs, BackgroundTasks tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
        selected.addListener((o, was, now) -> selectedFile.set(now == null || now.isFolder() ? null : now.path()));
    }

    /**
     * Opens folders and files as the export to work on (replacing what was open): they are walked
     * and their formats detected on a worker thread. Paths that do not exist are ignored.
     *
     * @param whenDone called on the FX thread with the opened roots
     */
    public void open(List<Path> paths, java.util.function.Consumer<List<Path>> whenDone) {
        List<Path> absolute = paths.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        if (current != null) {
            current.cancel();
        }
        loading.set(true);
        failure.set(null);
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        mine[0] = tasks.submit(task -> scan(absolute, task), nodes -> {
            if (current != mine[0]) {
                return;
            }
            loading.set(false);
            selected.set(null);
            List<InputItem> items = nodes.stream().map(InputTreeViewModel::toItem).toList();
            roots.setAll(items);
            whenDone.accept(items.stream().map(InputItem::path).toList());
        }, e -> {
            if (current != mine[0]) {
                return;
            }
            loading.set(false);
            failure.set(LocalizedText.of("tree.open.failed", e.getClass().getSimpleName()));
        });
        current = mine[0];
    }

    /** A found path, before it becomes an observable item on the FX thread. */
    private record Node(Path path, FileKind kind, List<Node> children) {
    }

    private List<Node> scan(List<Path> paths, BackgroundTasks.Task task) {
        List<Node> nodes = new ArrayList<>();
        for (Path p : paths) {
            if (task.cancelled()) {
                break;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                nodes.add(folder(p, task));
            } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                nodes.add(new Node(p, kind(p), List.of()));
            }
        }
        return nodes;
    }

    private Node folder(Path dir, BackgroundTasks.Task task) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.sorted(Comparator.comparing((Path p) -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .thenComparing(p -> p.getFileName().toString())).toList();
        } catch (IOException | UncheckedIOException e) {
            entries = List.of();
        }
        List<Node> children = new ArrayList<>();
        for (Path p : entries) {
            if (task.cancelled()) {
                break;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                children.add(folder(p, task));
            } else {
                children.add(new Node(p, kind(p), List.of()));
            }
        }
        return new Node(dir, null, children);
    }

    /** The file's kind as a run sees it (a link or an unreadable file withheld with its reason: the job says which). */
    private FileKind kind(Path file) {
        try {
            return jobs.kind(file);
        } catch (JobException e) {
            return new FileKind("UNKNOWN", "unrecognised files", false, "FORMAT-UNKNOWN", ""); // gone since it was listed
        }
    }

    private static InputItem toItem(Node n) {
        return n.kind() == null ? new InputItem(n.path(), n.children().stream().map(InputTreeViewModel::toItem).toList())
                : new InputItem(n.path(), n.kind());
    }

    /** The top-level items (the opened folders and files). */
    public ObservableList<InputItem> roots() {
        return roots;
    }

    /** The opened paths, as a run's inputs. */
    public List<Path> rootPaths() {
        return roots.stream().map(InputItem::path).toList();
    }

    public ObjectProperty<InputItem> selectedProperty() {
        return selected;
    }

    /** The selected file, or {@code null} when nothing or a folder is selected. */
    public ReadOnlyObjectProperty<Path> selectedFileProperty() {
        return selectedFile.getReadOnlyProperty();
    }

    /** Whether folders are being walked. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the last open failed, or {@code null}. */
    public ReadOnlyObjectProperty<LocalizedText> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Every file item, depth first. */
    public List<InputItem> files() {
        List<InputItem> out = new ArrayList<>();
        roots.forEach(r -> collect(r, out));
        return out;
    }

    private static void collect(InputItem item, List<InputItem> out) {
        if (item.isFolder()) {
            item.children().forEach(c -> collect(c, out));
        } else {
            out.add(item);
        }
    }

    /** The file item for {@code path}, if it is open. */
    public Optional<InputItem> find(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return files().stream().filter(i -> i.path().equals(abs)).findFirst();
    }

    /** Selects the file at {@code path} if it is open. */
    public void select(Path path) {
        find(path).ifPresent(selected::set);
    }

    /** Sets a file's badge (after a preview or a run). */
    public void setStatus(Path path, FileStatus status, LocalizedText reason) {
        find(path).ifPresent(i -> {
            i.statusProperty().set(status);
            i.reasonProperty().set(reason);
        });
    }
}

package org.deidworkbench.format.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomDictionary;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomFormatException;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.RunOutputs;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DicomOption;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;

/**
 * Applies a profile's {@code dicom:} section to DICOM files: scan notes the patient (Patient ID) and
 * the identifiers every kept text must lose; transform streams each file through the codec, cleans
 * its data set with {@link DatasetCleaner}, redacts or withholds its pixels ({@link PixelSafety}),
 * marks it ({@link Marking}) and writes it with a regenerated file meta group; preview does the same
 * in memory, explain lists the decision for each element, and finish makes the input's DICOMDIRs
 * anew over the outputs ({@link DicomdirRegeneration}). Thread-safe: one instance serves all
 * DICOM files of a run; each file is read, cleaned and written by one thread.
 */
final class DicomProcessor implements FileProcessor {

    private final Deidentifier engine;
    private final DicomPolicy policy;
    private final Methods methods;
    private final DicomReader reader;

    /**
     * @param scratch where deflated data sets are inflated (the run's scratch folder), or null for
     *     the system's temporary folder (previews)
     */
    DicomProcessor(Deidentifier engine, DicomSection section, Path scratch) {
        this.engine = engine;
        this.policy = new DicomPolicy(section);
        this.methods = new Methods(engine);
        this.reader = scratch == null ? new DicomReader()
                : new DicomReader().withSpool(scratch, DicomReader.DEFAULT_SPOOL_LIMIT);
    }

    /** The engine's methods for DICOM values, made once per run. Thread-safe. */
    static final class Methods {
        private final Deidentifier engine;
        private final DeidMethod shiftDate;
        private final DeidMethod remapUid;
        private volatile DeidMethod scrubText;
        private final Map<ActionSpec, DeidMethod> byRule = new ConcurrentHashMap<>();

        Methods(Deidentifier engine) {
            this.engine = engine;
            this.shiftDate = engine.method(new ActionSpec.ShiftDate());
            this.remapUid = engine.method(new ActionSpec.RemapUid());
        }

        Deidentifier engine() {
            return engine;
        }

        DeidMethod shiftDate() {
            return shiftDate;
        }

        DeidMethod remapUid() {
            return remapUid;
        }

        /** Scrubbing knows the identifiers noted before the engine froze them; made on first use. */
        DeidMethod scrubText() {
            DeidMethod m = scrubText;
            if (m == null) {
                m = engine.method(new ActionSpec.ScrubText());
                scrubText = m;
            }
            return m;
        }

        DeidMethod of(ActionSpec spec) {
            return byRule.computeIfAbsent(spec, engine::method);
        }
    }

    @Override
    public void scan(Path input, String name, BooleanSupplier cancelled) throws IOException, FormatException {
        checkCancel(cancelled);
        // The header is read again by the transform, not kept from here: kept headers lived through the whole
        // scan pass and every young collection copied them (decision 0071).
        try (DicomFile file = read(input)) {
            Dataset ds = file.dataset();
            DatasetCleaner scanner = new DatasetCleaner(methods, policy, declarations(ds), DatasetCleaner.Mode.SCAN,
                    false, name);
            scanner.subject(ds);
            scanner.walk(ds); // reads only: the data set is as the reader made it
        }
    }

    @Override
    public FileStats transform(Path input, String name, OutputStream out, BooleanSupplier cancelled)
            throws IOException, FormatException {
        checkCancel(cancelled);
        try (DicomFile file = read(input)) {
            Cleaned c = clean(file, name, false);
            write(c.file(), out);
            return c.stats();
        }
    }

    /** A cleaned file ready to be written, with what was done. */
    private record Cleaned(DicomFile file, FileStats stats, List<PreviewField> fields, List<PreviewField> added) {
    }

    /** The rule id under which blanked metadata segments of compressed pixel data are counted. */
    static final String PIXEL_METADATA_RULE = "pixel-data-metadata";

    private Cleaned clean(DicomFile file, String name, boolean preview) throws IOException, FormatException {
        Dataset ds = file.dataset();
        PixelSafety.Plan plan = PixelSafety.plan(ds, policy.section());
        DatasetCleaner cleaner = new DatasetCleaner(methods, policy, declarations(ds), DatasetCleaner.Mode.TRANSFORM,
                preview, name);
        cleaner.subject(ds);
        cleaner.walk(ds);
        boolean redacted = false;
        if (plan instanceof PixelSafety.Redact r) {
            if (!r.rule().rectangles().isEmpty()) {
                PixelSafety.redact(ds, r.rule());
                redacted = true;
            }
            cleaner.count(r.rule().id() + " (redact)");
        }
        // EXIF, XMP, IPTC and comments inside compressed frames: blanked in place (decision 0156)
        for (int n = PixelMetadata.blank(ds, file.transferSyntax()); n > 0; n--) {
            cleaner.count(PIXEL_METADATA_RULE + " (blank)");
        }
        Map<Integer, Element> before = new java.util.HashMap<>();
        for (int tag : Marking.tags()) {
            Element e = ds.get(tag);
            if (e != null) {
                before.put(tag, e);
            }
        }
        Marking.mark(ds, policy.section(), policy.tableEdition(),
                Marking.dates(cleaner.datesShifted(), cleaner.datesKept()), redacted);
        cleaner.count("marking (added)");
        List<PreviewField> added = new ArrayList<>();
        if (preview) {
            for (int tag : Marking.tags()) {
                Element e = ds.get(tag);
                if (e != null && e != before.get(tag)) {
                    String was = before.containsKey(tag) ? Display.of(ds, before.get(tag)) : null;
                    added.add(PreviewField.leaf(Tag.toString(tag), DicomDictionary.standard().keyword(tag), was,
                            Display.of(ds, e), "marking", "add"));
                }
            }
        }
        FileStats stats = new FileStats(1, cleaner.counts(), cleaner.warnings(), cleaner.warningCount(),
                cleaner.keptByDefault());
        // The file meta group is regenerated from the cleaned data set: nothing of the original's stays.
        return new Cleaned(new DicomFile(new Dataset(), ds, file.transferSyntax()), stats, cleaner.previewFields(),
                added);
    }

    private static void write(DicomFile file, OutputStream out) throws IOException, FormatException {
        try {
            new DicomWriter().write(file, out);
        } catch (DicomFormatException e) {
            throw formatException(e);
        }
    }

    @Override
    public FilePreview preview(Path input, String name, int maxRecords, BooleanSupplier cancelled)
            throws IOException, FormatException {
        checkCancel(cancelled);
        try (DicomFile file = read(input)) {
            Cleaned c = clean(file, name, true);
            List<PreviewField> fields = new ArrayList<>(c.fields());
            fields.addAll(c.added());
            List<PreviewRecord> records = maxRecords > 0 ? List.of(new PreviewRecord("data set", fields)) : List.of();
            return new FilePreview("DICOM", FilePreview.Layout.TREE, List.of(), records, 1, maxRecords < 1,
                    c.stats().warnings());
        }
    }

    /** Makes anew each DICOMDIR of the input, over the files written into its folder ({@link DicomdirRegeneration}). */
    @Override
    public void finish(RunOutputs run) throws IOException {
        new DicomdirRegeneration().finish(run);
    }

    @Override
    public List<FieldDecision> explain(Path input) throws IOException, FormatException {
        try (DicomFile file = read(input)) {
            return Explainer.explain(file.dataset(), policy, declarations(file.dataset()));
        }
    }

    private PrivateDeclarations declarations(Dataset ds) {
        return policy.section().has(DicomOption.RETAIN_SAFE_PRIVATE) ? PrivateDeclarations.of(ds)
                : PrivateDeclarations.NONE;
    }

    private DicomFile read(Path input) throws IOException, FormatException {
        try {
            return reader.read(input);
        } catch (DicomFormatException e) {
            throw formatException(e);
        }
    }

    static FormatException formatException(DicomFormatException e) {
        return new FormatException(e.code(), e.location(), e.reason());
    }

    private static void checkCancel(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("run cancelled");
        }
    }
}

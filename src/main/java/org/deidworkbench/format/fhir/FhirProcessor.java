package org.deidworkbench.format.fhir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.ScanIndex;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewRecord;
import org.hl7.fhir.r4.model.Resource;

/**
 * Applies a profile's {@code fhir:} section to FHIR files: JSON and XML resources and Bundles
 * (parsed whole; written in the input's character set and layout), and NDJSON bulk exports, read
 * and written one resource per line so that memory depends on the longest line, not on the file.
 * A bad NDJSON line is left out and reported by line number; the rest of the file is written.
 * Thread-safe: one instance serves all FHIR files of a run; the shared state is in {@link FhirRun}.
 */
final class FhirProcessor implements FileProcessor {

    /** NDJSON lines longer than this (in characters) are reported and left out. */
    static final int MAX_LINE_CHARS = 64 * 1024 * 1024;
    private static final int CANCEL_CHECK_EVERY = 256;

    /** JSON and XML Bundles larger than this are read and written entry by entry ({@link BundleStream}). */
    static final long STREAM_BUNDLES_FROM_BYTES = 16L * 1024 * 1024;

    private final Deidentifier engine;
    private final boolean noteIdentifiersWhileTransforming;
    private final long streamFromBytes;
    /** Whether NDJSON lines are cleaned over Jackson tokens where {@link JsonTransform} can (decision 0025). */
    private final boolean tokens;
    private volatile FhirRun run;
    /** The run's merged patient index when this processor's files were scanned elsewhere; null: its own. */
    private volatile ScanIndex mergedPatients;

    FhirProcessor(Deidentifier engine, boolean noteIdentifiersWhileTransforming) {
        this(engine, noteIdentifiersWhileTransforming, STREAM_BUNDLES_FROM_BYTES);
    }

    /** @param streamFromBytes the size from which JSON Bundles are streamed (tests lower it) */
    FhirProcessor(Deidentifier engine, boolean noteIdentifiersWhileTransforming, long streamFromBytes) {
        this(engine, noteIdentifiersWhileTransforming, streamFromBytes, true);
    }

    /** @param tokens false to clean every resource through HAPI objects (the reference the token path is tested against) */
    FhirProcessor(Deidentifier engine, boolean noteIdentifiersWhileTransforming, long streamFromBytes, boolean tokens) {
        this.tokens = tokens;
        this.engine = engine;
        this.noteIdentifiersWhileTransforming = noteIdentifiersWhileTransforming;
        this.streamFromBytes = streamFromBytes;
    }

    /** Files below this size are read whole before their format is known (one opening and reading per pass). */
    private static final long READ_WHOLE_BELOW = 1 << 20;

    /**
     * The bytes of a file smaller than {@link #READ_WHOLE_BELOW} and than Bundles streamed entry by entry,
     * read once for its format and its text (decision 0072); null for a larger file, read as before.
     */
    private byte[] wholeIfSmall(Path input) throws IOException {
        return Files.size(input) < Math.min(READ_WHOLE_BELOW, streamFromBytes) ? Files.readAllBytes(input) : null;
    }

    /**
     * The file's format, from its first bytes as {@link FormatDetector#detect(Path)} reads them: from
     * {@code whole} when the file was read whole, else from the file.
     */
    private static FileFormat format(Path input, byte[] whole) throws IOException {
        if (whole == null) {
            return FormatDetector.detect(input);
        }
        byte[] head = whole.length <= FormatDetector.HEAD ? whole : java.util.Arrays.copyOf(whole, FormatDetector.HEAD);
        return FormatDetector.detect(head, input.getFileName().toString());
    }

    /** Whether the file is a JSON Bundle big enough to be read entry by entry. */
    private BundleStream streamed(Path input, FileFormat format) throws IOException {
        if (Files.size(input) < streamFromBytes) {
            return null;
        }
        if (format == FileFormat.FHIR_JSON && JsonBundleStream.isBundle(input)) {
            return new JsonBundleStream(input);
        }
        if (format == FileFormat.FHIR_XML && XmlBundleStream.isBundle(input) && FhirText.sniffXml(input) != null) {
            return new XmlBundleStream(input);
        }
        return null;
    }

    /** The run's shared FHIR state, made on the first FHIR file (creating HAPI's context costs a second). */
    private FhirRun run() throws FormatException {
        FhirRun r = run;
        if (r == null) {
            synchronized (this) {
                r = run;
                if (r == null) {
                    FhirSection section = engine.profile().section(FhirSection.KEY, FhirSection.class)
                            .orElseThrow(() -> new FormatException("FHIR-NO-SECTION", "", "the profile has no fhir"
                                    + " section; profiles loaded from files get the built-in fhir-safe-harbor one"));
                    r = new FhirRun(engine, section);
                    if (mergedPatients != null) {
                        r.patients.readFrom(mergedPatients);
                    }
                    run = r;
                }
            }
        }
        return r;
    }

    /** The subject of a resource's first reference into the Patient compartment that names a Patient (0164). */
    @Override
    public String ownerSubject(String owner) {
        FhirRun r = run;
        ScanIndex merged = mergedPatients; // a cluster's driver scanned nothing itself
        String[] keys = ScanSink.ownerKeys(owner);
        if (r == null && merged == null || keys == null) {
            return null;
        }
        for (String key : keys) {
            java.util.Optional<String> subjectId = r != null ? r.patients.subjectId(key)
                    : PatientIndex.subjectId(merged, key);
            if (subjectId.isPresent()) {
                return subjectId.get();
            }
        }
        return null;
    }

    /**
     * Pass 0: the resources the run's Provenance and AuditEvent resources point at ({@link ProvenanceTargets}), whose
     * owners the scan then records (decision 0215). A profile without a fhir section finds none (its scans say why).
     */
    @Override
    public void analyze(List<Path> files, BooleanSupplier cancelled) {
        analyze(files, org.deidworkbench.format.FileTasks.HERE, cancelled);
    }

    /** As {@link #analyze(List, BooleanSupplier)}, each file read as a piece where {@code tasks} puts it. */
    @Override
    public void analyze(List<Path> files, org.deidworkbench.format.FileTasks tasks, BooleanSupplier cancelled) {
        FhirRun r;
        try {
            r = run();
        } catch (FormatException e) {
            return;
        }
        r.targets = ProvenanceTargets.of(files, tasks, cancelled);
    }

    @Override
    public java.io.Serializable analysis() {
        FhirRun r = run;
        return r == null ? null : r.targets;
    }

    @Override
    public void useAnalysis(java.io.Serializable analysis) {
        if (analysis instanceof ProvenanceTargets t) {
            try {
                run().targets = t;
            } catch (FormatException e) {
                // no fhir section: nothing is scanned
            }
        }
    }

    /** The patient index this processor's scans made (empty before the first FHIR file). */
    @Override
    public java.util.Map<String, String> scanIndex() {
        FhirRun r = run;
        return r == null ? java.util.Map.of() : r.patients.entries();
    }

    @Override
    public void useScanIndex(ScanIndex index) {
        synchronized (this) {
            mergedPatients = index;
            if (run != null) {
                run.patients.readFrom(index);
            }
        }
    }

    /**
     * Reads JSON and NDJSON with {@link JsonScan} (no HAPI objects), handing to HAPI whatever it
     * leaves to it: a line, an entry of a Bundle, or (when HAPI refuses part of it) a whole file, so
     * that what is learnt and every error are exactly those of scanning with HAPI. XML: HAPI.
     */
    @Override
    public void scan(Path input, String name, BooleanSupplier cancelled) throws IOException, FormatException {
        FhirRun r = run();
        FileTally tally = new FileTally(name, false);
        ScanSink sink = ScanSink.of(r);
        ResourceCleaner cleaner = new ResourceCleaner(r, false, tally, false, sink);
        byte[] whole = wholeIfSmall(input);
        FileFormat format = format(input, whole);
        JsonScan lean = new JsonScan(r, sink);
        BundleStream stream = whole != null ? null : streamed(input, format);
        if (stream != null) {
            scanStreamed(r, stream, stream.xml() ? null : lean, sink, tally, cancelled);
        } else if (format == FileFormat.FHIR_JSON) {
            FhirText text = FhirText.of(whole != null ? whole : Files.readAllBytes(input), false);
            try {
                lean.scan(text.text(), (one, n, into) -> hapiEntry(r, one, n, into, tally));
                return;
            } catch (JsonScan.Fallback | FormatException | DeidException e) {
                // HAPI reads the whole file, and says in its own words what is wrong with it
            }
            cleaner.process(parse(text, false, tally), "");
        } else {
            ScanSkip skip = format == FileFormat.FHIR_NDJSON ? r.scanSkip() : null;
            each(input, name, cancelled, tally, (resource, where) -> cleaner.process(resource, where), null,
                    cleaner::entryBase, (line, where, newline) -> {
                        if (skip != null && skip.skips(line, r.targets)) {
                            return true; // nothing to learn here: the transform reads the line (decision 0050)
                        }
                        try {
                            lean.scan(line, (one, n, into) -> hapiEntry(r, one, n, into, tally));
                            return true;
                        } catch (JsonScan.Fallback | FormatException | DeidException e) {
                            return false; // HAPI reads the line (and reports what is wrong with it)
                        }
                    });
        }
    }

    /** A large Bundle, entry by entry, each read by {@link JsonScan} (JSON) or else by HAPI. */
    private void scanStreamed(FhirRun r, BundleStream stream, JsonScan lean, ScanSink sink, FileTally tally,
            BooleanSupplier cancelled) throws IOException, FormatException {
        String shell = stream.shellText();
        boolean leanShell = false;
        if (lean != null) {
            try {
                lean.scan(shell, (one, n, into) -> {
                    throw new IllegalStateException("a Bundle's shell has no entries");
                });
                leanShell = true;
            } catch (JsonScan.Fallback | DeidException e) {
                // HAPI reads the shell
            }
        }
        if (!leanShell) {
            new ResourceCleaner(r, false, tally, false, sink).process(stream.parse(shell, "", new FhirParsing.Dropped()), "");
        }
        stream.entryTexts((text, n) -> {
            if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("run cancelled");
            }
            if (lean != null) {
                try {
                    lean.scan(text, (one, k, into) -> hapiEntry(r, stream, one, n, into, tally));
                    return;
                } catch (JsonScan.Fallback | DeidException e) {
                    // HAPI reads the entry
                }
            }
            hapiEntry(r, stream, text, n, sink, tally);
        });
    }

    /** HAPI's scan of one Bundle entry (in a one-entry Bundle), reported to {@code into}. */
    private static void hapiEntry(FhirRun r, BundleStream stream, String oneEntryBundle, long number, ScanSink into,
            FileTally tally) throws FormatException {
        ResourceCleaner c = new ResourceCleaner(r, false, tally, false, into);
        c.entryBase(number);
        c.process(stream.parse(oneEntryBundle, "entry " + number, new FhirParsing.Dropped()), "");
    }

    /** HAPI's scan of one entry of an in-memory JSON text that {@link JsonScan} handed back. */
    private static void hapiEntry(FhirRun r, String oneEntryBundle, long number, ScanSink into, FileTally tally)
            throws FormatException {
        ResourceCleaner c = new ResourceCleaner(r, false, tally, false, into);
        c.entryBase(number);
        c.process(FhirParsing.parse(oneEntryBundle, false, "entry " + number, new FhirParsing.Dropped()), "");
    }

    @Override
    public FileStats transform(Path input, String name, OutputStream out, BooleanSupplier cancelled)
            throws IOException, FormatException {
        if (noteIdentifiersWhileTransforming) {
            // No scan pass ran: this file's own patients must still be known before its resources.
            scan(input, name, cancelled);
        } else {
            run().queriesFinal(); // the scan pass is over: what conditional references are rewritten from is final
        }
        FileTally tally = new FileTally(name, false);
        ResourceCleaner cleaner = new ResourceCleaner(run(), true, tally, false);
        byte[] whole = wholeIfSmall(input);
        FileFormat format = format(input, whole);
        BundleStream stream = whole != null || format == FileFormat.FHIR_NDJSON ? null : streamed(input, format);
        if (format == FileFormat.FHIR_NDJSON) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            JsonTransform lean = tokens ? new JsonTransform(run(), cleaner, tally) : null;
            each(input, name, cancelled, tally, (resource, where) -> cleaner.process(resource, where),
                    (resource, newline) -> {
                        w.write(FhirParsing.encode(resource, false, false));
                        w.write(newline);
                    }, n -> { }, lean == null ? null : (line, where, newline) -> {
                        String cleaned;
                        try {
                            cleaned = lean.transform(line, where);
                        } catch (JsonScan.Fallback e) {
                            return false; // HAPI parses and cleans the line
                        }
                        w.write(cleaned);
                        w.write(newline);
                        return true;
                    });
            w.flush();
        } else if (stream != null) {
            transformStreamed(input, stream, out, cleaner, tally, cancelled);
        } else {
            boolean xml = format == FileFormat.FHIR_XML;
            FhirText text = FhirText.of(whole != null ? whole : Files.readAllBytes(input), xml);
            if (tokens && !xml) {
                try {
                    String cleaned = new JsonBundleTransform(run(), cleaner, tally).transform(text.text(), text.pretty(), 1);
                    text.write(cleaned, out);
                    return tally.stats();
                } catch (JsonScan.Fallback e) {
                    // HAPI parses and cleans the whole file (and says what is wrong with it)
                }
            }
            Resource resource;
            try {
                resource = parse(text, xml, tally);
            } catch (FormatException e) {
                throw xml ? e : firstBadEntry(text.text(), e);
            }
            cleaner.process(resource, "");
            text.write(FhirParsing.encode(resource, xml, text.pretty()), out);
        }
        return tally.stats();
    }

    /**
     * A large Bundle: the shell is cleaned and printed with a placeholder entry, and the cleaned
     * entries, printed one by one as HAPI prints them inside a Bundle, replace the placeholder.
     */
    private void transformStreamed(Path input, BundleStream stream, OutputStream out, ResourceCleaner cleaner,
            FileTally tally, BooleanSupplier cancelled) throws IOException, FormatException {
        boolean xml = stream.xml();
        FhirText form = xml ? FhirText.sniffXml(input) : FhirText.sniff(input);
        FhirParsing.Dropped dropped = new FhirParsing.Dropped();
        org.hl7.fhir.r4.model.Bundle shell = stream.parse(stream.shellText(), "", dropped);
        cleaner.process(shell, "");
        shell.addEntry().setFullUrl(BundleStream.PLACEHOLDER);
        String[] around = stream.splitAtPlaceholder(FhirParsing.encode(shell, xml, form.pretty()));
        String separator = stream.separator(around, form.pretty());
        Writer w = new BufferedWriter(new OutputStreamWriter(out, form.charset()), 1 << 16);
        w.write(form.prefix());
        w.write(lines(around[0], form));
        boolean[] first = {true};
        JsonBundleTransform lean = tokens && !xml ? new JsonBundleTransform(run(), cleaner, tally) : null;
        stream.entryTexts((text, n) -> {
            if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("run cancelled");
            }
            String printed = null;
            if (lean != null) {
                try {
                    printed = lean.transform(text, form.pretty(), n);
                } catch (JsonScan.Fallback e) {
                    // HAPI parses and cleans the entry
                }
            }
            if (printed == null) {
                org.hl7.fhir.r4.model.Bundle one = stream.parse(text, "entry " + n, dropped);
                cleaner.entryBase(n);
                cleaner.process(one, "");
                printed = FhirParsing.encode(one, xml, form.pretty());
            }
            if (!first[0]) {
                w.write(lines(separator, form));
            }
            first[0] = false;
            w.write(lines(stream.entryText(printed), form));
        });
        w.write(lines(around[1], form));
        if (form.finalNewline()) {
            w.write(form.newline());
        }
        w.flush();
        warnDropped(dropped, tally);
    }

    /**
     * The error of a JSON Bundle HAPI refuses, named by its first entry HAPI refuses as a Bundle of its
     * own ({@code entry 3, ...}), as the scan named it when it read every entry (decision 0067: an entry
     * the scan passes over is found bad here); {@code whole} when the text is no JSON Bundle or every
     * entry reads alone.
     */
    private static FormatException firstBadEntry(String text, FormatException whole) {
        try (com.fasterxml.jackson.core.JsonParser p = JsonScan.JSON.createParser(text)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                return whole;
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                if (!name.equals("entry") || t != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                long n = 0;
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    n++;
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    String entry = text.substring(start, (int) p.currentLocation().getCharOffset());
                    try {
                        FhirParsing.parse("{\"resourceType\":\"Bundle\",\"entry\":[" + entry + "]}", false,
                                "entry " + n, new FhirParsing.Dropped());
                    } catch (FormatException e) {
                        return e;
                    }
                }
                return whole;
            }
        } catch (IOException | RuntimeException e) {
            return whole; // not plain JSON: HAPI's error of the whole text
        }
        return whole;
    }

    private static void warnDropped(FhirParsing.Dropped dropped, FileTally tally) {
        if (dropped.unknownElements > 0) {
            tally.warn("FHIR-UNKNOWN-ELEMENT", "", dropped.unknownElements + " element(s) not defined in FHIR R4 were"
                    + " left out");
        }
        if (dropped.comments > 0) {
            tally.warn("FHIR-XML-COMMENT", "", dropped.comments + " XML comment(s) left out (free text no rule covers)");
        }
    }

    private static String lines(String text, FhirText form) {
        return form.newline().equals("\n") ? text : text.replace("\n", form.newline());
    }

    @Override
    public FilePreview preview(Path input, String name, int maxRecords, BooleanSupplier cancelled)
            throws IOException, FormatException {
        FileTally tally = new FileTally(name, false);
        ResourceCleaner cleaner = new ResourceCleaner(run(), true, tally, true);
        FileFormat format = FormatDetector.detect(input);
        boolean[] truncated = {false};
        try {
            each(input, name, cancelled, tally, (resource, where) -> {
                if (cleaner.previews().size() >= maxRecords) {
                    truncated[0] = true;
                    throw new StopReading();
                }
                cleaner.process(resource, where);
            }, null, cleaner::entryBase);
        } catch (StopReading stop) {
            // the preview has its records
        }
        List<PreviewRecord> records = cleaner.previews();
        if (records.size() > maxRecords) {
            truncated[0] = true;
            records = new ArrayList<>(records.subList(0, maxRecords));
        }
        return new FilePreview(format.name(), FilePreview.Layout.TREE, List.of(), records, records.size(), truncated[0],
                tally.warnings());
    }

    @Override
    public List<FieldDecision> explain(Path input) throws IOException, FormatException {
        FileTally tally = new FileTally(input.getFileName().toString(), true);
        ResourceCleaner cleaner = new ResourceCleaner(run(), false, tally, false, ScanSink.none());
        try {
            each(input, "", () -> false, tally, (resource, where) -> {
                if (tally.records >= 1000) {
                    throw new StopReading();
                }
                cleaner.process(resource, where);
            }, null, cleaner::entryBase);
        } catch (StopReading stop) {
            // a thousand resources show every element path a file's resource types use
        }
        return tally.decisions();
    }

    private static Resource parse(FhirText text, boolean xml, FileTally tally) throws FormatException {
        FhirParsing.Dropped dropped = new FhirParsing.Dropped();
        Resource r = FhirParsing.parse(text.text(), xml, "", dropped);
        warnDropped(dropped, tally);
        return r;
    }

    // ---------------------------------------------------------------- resource by resource

    private interface ResourceTask {
        void accept(Resource resource, String where) throws FormatException;
    }

    private interface ResourceSink {
        void write(Resource resource, String newline) throws IOException;
    }

    /** Thrown to stop reading early (previews). */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }

    /**
     * Calls {@code task} on each resource of a file (each line of NDJSON; the one resource of a JSON
     * or XML file) and, for NDJSON, hands each cleaned one to {@code sink}. An NDJSON line that
     * cannot be read or cleaned is reported with its number and left out.
     */
    private void each(Path input, String name, BooleanSupplier cancelled, FileTally tally, ResourceTask task,
            ResourceSink sink) throws IOException, FormatException {
        each(input, name, cancelled, tally, task, sink, n -> { });
    }

    private void each(Path input, String name, BooleanSupplier cancelled, FileTally tally, ResourceTask task,
            ResourceSink sink, java.util.function.LongConsumer entryBase) throws IOException, FormatException {
        each(input, name, cancelled, tally, task, sink, entryBase, null);
    }

    /**
     * Handles a whole NDJSON line itself, or returns false to have it parsed and given to the task;
     * a {@link FormatException} leaves the line out as one from the task does.
     */
    private interface LineFirst {
        boolean handled(String line, String where, String newline) throws FormatException, IOException;
    }

    private void each(Path input, String name, BooleanSupplier cancelled, FileTally tally, ResourceTask task,
            ResourceSink sink, java.util.function.LongConsumer entryBase, LineFirst first)
            throws IOException, FormatException {
        FileFormat format = FormatDetector.detect(input);
        BundleStream stream = streamed(input, format);
        if (stream != null) {
            task.accept(stream.parse(stream.shellText(), "", new FhirParsing.Dropped()), "");
            stream.entryTexts((text, n) -> {
                org.hl7.fhir.r4.model.Bundle one = stream.parse(text, "entry " + n, new FhirParsing.Dropped());
                if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled");
                }
                entryBase.accept(n);
                task.accept(one, "");
            });
            return;
        }
        if (format != FileFormat.FHIR_NDJSON) {
            boolean xml = format == FileFormat.FHIR_XML;
            FhirText text = FhirText.of(Files.readAllBytes(input), xml);
            task.accept(parse(text, xml, tally), "");
            return;
        }
        try (InputStream in = Files.newInputStream(input);
                InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            LineReader lines = new LineReader(reader);
            String line;
            long n = 0;
            while ((line = lines.next()) != null) {
                n++;
                if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled");
                }
                String where = "line " + n;
                if (lines.tooLong()) {
                    tally.warn("FHIR-LINE-TOO-LONG", where, "the line is longer than " + MAX_LINE_CHARS
                            + " characters; it was left out");
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (first != null && first.handled(line, where, lines.newline())) {
                        continue;
                    }
                    FhirParsing.Dropped dropped = new FhirParsing.Dropped();
                    Resource resource = FhirParsing.parse(line, false, where, dropped);
                    if (dropped.unknownElements > 0) {
                        tally.warn("FHIR-UNKNOWN-ELEMENT", where, dropped.unknownElements + " element(s) not defined in"
                                + " FHIR R4 were left out");
                    }
                    task.accept(resource, where);
                    if (sink != null) {
                        sink.write(resource, lines.newline());
                    }
                } catch (FormatException e) {
                    String at = e.location().startsWith(where) ? e.location() : where
                            + (e.location().isEmpty() ? "" : ", " + e.location());
                    tally.warn(e.code(), at, e.getMessage() + "; the line was left out");
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new FormatException("FHIR-ENCODING", "", "the NDJSON file is not valid UTF-8 text");
        }
    }

    /**
     * Lines of at most {@link #MAX_LINE_CHARS} characters, split at {@code \n} only (a {@code \r}
     * before it is dropped); a longer line is skipped and flagged. Reads the text in blocks.
     */
    static final class LineReader {
        private final java.io.Reader reader;
        private final char[] buf = new char[1 << 16];
        private int pos;
        private int limit;
        private final StringBuilder sb = new StringBuilder(8192);
        private boolean tooLong;
        private String newline = "\n";
        private boolean sawNewline;

        LineReader(java.io.Reader reader) {
            this.reader = reader;
        }

        /** The next line without its line break, or {@code null} at the end of the text. */
        String next() throws IOException {
            sb.setLength(0);
            tooLong = false;
            boolean any = false;
            char last = 0;
            while (true) {
                if (pos == limit) {
                    limit = reader.read(buf, 0, buf.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && buf[pos] != '\n') {
                    pos++;
                }
                if (pos < limit && sb.length() == 0 && pos - start <= MAX_LINE_CHARS) {
                    // the whole line in the buffer (most lines): one copy into its string, not two
                    boolean cr = pos > start && buf[pos - 1] == '\r';
                    lineBreak(cr);
                    pos++; // the line break
                    return new String(buf, start, pos - 1 - start - (cr ? 1 : 0));
                }
                append(start, pos);
                if (pos > start) {
                    last = buf[pos - 1];
                }
                if (pos < limit) {
                    pos++; // the line break
                    lineBreak(last == '\r');
                    break;
                }
            }
            if (!any) {
                return null;
            }
            int end = sb.length();
            if (end > 0 && sb.charAt(end - 1) == '\r') {
                end--;
            }
            return sb.substring(0, end);
        }

        /** Remembers the first line break's style ({@link #newline}). */
        private void lineBreak(boolean carriageReturn) {
            if (!sawNewline) {
                sawNewline = true;
                newline = carriageReturn ? "\r\n" : "\n";
            }
        }

        private void append(int from, int to) {
            int room = MAX_LINE_CHARS - sb.length();
            if (to - from > room) {
                sb.append(buf, from, room);
                tooLong = true;
            } else {
                sb.append(buf, from, to - from);
            }
        }

        boolean tooLong() {
            return tooLong;
        }

        /** The line break of the first line that had one ({@code \n} or {@code \r\n}). */
        String newline() {
            return newline;
        }
    }
}

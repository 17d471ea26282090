package org.deidworkbench.format.hl7;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.deid.method.Hl7MessageMethod;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;

/**
 * Files of HL7 v2 messages (decision 0182): each message de-identified by its structure, as a message in a CSV cell is
 * (decision 0126: {@link Hl7MessageMethod}, the engine's {@code scrub-text}) — PID-3 the patient's pseudonym in the
 * subject domain and the message's dates moved by that patient's offset, names, telecoms and street lines removed,
 * ZIP codes cut to three digits, free text scrubbed, codes and values kept —, the lines outside messages (a batch's
 * header and trailer) scrubbed as free text, frames, blank lines and terminators written as they were. The scan notes
 * each message's patient and the names and addresses it holds, so a message that names the patient only in another
 * message, or a note of another file, loses them too. Thread-safe: one instance serves every file of the run.
 */
final class Hl7Processor implements FileProcessor {

    /** The counter of the report: every message goes through the same method. */
    static final String COUNTER = "hl7-messages (scrub-text)";
    private static final ActionSpec CUED_NAME = new ActionSpec.Remove();

    private final Deidentifier engine;
    private volatile DeidMethod method;

    /**
     * @param engine the run's engine; the run always scans files of this format first ({@link Hl7Format#needsScanPass}),
     *     so a transform never notes what its messages hold
     */
    Hl7Processor(Deidentifier engine) {
        this.engine = engine;
    }

    @Override
    public void scan(Path input, String name, BooleanSupplier cancelled) throws IOException, FormatException {
        Set<String> subjects = new HashSet<>();
        try (Hl7File file = new Hl7File(input)) {
            for (Hl7File.Piece p = file.next(); p != null; p = file.next()) {
                checkCancel(cancelled);
                if (p.message()) {
                    note(p, subjects);
                }
            }
        }
    }

    /** The message's patient (PID-3) and the names, addresses and birth date it holds, noted for that patient. */
    private void note(Hl7File.Piece p, Set<String> subjects) throws FormatException {
        List<String> ids = Hl7MessageMethod.identifiers(p.text());
        if (ids.isEmpty() || ids.get(0).isEmpty()) {
            return;
        }
        try {
            Subject subject = engine.subject(ids.get(0));
            if (subject == null) {
                return;
            }
            if (subjects.add(ids.get(0))) {
                engine.noteSubject(ids.get(0), subject);
            }
            for (int i = 1; i + 1 < ids.size(); i += 2) {
                engine.noteIdentifier(CUED_NAME, ids.get(i), ids.get(i + 1), subject);
            }
        } catch (DeidException e) {
            throw new FormatException(e.code(), where(p), e.getMessage(), e);
        }
    }

    private DeidMethod method() {
        DeidMethod m = method;
        if (m == null) {
            m = engine.method(new ActionSpec.ScrubText());
            method = m;
        }
        return m;
    }

    @Override
    public FileStats transform(Path input, String name, OutputStream out, BooleanSupplier cancelled)
            throws IOException, FormatException {
        long lines = 0;
        try (Hl7File file = new Hl7File(input)) {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, file.charset().newEncoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)),
                    1 << 16);
            for (Hl7File.Piece p = file.next(); p != null; p = file.next()) {
                checkCancel(cancelled);
                lines += p.message() ? 0 : 1;
                w.write(p.before());
                w.write(clean(p));
                w.write(p.after());
            }
            w.flush();
            TreeMap<String, Long> counts = new TreeMap<>();
            if (file.messages() > 0) {
                counts.put(COUNTER, file.messages());
            }
            if (lines > 0) {
                counts.put("hl7-lines-outside-messages (scrub-text)", lines);
            }
            return new FileStats(file.messages(), counts, List.of(), 0, List.of());
        }
    }

    /** A piece cleaned: a message by its structure, a line outside one as free text, an empty line as it is. */
    private String clean(Hl7File.Piece p) throws FormatException {
        if (p.text().isEmpty()) {
            return p.text();
        }
        try {
            return method().apply(p.text(), new FieldContext(null, p.message() ? "message" : "batch"));
        } catch (DeidException e) {
            throw new FormatException(e.code(), where(p), e.getMessage() + "; the file is not written", e);
        }
    }

    private static String where(Hl7File.Piece p) {
        return p.message() ? "message " + p.number() + " (line " + p.line() + ")" : "line " + p.line();
    }

    @Override
    public FilePreview preview(Path input, String name, int maxRecords, BooleanSupplier cancelled)
            throws IOException, FormatException {
        List<PreviewRecord> records = new ArrayList<>();
        boolean truncated = false;
        long read = 0;
        try (Hl7File file = new Hl7File(input)) {
            for (Hl7File.Piece p = file.next(); p != null; p = file.next()) {
                checkCancel(cancelled);
                if (!p.message()) {
                    continue;
                }
                if (records.size() >= maxRecords) {
                    truncated = true;
                    break;
                }
                read++;
                records.add(new PreviewRecord(where(p), segments(p.text(), clean(p))));
            }
        }
        return new FilePreview("HL7 v2", FilePreview.Layout.TREE, List.of(), records, read, truncated, List.of());
    }

    /** The message's segments before and after, one field each. */
    private static List<PreviewField> segments(String before, String after) {
        String[] in = before.split("\r\n|\r|\n(?=[A-Z][A-Z0-9]{2}\\|)");
        String[] out = after.split("\r\n|\r|\n(?=[A-Z][A-Z0-9]{2}\\|)");
        List<PreviewField> fields = new ArrayList<>(in.length);
        for (int i = 0; i < in.length; i++) {
            String segment = in[i].length() >= 3 ? in[i].substring(0, 3) : in[i];
            fields.add(PreviewField.leaf("segment " + (i + 1), segment, in[i], i < out.length ? out[i] : null,
                    "hl7-structure", "scrub-text"));
        }
        return fields;
    }

    @Override
    public List<FieldDecision> explain(Path input) {
        return List.of(new FieldDecision("message", "HL7 v2 message", "hl7-structure", "scrub-text", true,
                "each field by its segment and data type (decisions 0126, 0182): PID-3 as the profile's patient id"
                        + " (the subject), dates shifted by the patient's offset, names, telecoms and street lines"
                        + " removed, ZIP codes generalized, free text scrubbed, codes and values kept"),
                new FieldDecision("batch", "lines outside messages (FHS, BHS, BTS, FTS)", "hl7-structure",
                        "scrub-text", false, "scrubbed as free text"));
    }

    private static void checkCancel(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }
}

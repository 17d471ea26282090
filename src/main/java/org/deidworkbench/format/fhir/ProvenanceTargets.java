package org.deidworkbench.format.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileTasks;
import org.deidworkbench.format.FormatDetector;

/**
 * The resources a run's Provenance and AuditEvent resources point at ({@code Provenance.target},
 * {@code AuditEvent.entity.what}), found before the scan in the NDJSON files whose first line is one of them (a bulk
 * export's {@code Provenance.ndjson}) and in the JSON files that are one: the scan records the owners of just these
 * resources, so that a Provenance with no Patient among its targets takes its targets' patient (decision 0215). Held as sorted 64-bit hashes of their keys
 * ({@link References#key}), 8 bytes a target: a hash shared by chance only makes the scan record one resource more.
 * Immutable and serializable (a cluster's workers get the driver's, {@code FileProcessor#analysis}); holds no
 * original value.
 */
final class ProvenanceTargets implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The most targets followed; a run with more follows none (whatever order its files come in). */
    static final int MAX = 4_000_000;
    static final ProvenanceTargets NONE = new ProvenanceTargets(new long[0]);
    private static final JsonFactory JSON = new JsonFactory();
    private static final java.util.Set<String> TYPES = Fhir.context().getResourceTypes();

    private final long[] hashes;

    private ProvenanceTargets(long[] hashes) {
        this.hashes = hashes;
    }

    /**
     * The targets of the Provenance and AuditEvent lines of every NDJSON file among {@code files} whose first line is
     * one, and of every JSON file (under 16 KiB) that is one: each file read as one piece ({@link #piece}) where
     * {@code tasks} puts it, the pieces merged ({@link #of(List)}).
     */
    static ProvenanceTargets of(List<Path> files, FileTasks tasks, BooleanSupplier cancelled) {
        List<FileTasks.Task<long[]>> pieces = new ArrayList<>(files.size());
        for (Path f : files) {
            pieces.add(piece(f.toString()));
        }
        return of(tasks.run(pieces, cancelled));
    }

    /**
     * Pass 0's piece for one file, run where {@link FileTasks} puts it (a cluster's executor, the file copied there
     * first): the fingerprints of the targets it names, or null.
     */
    private static FileTasks.Task<long[]> piece(String path) {
        return FileTasks.Task.reading(path, cancelled -> ofFile(Path.of(path)));
    }

    /**
     * The fingerprints of the targets one file names (more than {@link #MAX} when it names more), or null when it
     * names none or cannot be read (its scan says why). Each file's first 16 KiB are read; only a file whose head
     * names a Provenance or an AuditEvent is read further.
     */
    static long[] ofFile(Path file) {
        long[][] found = {new long[16]};
        int[] n = {0};
        try {
            byte[] head = head(file);
            if (!names(head)) {
                return null;
            }
            FileFormat format = FormatDetector.detect(head, file.getFileName().toString());
            // a JSON file that is one resource: read whole in its head
            boolean oneResource = format == FileFormat.FHIR_JSON && head.length < FormatDetector.HEAD;
            if (format != FileFormat.FHIR_NDJSON && !oneResource) {
                return null;
            }
            read(file, oneResource ? new String(head, StandardCharsets.UTF_8) : null, key -> {
                if (n[0] > MAX) {
                    return; // enough to say the run has too many
                }
                if (n[0] == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], n[0] * 2);
                }
                found[0][n[0]++] = hash(key);
            });
        } catch (IOException | RuntimeException e) {
            return null; // left out: the scan and the transform report what is wrong with the file
        }
        return n[0] == 0 ? null : Arrays.copyOf(found[0], n[0]);
    }

    /** The run's targets from its files' pieces (in any order); none when they are more than {@link #MAX}. */
    static ProvenanceTargets of(List<long[]> pieces) {
        long total = 0;
        for (long[] p : pieces) {
            total += p == null ? 0 : p.length;
        }
        if (total == 0 || total > 2L * MAX) {
            return NONE;
        }
        long[] sorted = new long[(int) total];
        int at = 0;
        for (long[] p : pieces) {
            if (p != null) {
                System.arraycopy(p, 0, sorted, at, p.length);
                at += p.length;
            }
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return distinct > MAX ? NONE : new ProvenanceTargets(Arrays.copyOf(sorted, distinct));
    }

    /** The file's first {@link FormatDetector#HEAD} bytes (fewer in a shorter file). */
    private static byte[] head(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(FormatDetector.HEAD);
        }
    }

    /** Whether the bytes name a Provenance or an AuditEvent: a file whose head names neither does not start with one. */
    private static boolean names(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("\"Provenance\"") || text.contains("\"AuditEvent\"");
    }

    /**
     * Every target key of the file's Provenance and AuditEvent lines, if its first line is one of them; of a JSON
     * file's resource ({@code whole}, its text; an NDJSON file of one line is taken for JSON), if it is one.
     */
    private static void read(Path file, String whole, Consumer<String> keys) throws IOException {
        if (whole != null) {
            targets(whole, keys);
            return;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            boolean first = true;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                boolean wanted = targets(line, keys);
                if (first && !wanted) {
                    return; // another type's file: not read further
                }
                first = false;
            }
        }
    }

    /**
     * Hands the keys of a Provenance's targets or an AuditEvent's entities' {@code what} to {@code keys}, none when
     * one of them is a Patient (that target gives the resource its patient already). Whether the line is a Provenance
     * or an AuditEvent; false for anything else, a line that is not JSON included.
     */
    static boolean targets(String line, Consumer<String> keys) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            String type = null;
            java.util.ArrayList<String> refs = new java.util.ArrayList<>(4);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (name.equals("resourceType") && t == JsonToken.VALUE_STRING) {
                    type = p.getText();
                    if (!type.equals("Provenance") && !type.equals("AuditEvent")) {
                        return false;
                    }
                } else if (name.equals("target") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        reference(p, refs, "Provenance");
                    }
                } else if (name.equals("entity") && t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String member = p.currentName();
                            if (p.nextToken() == JsonToken.START_OBJECT && member.equals("what")) {
                                reference(p, refs, "AuditEvent");
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (type == null) {
                return false;
            }
            for (int i = 0; i < refs.size(); i += 2) {
                if (refs.get(i).equals(type) && "Patient".equals(References.typeOf(refs.get(i + 1), TYPES))) {
                    return true; // its Patient target gives it its patient (a Synthea Provenance names every resource)
                }
            }
            for (int i = 0; i < refs.size(); i += 2) {
                String key = References.keyOf(refs.get(i + 1), TYPES);
                if (refs.get(i).equals(type) && key != null) {
                    keys.accept(key);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The {@code reference} of the Reference object the parser is in, as {@code owner type, reference} pairs. */
    private static void reference(JsonParser p, List<String> refs, String ownerType) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("reference") && t == JsonToken.VALUE_STRING) {
                refs.add(ownerType);
                refs.add(p.getText());
            } else {
                p.skipChildren();
            }
        }
    }

    /** Whether a resource of the run is a target: its key ({@code Observation/o1}). */
    boolean contains(String key) {
        return hashes.length > 0 && Arrays.binarySearch(hashes, hash(key)) >= 0;
    }

    /** Whether there is no target. */
    boolean isEmpty() {
        return hashes.length == 0;
    }

    /** The 64-bit fingerprint a key is kept as. */
    static long hash(String key) {
        return org.deidworkbench.deid.Fingerprint.of(key);
    }

    @Override
    public String toString() {
        return "ProvenanceTargets[" + hashes.length + "]";
    }
}

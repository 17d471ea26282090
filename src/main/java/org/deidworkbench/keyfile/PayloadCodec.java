package org.deidworkbench.keyfile;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.model.KnownIdentifier;
import org.deidworkbench.model.SortedTuples;

/**
 * Reads and writes the key file's JSON payload (see {@code src/site/markdown/keyfile-format.md}).
 * Streaming in both directions (Jackson core, no tree): writing into a stream needs only Jackson's buffers,
 * reading a million entries one pass over one payload-sized array. Output is deterministic: fixed member order at the top level and in runs,
 * map keys sorted. Thread-safe (stateless).
 */
final class PayloadCodec {

    static final String FORMAT_NAME = "deid-workbench-keyfile";

    // JsonFactory is thread-safe once configured; no source excerpts in locations, so a parse error
    // can never echo payload text (original values) into a message. Field names are neither canonicalized nor
    // interned (decision 0077): the payload's names are its pseudonyms and subjects, hundreds of thousands of distinct
    // strings read once, which Jackson would otherwise hash into its symbol table and String.intern into the JVM's
    // string table one by one (a fifth of the CPU of opening a key file of 446,850 entries), for no reuse.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private PayloadCodec() {
    }

    /** Serializes a consistent snapshot (the contents are locked while written). The caller should wipe the result. */
    static byte[] write(KeyFileContents contents) throws IOException {
        synchronized (contents) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, contents.entryCount() * 64));
            write(contents, out);
            return out.toByteArray();
        }
    }

    /**
     * Serializes a consistent snapshot into {@code out} as a stream (the contents are locked while written;
     * memory beyond the contents is Jackson's small buffers). {@code out} is flushed, not closed. The same
     * contents always give the same bytes, so callers may write twice (e.g. once only to count the bytes).
     */
    static void write(KeyFileContents contents, java.io.OutputStream out) throws IOException {
        synchronized (contents) {
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT_NAME);
                g.writeNumberField("version", contents.requiredVersion());
                g.writeStringField("createdAt", contents.createdAt().toString());
                if (contents.hasSecret()) {
                    writeSecret(g, contents.secret());
                }
                g.writeObjectFieldStart("domains");
                if (contents.spilledEntriesLocked().size() == 0 && contents.baseEntriesLocked().size() == 0) {
                    for (Map.Entry<String, TreeMap<String, String>> domain : contents.domainMapsLocked().entrySet()) {
                        g.writeObjectFieldStart(domain.getKey());
                        for (Map.Entry<String, String> e : domain.getValue().entrySet()) {
                            g.writeStringField(e.getKey(), e.getValue());
                        }
                        g.writeEndObject();
                    }
                } else {
                    try (SortedTuples.Cursor base = contents.baseEntriesLocked().open();
                            SortedTuples.Cursor spilled = contents.spilledEntriesLocked().open()) {
                        writeGrouped(g, merge(merge(domainTuples(contents.domainMapsLocked()), base::next), spilled::next),
                                false);
                    }
                }
                g.writeEndObject();
                g.writeObjectFieldStart("dateOffsets");
                if (contents.spilledOffsetsLocked().size() == 0 && contents.baseOffsetsLocked().size() == 0) {
                    for (Map.Entry<String, Integer> e : contents.dateOffsetsLocked().entrySet()) {
                        g.writeNumberField(e.getKey(), e.getValue());
                    }
                } else {
                    try (SortedTuples.Cursor base = contents.baseOffsetsLocked().open();
                            SortedTuples.Cursor spilled = contents.spilledOffsetsLocked().open()) {
                        writeOffsets(g, merge(merge(offsetTuples(contents.dateOffsetsLocked()), base::next), spilled::next));
                    }
                }
                g.writeEndObject();
                g.writeArrayFieldStart("runs");
                for (RunRecord run : contents.runsLocked()) {
                    writeRun(g, run);
                }
                g.writeEndArray();
                if (contents.requiredVersion() >= 2) {
                    if (contents.spilledKnownLocked().size() > 0 || contents.baseKnownLocked().size() > 0) {
                        g.writeObjectFieldStart("knownIdentifiers");
                        try (SortedTuples.Cursor base = contents.baseKnownLocked().open();
                                SortedTuples.Cursor spilled = contents.spilledKnownLocked().open()) {
                            writeGrouped(g, merge(merge(knownTuples(contents.knownIdentifiersLocked()), base::next),
                                    spilled::next), true);
                        }
                        g.writeEndObject();
                    } else if (!contents.knownIdentifiersLocked().isEmpty()) {
                        writeKnownIdentifiers(g, contents);
                    }
                    if (!contents.auditLocked().isEmpty() || contents.auditCount() > 0) {
                        writeAudit(g, contents);
                    }
                    if (contents.split() != null) {
                        writeSplit(g, contents.split());
                    }
                    if (!contents.coincidencesLocked().isEmpty()) {
                        // decision 0029: run id -> subject -> day -> count
                        g.writeObjectFieldStart("coincidences");
                        for (var run : contents.coincidencesLocked().entrySet()) {
                            g.writeObjectFieldStart(run.getKey());
                            for (var subject : run.getValue().entrySet()) {
                                g.writeObjectFieldStart(subject.getKey());
                                for (Map.Entry<Long, Integer> day : subject.getValue().entrySet()) {
                                    g.writeNumberField(Long.toString(day.getKey()), day.getValue());
                                }
                                g.writeEndObject();
                            }
                            g.writeEndObject();
                        }
                        g.writeEndObject();
                    }
                    if (!contents.linkedDateOffsetsLocked().isEmpty()) {
                        // version 4 (decision 0078, addendum): subject -> days, for subjects not at their own offset
                        g.writeObjectFieldStart("linkedDateOffsets");
                        for (Map.Entry<String, Integer> e : contents.linkedDateOffsetsLocked().entrySet()) {
                            g.writeNumberField(e.getKey(), e.getValue());
                        }
                        g.writeEndObject();
                    }
                    if (contents.export() != null) {
                        KeyFileContents.ExportInfo e = contents.export();
                        g.writeObjectFieldStart("export");
                        g.writeStringField("outputFolderName", e.outputFolderName());
                        g.writeStringField("exportedAt", e.exportedAt().toString());
                        writeBase64(g, "auditKey", e.auditKey());
                        g.writeEndObject();
                    }
                }
                g.writeEndObject();
            }
        }
    }

    private static void writeSecret(JsonGenerator g, ProjectSecret secret) throws IOException {
        writeBase64(g, "secret", secret.bytes());
    }

    /** Writes key bytes as a base64 string member without making a String of them, and wipes {@code raw}. */
    private static void writeBase64(JsonGenerator g, String name, byte[] raw) throws IOException {
        byte[] ascii = Base64.getEncoder().encode(raw);
        char[] chars = new char[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            chars[i] = (char) ascii[i];
        }
        try {
            g.writeFieldName(name);
            g.writeString(chars, 0, chars.length);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(ascii, (byte) 0);
            Arrays.fill(chars, '\0');
        }
    }

    /** A sorted source of tuples; {@code null} after the last. */
    private interface Tuples {
        String[] next() throws IOException;
    }

    /**
     * The domains' entries as {@code (domain, pseudonym, original)}, in map order; an empty domain as
     * {@code (domain)} alone, so that it is still written.
     */
    private static Tuples domainTuples(TreeMap<String, TreeMap<String, String>> domains) {
        java.util.Iterator<Map.Entry<String, TreeMap<String, String>>> outer = domains.entrySet().iterator();
        return new Tuples() {
            private String domain;
            private java.util.Iterator<Map.Entry<String, String>> inner = java.util.Collections.emptyIterator();

            @Override
            public String[] next() {
                while (!inner.hasNext()) {
                    if (!outer.hasNext()) {
                        return null;
                    }
                    Map.Entry<String, TreeMap<String, String>> d = outer.next();
                    domain = d.getKey();
                    inner = d.getValue().entrySet().iterator();
                    if (!inner.hasNext()) {
                        return new String[] {domain};
                    }
                }
                Map.Entry<String, String> e = inner.next();
                return new String[] {domain, e.getKey(), e.getValue()};
            }
        };
    }

    /** Date offsets as {@code (subject, days)}, in map order. */
    private static Tuples offsetTuples(TreeMap<String, Integer> offsets) {
        java.util.Iterator<Map.Entry<String, Integer>> it = offsets.entrySet().iterator();
        return () -> {
            if (!it.hasNext()) {
                return null;
            }
            Map.Entry<String, Integer> e = it.next();
            return new String[] {e.getKey(), Integer.toString(e.getValue())};
        };
    }

    /**
     * Writes {@code (subject, days)} tuples as number members. The tuples are sorted by subject and then by
     * the days' text, so two offsets of one subject would come one after the other: refused.
     */
    private static void writeOffsets(JsonGenerator g, Tuples tuples) throws IOException {
        String previous = null;
        for (String[] t = tuples.next(); t != null; t = tuples.next()) {
            if (t[0].equals(previous)) {
                throw new IOException("subject '" + t[0] + "' would have two date offsets");
            }
            previous = t[0];
            g.writeNumberField(t[0], Integer.parseInt(t[1]));
        }
    }

    /** Known identifiers as {@code (subject, value, replacement, word replacement)}, in set order. */
    private static Tuples knownTuples(TreeMap<String, TreeSet<KnownIdentifier>> known) {
        java.util.Iterator<Map.Entry<String, TreeSet<KnownIdentifier>>> outer = known.entrySet().iterator();
        return new Tuples() {
            private String subject;
            private java.util.Iterator<KnownIdentifier> inner = java.util.Collections.emptyIterator();

            @Override
            public String[] next() {
                while (!inner.hasNext()) {
                    if (!outer.hasNext()) {
                        return null;
                    }
                    Map.Entry<String, TreeSet<KnownIdentifier>> s = outer.next();
                    subject = s.getKey();
                    inner = s.getValue().iterator();
                }
                KnownIdentifier id = inner.next();
                return new String[] {subject, id.value(), id.replacement(), id.wordReplacement()};
            }
        };
    }

    /** Field by field with {@link String#compareTo}; a prefix sorts first. */
    private static int compareTuples(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * The sorted union of two sorted sources, a tuple in both once. A pseudonym entry in both with two
     * originals cannot come from a run (its ledger checks the key file's entries) and is refused.
     */
    private static Tuples merge(Tuples a, Tuples b) throws IOException {
        return new Tuples() {
            private String[] x = a.next();
            private String[] y = b.next();

            @Override
            public String[] next() throws IOException {
                if (x == null && y == null) {
                    return null;
                }
                int c = x == null ? 1 : y == null ? -1 : compareTuples(x, y);
                String[] out;
                if (c < 0) {
                    out = x;
                    x = a.next();
                } else if (c > 0) {
                    out = y;
                    y = b.next();
                } else {
                    out = x;
                    x = a.next();
                    y = b.next();
                }
                String[] following = x == null ? y : y == null ? x : compareTuples(x, y) <= 0 ? x : y;
                if (following != null && out.length == 3 && following.length == 3 && out[0].equals(following[0])
                        && out[1].equals(following[1]) && !out[2].equals(following[2])) {
                    throw new IOException("pseudonym '" + out[1] + "' in domain '" + out[0]
                            + "' would stand for two different originals");
                }
                return out;
            }
        };
    }

    /**
     * Writes tuples grouped by their first field: {@code "FIRST":{"second":"third",...}} for pseudonym
     * entries, {@code "FIRST":[["second","third","fourth"],...]} for known identifiers.
     */
    private static void writeGrouped(JsonGenerator g, Tuples tuples, boolean arrays) throws IOException {
        String current = null;
        for (String[] t = tuples.next(); t != null; t = tuples.next()) {
            if (!t[0].equals(current)) {
                if (current != null) {
                    closeGroup(g, arrays);
                }
                current = t[0];
                if (arrays) {
                    g.writeArrayFieldStart(current);
                } else {
                    g.writeObjectFieldStart(current);
                }
            }
            if (t.length == 1) {
                continue; // an empty domain: opened, nothing in it
            }
            if (arrays) {
                g.writeStartArray();
                for (int i = 1; i < t.length; i++) {
                    g.writeString(t[i]);
                }
                g.writeEndArray();
            } else {
                g.writeStringField(t[1], t[2]);
            }
        }
        if (current != null) {
            closeGroup(g, arrays);
        }
    }

    private static void closeGroup(JsonGenerator g, boolean arrays) throws IOException {
        if (arrays) {
            g.writeEndArray();
        } else {
            g.writeEndObject();
        }
    }

    /** Version 2: {@code "knownIdentifiers":{"SUBJECT":[["value","replacement","word replacement"],...]}} (§2). */
    private static void writeKnownIdentifiers(JsonGenerator g, KeyFileContents contents) throws IOException {
        g.writeObjectFieldStart("knownIdentifiers");
        for (Map.Entry<String, TreeSet<KnownIdentifier>> e : contents.knownIdentifiersLocked().entrySet()) {
            g.writeArrayFieldStart(e.getKey());
            for (KnownIdentifier id : e.getValue()) {
                g.writeStartArray();
                g.writeString(id.value());
                g.writeString(id.replacement());
                g.writeString(id.wordReplacement());
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Version 2: {@code "split":{"keyId":..,"threshold":..,"shares":..,"createdAt":..,"kek":base64}} (§8). */
    private static void writeSplit(JsonGenerator g, Custody.SplitKey split) throws IOException {
        g.writeObjectFieldStart("split");
        g.writeStringField("keyId", split.keyId());
        g.writeNumberField("threshold", split.threshold());
        g.writeNumberField("shares", split.shares());
        g.writeStringField("createdAt", split.createdAt().toString());
        writeBase64(g, "kek", split.kek());
        g.writeEndObject();
    }

    /** Version 2: {@code "audit":{"count":N,"entries":[...]}} (keyfile-format.md §7). */
    private static void writeAudit(JsonGenerator g, KeyFileContents contents) throws IOException {
        g.writeObjectFieldStart("audit");
        g.writeNumberField("count", contents.auditCount());
        g.writeArrayFieldStart("entries");
        for (AuditEntry e : contents.auditLocked()) {
            g.writeStartObject();
            g.writeNumberField("seq", e.seq());
            g.writeStringField("time", e.time().toString());
            g.writeStringField("user", e.user());
            g.writeStringField("reason", e.reason());
            g.writeStringField("action", e.action());
            g.writeStringField("domain", e.domain());
            g.writeArrayFieldStart("items");
            for (String item : e.items()) {
                g.writeString(item);
            }
            g.writeEndArray();
            g.writeNumberField("found", e.found());
            g.writeStringField("prev", e.prev());
            g.writeStringField("hash", e.hash());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeRun(JsonGenerator g, RunRecord run) throws IOException {
        g.writeStartObject();
        g.writeStringField("runId", run.runId());
        g.writeStringField("startedAt", run.startedAt().toString());
        g.writeStringField("finishedAt", run.finishedAt().toString());
        g.writeStringField("toolVersion", run.toolVersion());
        g.writeStringField("profileName", run.profileName());
        g.writeStringField("profileSha256", run.profileSha256());
        g.writeStringField("outputFolderName", run.outputFolderName());
        g.writeNumberField("filesWritten", run.filesWritten());
        g.writeNumberField("filesFailed", run.filesFailed());
        g.writeNumberField("filesQuarantined", run.filesQuarantined());
        g.writeNumberField("newEntries", run.newEntries());
        if (!run.files().isEmpty()) {
            g.writeArrayFieldStart("files");
            for (RunRecord.FileMapping m : run.files()) {
                g.writeStartObject();
                g.writeNumberField("input", m.input());
                g.writeStringField("source", m.source());
                g.writeStringField("output", m.output());
                g.writeStringField("status", m.status());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Parses an authenticated payload. Errors name the file and a byte offset, never payload text. */
    static KeyFileContents read(byte[] payload, Path file) throws KeyFileException {
        try (JsonParser p = FACTORY.createParser(payload)) {
            return new Reader(p, file, null).readDocument();
        } catch (JsonProcessingException e) {
            // deliberately no cause: Jackson messages quote tokens, which may be original values
            throw corrupt(file, "is not well-formed JSON near byte " + e.getLocation().getByteOffset());
        } catch (IOException e) {
            throw corrupt(file, "could not be parsed");
        }
    }

    /**
     * Parses a payload as it is decrypted (decision 0030): the pseudonym entries, date offsets and known
     * identifiers go, in the payload's order, into {@code store} and are attached to the contents as their
     * base ({@link KeyFileContents#baseEntries()} …), everything else into memory. The caller must read
     * {@code in} to its end (where the authentication tag is checked) before it uses the result.
     */
    static KeyFileContents readStreamed(java.io.InputStream in, Path file, SortedTuples.Store store)
            throws KeyFileException, IOException {
        // the caller reads on to the end of the content after the JSON: the parser must not close the stream
        java.io.InputStream notClosed = new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
        try (JsonParser p = FACTORY.createParser(notClosed)) {
            return new Reader(p, file, Objects.requireNonNull(store, "store")).readDocument();
        } catch (JsonProcessingException e) {
            throw corrupt(file, "is not well-formed JSON near byte " + e.getLocation().getByteOffset());
        }
    }

    /** Carries a checked exception out of an iterator that a {@link SortedTuples.Store} pulls from. */
    private static final class PullFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Exception failure;

        PullFailure(Exception failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /** Tuples pulled from the parser one at a time. */
    private abstract static class Pull implements java.util.Iterator<String[]> {
        private String[] ahead;
        private boolean done;

        /** The next tuple, or {@code null} after the last. */
        abstract String[] step() throws IOException, KeyFileException;

        @Override
        public boolean hasNext() {
            if (ahead == null && !done) {
                try {
                    ahead = step();
                } catch (IOException | KeyFileException e) {
                    throw new PullFailure(e);
                }
                done = ahead == null;
            }
            return ahead != null;
        }

        @Override
        public String[] next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            String[] t = ahead;
            ahead = null;
            return t;
        }
    }

    private static KeyFileException corrupt(Path file, String what) {
        return new KeyFileException(KeyFileException.Reason.CORRUPT_PAYLOAD, file,
                "Key file " + file + ": the decrypted payload " + what
                        + ". The file is authentic but was not written by a compatible DeID Workbench; keep it and report this.");
    }

    /** One parse; fields are checked as they stream past. */
    private static final class Reader {
        private final JsonParser p;
        private final Path file;
        /** Where entries, offsets and known identifiers go when the payload is streamed; {@code null}: into memory. */
        private final SortedTuples.Store store;
        private SortedTuples baseEntries = SortedTuples.EMPTY;
        private SortedTuples baseOffsets = SortedTuples.EMPTY;
        private SortedTuples baseKnown = SortedTuples.EMPTY;

        Reader(JsonParser p, Path file, SortedTuples.Store store) {
            this.p = p;
            this.file = file;
            this.store = store;
        }

        /** Writes what {@code pull} yields into the store; the parser is then past the member's end. */
        private SortedTuples stored(String name, int arity, int keyArity, Pull pull) throws IOException, KeyFileException {
            try {
                SortedTuples written = store.write(name, arity, keyArity, pull);
                if (pull.hasNext()) {
                    throw new IllegalStateException("the store did not read every tuple");
                }
                return written;
            } catch (PullFailure f) {
                if (f.failure instanceof KeyFileException k) {
                    throw k;
                }
                throw (IOException) f.failure;
            } catch (IllegalArgumentException e) {
                throw corrupt(file, "lists its " + name + " out of order or twice");
            } catch (IOException | java.io.UncheckedIOException e) {
                // the store's own failure (the parser's come as a PullFailure): no fault of the file
                throw new KeyFileException(KeyFileException.Reason.IO_ERROR, file, "Key file " + file + ": its " + name
                        + " could not be kept on disk while it was read (" + e.getClass().getSimpleName() + ").", e);
            }
        }

        /** {@code "domains"} as {@code (domain, pseudonym, original)} tuples; the domains' names into {@code names}. */
        private SortedTuples streamDomains(TreeMap<String, TreeMap<String, String>> names)
                throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "domains");
            return stored("domains", 3, 2, new Pull() {
                private String domain;

                @Override
                String[] step() throws IOException, KeyFileException {
                    while (true) {
                        if (domain == null) {
                            JsonToken t = p.nextToken();
                            if (t == JsonToken.END_OBJECT) {
                                return null;
                            }
                            expect(t, JsonToken.FIELD_NAME, "domains");
                            domain = p.currentName();
                            expect(p.nextToken(), JsonToken.START_OBJECT, "domain '" + shortName(domain) + "'");
                            if (names.put(domain, new TreeMap<>()) != null) {
                                throw corrupt(file, "lists domain '" + shortName(domain) + "' twice");
                            }
                        }
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.FIELD_NAME) {
                            String pseudonym = p.currentName();
                            if (p.nextToken() != JsonToken.VALUE_STRING) {
                                throw corrupt(file, "has a non-string original in domain '" + shortName(domain)
                                        + "' near byte " + p.currentLocation().getByteOffset());
                            }
                            return new String[] {domain, pseudonym, p.getText()};
                        }
                        expect(t, JsonToken.END_OBJECT, "domain '" + shortName(domain) + "'");
                        domain = null;
                    }
                }
            });
        }

        /** {@code "dateOffsets"} as {@code (subject, days)} tuples. */
        private SortedTuples streamOffsets() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "dateOffsets");
            return stored("date offsets", 2, 1, new Pull() {
                @Override
                String[] step() throws IOException, KeyFileException {
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.END_OBJECT) {
                        return null;
                    }
                    expect(t, JsonToken.FIELD_NAME, "dateOffsets");
                    String subject = p.currentName();
                    if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                        throw corrupt(file, "has a date offset that is not a 32-bit integer near byte "
                                + p.currentLocation().getByteOffset());
                    }
                    return new String[] {subject, Integer.toString(p.getIntValue())};
                }
            });
        }

        /** {@code "knownIdentifiers"} as {@code (subject, value, replacement, word replacement)} tuples. */
        private SortedTuples streamKnown() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "knownIdentifiers");
            return stored("known identifiers", 4, 4, new Pull() {
                private String subject;

                @Override
                String[] step() throws IOException, KeyFileException {
                    while (true) {
                        if (subject == null) {
                            JsonToken t = p.nextToken();
                            if (t == JsonToken.END_OBJECT) {
                                return null;
                            }
                            expect(t, JsonToken.FIELD_NAME, "knownIdentifiers");
                            subject = p.currentName();
                            expect(p.nextToken(), JsonToken.START_ARRAY, "knownIdentifiers of a subject");
                        }
                        JsonToken t = p.nextToken();
                        if (t == JsonToken.START_ARRAY) {
                            String[] f = new String[4];
                            f[0] = subject;
                            for (int i = 1; i < 4; i++) {
                                if (p.nextToken() != JsonToken.VALUE_STRING) {
                                    throw corrupt(file, "has a known identifier that is not three strings near byte "
                                            + p.currentLocation().getByteOffset());
                                }
                                f[i] = p.getText();
                            }
                            expect(p.nextToken(), JsonToken.END_ARRAY, "a known identifier");
                            return f;
                        }
                        expect(t, JsonToken.END_ARRAY, "knownIdentifiers of a subject");
                        subject = null;
                    }
                }
            });
        }

        KeyFileContents readDocument() throws IOException, KeyFileException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "top level");
            // Version policy: "format" and "version" are always the first two members, so a newer file is
            // recognised before anything whose meaning may have changed is interpreted.
            expectField("format");
            if (p.nextToken() != JsonToken.VALUE_STRING || !FORMAT_NAME.equals(p.getText())) {
                throw corrupt(file, "does not declare format \"" + FORMAT_NAME + "\"");
            }
            expectField("version");
            if (p.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                throw corrupt(file, "has a non-integer \"version\"");
            }
            long version = p.getLongValue();
            if (version > KeyFileContents.FORMAT_VERSION) {
                throw new KeyFileException(KeyFileException.Reason.UNSUPPORTED_VERSION, file,
                        "Key file " + file + " has payload version " + version + "; this DeID Workbench reads up to version "
                                + KeyFileContents.FORMAT_VERSION + ". Open it with a newer DeID Workbench.");
            }
            if (version < 1) {
                throw corrupt(file, "has an invalid \"version\" " + version);
            }
            Instant createdAt = null;
            ProjectSecret secret = null;
            boolean sawDomains = false;
            boolean sawOffsets = false;
            boolean sawRuns = false;
            TreeMap<String, TreeMap<String, String>> domainsRead = null;
            TreeMap<String, Integer> offsets = null;
            List<RunRecord> runs = null;
            List<AuditEntry> audit = List.of();
            long auditCount = 0;
            boolean sawAudit = false;
            Custody.SplitKey split = null;
            KeyFileContents.ExportInfo export = null;
            TreeMap<String, TreeSet<KnownIdentifier>> known = null;
            Map<String, Map<String, Map<Long, Integer>>> coincidences = null;
            TreeMap<String, Integer> linked = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "createdAt" -> createdAt = instant("createdAt");
                    case "secret" -> secret = secret();
                    case "domains" -> {
                        if (sawDomains) {
                            throw corrupt(file, "has the \"domains\" member twice");
                        }
                        if (store == null) {
                            domainsRead = domains();
                        } else {
                            domainsRead = new TreeMap<>();
                            baseEntries = streamDomains(domainsRead);
                        }
                        sawDomains = true;
                    }
                    case "dateOffsets" -> {
                        if (sawOffsets) {
                            throw corrupt(file, "has the \"dateOffsets\" member twice");
                        }
                        if (store == null) {
                            offsets = dateOffsets();
                        } else {
                            offsets = new TreeMap<>();
                            baseOffsets = streamOffsets();
                        }
                        sawOffsets = true;
                    }
                    case "runs" -> {
                        runs = runs();
                        sawRuns = true;
                    }
                    case "knownIdentifiers" -> {
                        if (version < 2 || known != null) {
                            throw corrupt(file, version < 2 ? "has \"knownIdentifiers\", which version 1 does not define"
                                    : "has the \"knownIdentifiers\" member twice");
                        }
                        if (store == null) {
                            known = knownIdentifiers();
                        } else {
                            known = new TreeMap<>();
                            baseKnown = streamKnown();
                        }
                    }
                    case "coincidences" -> {
                        if (version < 3 || coincidences != null) {
                            throw corrupt(file, version < 3 ? "has \"coincidences\", which versions 1 and 2 do not define"
                                    : "has the \"coincidences\" member twice");
                        }
                        coincidences = coincidences();
                    }
                    case "linkedDateOffsets" -> {
                        if (version < 4 || linked != null) {
                            throw corrupt(file, version < 4
                                    ? "has \"linkedDateOffsets\", which versions 1 to 3 do not define"
                                    : "has the \"linkedDateOffsets\" member twice");
                        }
                        linked = dateOffsets("linkedDateOffsets"); // small: in memory even when streamed
                    }
                    case "export" -> {
                        if (version < 2 || export != null) {
                            throw corrupt(file, "has an unexpected \"export\" member");
                        }
                        export = exportInfo();
                    }
                    case "split" -> {
                        if (version < 2 || split != null) {
                            throw corrupt(file, version < 2 ? "has a \"split\" member, which version 1 does not define"
                                    : "has the \"split\" member twice");
                        }
                        split = split();
                    }
                    case "audit" -> {
                        if (version < 2 || sawAudit) {
                            throw corrupt(file, version < 2 ? "has an \"audit\" member, which version 1 does not define"
                                    : "has the \"audit\" member twice");
                        }
                        sawAudit = true;
                        expect(p.currentToken(), JsonToken.START_OBJECT, "audit");
                        List<AuditEntry> read = new java.util.ArrayList<>();
                        Long count = null;
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String member = p.currentName();
                            JsonToken t = p.nextToken();
                            if (member.equals("count") && count == null && t == JsonToken.VALUE_NUMBER_INT
                                    && p.getLongValue() >= 0) {
                                count = p.getLongValue();
                            } else if (member.equals("entries") && t == JsonToken.START_ARRAY) {
                                while (p.nextToken() == JsonToken.START_OBJECT) {
                                    read.add(auditEntry());
                                }
                                expect(p.currentToken(), JsonToken.END_ARRAY, "audit entries");
                            } else {
                                throw corrupt(file, "has an invalid member \"" + shortName(member) + "\" in \"audit\"");
                            }
                        }
                        if (count == null) {
                            throw corrupt(file, "has an \"audit\" member without \"count\"");
                        }
                        audit = read;
                        auditCount = count;
                    }
                    default -> throw corrupt(file, "has an unknown top-level member \"" + shortName(name) + "\"");
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "top level");
            if (p.nextToken() != null) {
                throw corrupt(file, "has data after the top-level object");
            }
            if (createdAt == null || (secret == null) == (export == null) || !sawDomains || !sawOffsets || !sawRuns) {
                throw corrupt(file, "lacks one of the required members createdAt, secret (or export), domains,"
                        + " dateOffsets, runs, or has both secret and export");
            }
            KeyFileContents contents = new KeyFileContents(secret, createdAt, domainsRead, offsets, runs,
                    known == null ? new TreeMap<>() : known);
            contents.adoptAudit(audit, auditCount);
            if (coincidences != null) {
                coincidences.forEach(contents::addCoincidences);
            }
            if (linked != null) {
                if (linked.isEmpty() || linked.size() > KeyFileContents.MAX_LINKED_OFFSETS) {
                    throw corrupt(file, "has an empty or oversized \"linkedDateOffsets\" member");
                }
                contents.addLinkedDateOffsets(linked);
            }
            if (store != null) {
                contents.adoptBase(baseEntries, baseOffsets, baseKnown);
            }
            contents.setSplit(split);
            contents.setExport(export);
            return contents;
        }

        private TreeMap<String, TreeSet<KnownIdentifier>> knownIdentifiers() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "knownIdentifiers");
            TreeMap<String, TreeSet<KnownIdentifier>> result = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String subject = p.currentName();
                expect(p.nextToken(), JsonToken.START_ARRAY, "knownIdentifiers of a subject");
                TreeSet<KnownIdentifier> ids = new TreeSet<>();
                if (result.put(subject, ids) != null) {
                    throw corrupt(file, "lists the known identifiers of subject '" + shortName(subject) + "' twice");
                }
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    String[] f = new String[3];
                    for (int i = 0; i < 3; i++) {
                        if (p.nextToken() != JsonToken.VALUE_STRING) {
                            throw corrupt(file, "has a known identifier that is not three strings near byte "
                                    + p.currentLocation().getByteOffset());
                        }
                        f[i] = p.getText();
                    }
                    expect(p.nextToken(), JsonToken.END_ARRAY, "a known identifier");
                    ids.add(new KnownIdentifier(f[0], f[1], f[2]));
                }
                expect(p.currentToken(), JsonToken.END_ARRAY, "knownIdentifiers of a subject");
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "knownIdentifiers");
            return result;
        }

        private KeyFileContents.ExportInfo exportInfo() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "export");
            Map<String, String> f = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING || f.put(name, p.getText()) != null
                        || !List.of("outputFolderName", "exportedAt", "auditKey").contains(name)) {
                    throw corrupt(file, "has an invalid member in \"export\"");
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "export");
            byte[] key = null;
            try {
                key = Base64.getDecoder().decode(f.get("auditKey"));
                if (key.length != 32 || f.get("outputFolderName") == null) {
                    throw corrupt(file, "has an inconsistent \"export\"");
                }
                return new KeyFileContents.ExportInfo(f.get("outputFolderName"), Instant.parse(f.get("exportedAt")), key);
            } catch (NullPointerException | IllegalArgumentException | DateTimeParseException e) {
                throw corrupt(file, "has an incomplete or malformed \"export\"");
            } finally {
                if (key != null) {
                    Arrays.fill(key, (byte) 0);
                }
            }
        }

        private Custody.SplitKey split() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "split");
            Map<String, Object> f = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                Object value = t == JsonToken.VALUE_NUMBER_INT ? (Object) p.getLongValue()
                        : t == JsonToken.VALUE_STRING ? p.getText() : null;
                if (value == null || f.put(name, value) != null
                        || !List.of("keyId", "threshold", "shares", "createdAt", "kek").contains(name)) {
                    throw corrupt(file, "has an invalid member in \"split\"");
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "split");
            byte[] kek = null;
            try {
                kek = Base64.getDecoder().decode((String) f.get("kek"));
                int threshold = Math.toIntExact((Long) f.get("threshold"));
                int shares = Math.toIntExact((Long) f.get("shares"));
                java.util.HexFormat.of().parseHex((String) f.get("keyId"));
                if (kek.length != Custody.KEY_LENGTH || threshold < 2 || shares < threshold || shares > 255) {
                    throw corrupt(file, "has an inconsistent \"split\"");
                }
                return new Custody.SplitKey((String) f.get("keyId"), threshold, shares,
                        Instant.parse((String) f.get("createdAt")), kek);
            } catch (ClassCastException | NullPointerException | IllegalArgumentException | ArithmeticException
                    | DateTimeParseException e) {
                throw corrupt(file, "has an incomplete or malformed \"split\"");
            } finally {
                if (kek != null) {
                    Arrays.fill(kek, (byte) 0);
                }
            }
        }

        private AuditEntry auditEntry() throws IOException, KeyFileException {
            Map<String, Object> f = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                Object value;
                switch (name) {
                    case "seq" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 1) {
                            throw corrupt(file, "has an invalid audit sequence number");
                        }
                        value = p.getLongValue();
                    }
                    case "found" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                                || p.getIntValue() < 0) {
                            throw corrupt(file, "has an invalid audit \"found\" count");
                        }
                        value = p.getIntValue();
                    }
                    case "time" -> value = instant("time");
                    case "user", "reason", "action", "prev", "hash" -> {
                        if (t != JsonToken.VALUE_STRING) {
                            throw corrupt(file, "has a non-string audit \"" + name + "\"");
                        }
                        value = p.getText();
                    }
                    case "domain" -> value = java.util.Optional.ofNullable(nullableString("domain"));
                    case "items" -> {
                        expect(t, JsonToken.START_ARRAY, "audit items");
                        List<String> items = new java.util.ArrayList<>();
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            items.add(p.getText());
                        }
                        expect(p.currentToken(), JsonToken.END_ARRAY, "audit items");
                        value = items;
                    }
                    default -> throw corrupt(file, "has an unknown audit member \"" + shortName(name) + "\"");
                }
                if (f.put(name, value) != null) {
                    throw corrupt(file, "has audit member \"" + name + "\" twice");
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "audit entry");
            if (f.size() != 10) {
                throw corrupt(file, "has an incomplete audit entry");
            }
            @SuppressWarnings("unchecked")
            List<String> items = (List<String>) f.get("items");
            @SuppressWarnings("unchecked")
            java.util.Optional<String> domain = (java.util.Optional<String>) f.get("domain");
            return new AuditEntry((Long) f.get("seq"), (Instant) f.get("time"), (String) f.get("user"),
                    (String) f.get("reason"), (String) f.get("action"), domain.orElse(null), items,
                    (Integer) f.get("found"), (String) f.get("prev"), (String) f.get("hash"));
        }

        private TreeMap<String, TreeMap<String, String>> domains() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "domains");
            TreeMap<String, TreeMap<String, String>> result = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String domain = p.currentName();
                expect(p.nextToken(), JsonToken.START_OBJECT, "domain '" + shortName(domain) + "'");
                TreeMap<String, String> entries = new TreeMap<>();
                if (result.put(domain, entries) != null) {
                    throw corrupt(file, "lists domain '" + shortName(domain) + "' twice");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String pseudonym = p.currentName();
                    if (p.nextToken() != JsonToken.VALUE_STRING) {
                        throw corrupt(file, "has a non-string original in domain '" + shortName(domain) + "' near byte "
                                + p.currentLocation().getByteOffset());
                    }
                    if (entries.put(pseudonym, p.getText()) != null) {
                        throw corrupt(file, "lists pseudonym '" + shortName(pseudonym) + "' twice in domain '"
                                + shortName(domain) + "'");
                    }
                }
                expect(p.currentToken(), JsonToken.END_OBJECT, "domain '" + shortName(domain) + "'");
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "domains");
            return result;
        }

        /** {@code {run: {subject: {yyyymmdd: count}}}} (decision 0029). */
        private Map<String, Map<String, Map<Long, Integer>>> coincidences() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "coincidences");
            Map<String, Map<String, Map<Long, Integer>>> result = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String run = p.currentName();
                p.nextToken();
                expect(p.currentToken(), JsonToken.START_OBJECT, "coincidences of a run");
                Map<String, Map<Long, Integer>> subjects = new TreeMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String subject = p.currentName();
                    p.nextToken();
                    expect(p.currentToken(), JsonToken.START_OBJECT, "coincidences of a subject");
                    Map<Long, Integer> days = new TreeMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String day = p.currentName();
                        if (!day.matches("\\d{8}") || p.nextToken() != JsonToken.VALUE_NUMBER_INT
                                || p.getNumberType() != JsonParser.NumberType.INT || p.getIntValue() <= 0
                                || days.put(Long.parseLong(day), p.getIntValue()) != null) {
                            throw corrupt(file, "has an invalid attested coincidence near byte "
                                    + p.currentLocation().getByteOffset());
                        }
                    }
                    expect(p.currentToken(), JsonToken.END_OBJECT, "coincidences of a subject");
                    subjects.put(subject, days);
                }
                expect(p.currentToken(), JsonToken.END_OBJECT, "coincidences of a run");
                result.put(run, subjects);
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "coincidences");
            return result;
        }

        private TreeMap<String, Integer> dateOffsets() throws IOException, KeyFileException {
            return dateOffsets("dateOffsets");
        }

        /** {@code "dateOffsets"} or {@code "linkedDateOffsets"}: subject pseudonym → days, into memory. */
        private TreeMap<String, Integer> dateOffsets(String member) throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, member);
            TreeMap<String, Integer> result = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String subject = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
                    throw corrupt(file, "has a date offset that is not a 32-bit integer near byte "
                            + p.currentLocation().getByteOffset());
                }
                if (result.put(subject, p.getIntValue()) != null) {
                    throw corrupt(file, "lists a date offset for subject '" + shortName(subject) + "' twice");
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, member);
            return result;
        }

        private List<RunRecord> runs() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_ARRAY, "runs");
            List<RunRecord> result = new java.util.ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                result.add(run());
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, "runs");
            return result;
        }

        private RunRecord run() throws IOException, KeyFileException {
            Map<String, Object> f = new HashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                Object value;
                switch (name) {
                    case "runId", "toolVersion", "profileName", "profileSha256", "outputFolderName" ->
                            value = nullableString(name);
                    case "startedAt", "finishedAt" -> value = instant(name);
                    case "filesWritten", "filesFailed", "filesQuarantined", "newEntries" -> {
                        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                                || p.getIntValue() < 0) {
                            throw corrupt(file, "has an invalid run count \"" + name + "\"");
                        }
                        value = p.getIntValue();
                    }
                    case "files" -> value = fileMappings();
                    default -> throw corrupt(file, "has an unknown run member \"" + shortName(name) + "\"");
                }
                if (f.containsKey(name)) {
                    throw corrupt(file, "has run member \"" + name + "\" twice");
                }
                f.put(name, value);
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "run");
            for (String required : List.of("runId", "startedAt", "finishedAt", "toolVersion", "profileName",
                    "profileSha256", "outputFolderName", "filesWritten", "filesFailed", "filesQuarantined", "newEntries")) {
                if (!f.containsKey(required)) {
                    throw corrupt(file, "has a run without \"" + required + "\"");
                }
            }
            if (f.get("runId") == null) {
                throw corrupt(file, "has a run without a runId");
            }
            return new RunRecord((String) f.get("runId"), (Instant) f.get("startedAt"), (Instant) f.get("finishedAt"),
                    (String) f.get("toolVersion"), (String) f.get("profileName"), (String) f.get("profileSha256"),
                    (String) f.get("outputFolderName"), (Integer) f.get("filesWritten"), (Integer) f.get("filesFailed"),
                    (Integer) f.get("filesQuarantined"), (Integer) f.get("newEntries"),
                    f.containsKey("files") ? castMappings(f.get("files")) : List.of());
        }

        @SuppressWarnings("unchecked")
        private static List<RunRecord.FileMapping> castMappings(Object o) {
            return (List<RunRecord.FileMapping>) o;
        }

        private List<RunRecord.FileMapping> fileMappings() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_ARRAY, "files");
            List<RunRecord.FileMapping> result = new java.util.ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, Object> m = new HashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    Object value;
                    switch (name) {
                        case "input" -> {
                            if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                                    || p.getIntValue() < 1) {
                                throw corrupt(file, "has an invalid input number in a run's files");
                            }
                            value = p.getIntValue();
                        }
                        case "source", "output", "status" -> {
                            if (t != JsonToken.VALUE_STRING) {
                                throw corrupt(file, "has a non-string \"" + name + "\" in a run's files");
                            }
                            value = p.getText();
                        }
                        default -> throw corrupt(file, "has an unknown member \"" + shortName(name) + "\" in a run's files");
                    }
                    if (m.put(name, value) != null) {
                        throw corrupt(file, "has member \"" + name + "\" twice in a run's files");
                    }
                }
                expect(p.currentToken(), JsonToken.END_OBJECT, "files entry");
                if (m.size() != 4) {
                    throw corrupt(file, "has an incomplete entry in a run's files");
                }
                result.add(new RunRecord.FileMapping((Integer) m.get("input"), (String) m.get("source"),
                        (String) m.get("output"), (String) m.get("status")));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY, "files");
            return result;
        }

        private String nullableString(String name) throws IOException, KeyFileException {
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            if (t != JsonToken.VALUE_STRING) {
                throw corrupt(file, "has a non-string \"" + name + "\"");
            }
            return p.getText();
        }

        private Instant instant(String name) throws IOException, KeyFileException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw corrupt(file, "has a non-string \"" + name + "\"");
            }
            try {
                return Instant.parse(p.getText());
            } catch (DateTimeParseException e) {
                throw corrupt(file, "has an invalid ISO-8601 instant in \"" + name + "\"");
            }
        }

        private ProjectSecret secret() throws IOException, KeyFileException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw corrupt(file, "has a non-string \"secret\"");
            }
            // decode from the parser's char buffer so no String copy of the secret is made
            char[] buf = p.getTextCharacters();
            int off = p.getTextOffset();
            int len = p.getTextLength();
            byte[] ascii = new byte[len];
            byte[] raw = null;
            try {
                for (int i = 0; i < len; i++) {
                    char c = buf[off + i];
                    if (c > 0x7f) {
                        throw corrupt(file, "has a \"secret\" that is not base64");
                    }
                    ascii[i] = (byte) c;
                }
                try {
                    raw = Base64.getDecoder().decode(ascii);
                } catch (IllegalArgumentException e) {
                    throw corrupt(file, "has a \"secret\" that is not base64");
                }
                if (raw.length != ProjectSecret.LENGTH) {
                    throw corrupt(file, "has a \"secret\" of " + raw.length + " bytes instead of " + ProjectSecret.LENGTH);
                }
                return ProjectSecret.of(raw);
            } finally {
                Arrays.fill(ascii, (byte) 0);
                Arrays.fill(buf, off, off + len, '\0');
                if (raw != null) {
                    Arrays.fill(raw, (byte) 0);
                }
            }
        }

        private void expectField(String name) throws IOException, KeyFileException {
            if (p.nextToken() != JsonToken.FIELD_NAME || !name.equals(p.currentName())) {
                throw corrupt(file, "does not start with the \"format\" and \"version\" members");
            }
        }

        private void expect(JsonToken actual, JsonToken wanted, String where) throws KeyFileException {
            if (actual != wanted) {
                throw corrupt(file, "has an unexpected " + (actual == null ? "end" : actual.asString() == null
                        ? actual.name() : "'" + actual.asString() + "'") + " in " + where + " near byte "
                        + p.currentLocation().getByteOffset());
            }
        }
    }

    /** Member names are schema words, domains or pseudonyms (never originals); still bounded in length. */
    private static String shortName(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "…";
    }
}

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
import java.util.TreeMap;
import java.util.TreeSet;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.model.KnownIdentifier;

/**
 * Reads and writes the key file's JSON payload (see {@code src/site/markdown/keyfile-format.md}).
 * Streaming in both directions (Jackson core, no tree), so a million entries cost one pass and about
 * one payload-sized buffer. Output is deterministic: fixed member order at the top level and in runs,
 * map keys sorted. Thread-safe (stateless).
 */
final class PayloadCodec {

    static final String FORMAT_NAME = "deid-workbench-keyfile";

    // JsonFactory is thread-safe once configured; no source excerpts in locations, so a parse error
    // can never echo payload text (original values) into a message.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private PayloadCodec() {
    }

    /** Serializes a consistent snapshot (the contents are locked while written). The caller should wipe the result. */
    static byte[] write(KeyFileContents contents) throws IOException {
        synchronized (contents) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, contents.entryCount() * 64));
            try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT_NAME);
                g.writeNumberField("version", KeyFileContents.FORMAT_VERSION);
                g.writeStringField("createdAt", contents.createdAt().toString());
                writeSecret(g, contents.secret());
                g.writeObjectFieldStart("domains");
                for (Map.Entry<String, TreeMap<String, String>> domain : contents.domainMapsLocked().entrySet()) {
                    g.writeObjectFieldStart(domain.getKey());
                    for (Map.Entry<String, String> e : domain.getValue().entrySet()) {
                        g.writeStringField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
                g.writeObjectFieldStart("dateOffsets");
                for (Map.Entry<String, Integer> e : contents.dateOffsetsLocked().entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
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
                g.writeArrayFieldStart("runs");
                for (RunRecord run : contents.runsLocked()) {
                    writeRun(g, run);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            return out.toByteArray();
        }
    }

    private static void writeSecret(JsonGenerator g, ProjectSecret secret) throws IOException {
        byte[] raw = secret.bytes();
        byte[] ascii = Base64.getEncoder().encode(raw);
        char[] chars = new char[ascii.length];
        for (int i = 0; i < ascii.length; i++) {
            chars[i] = (char) ascii[i];
        }
        try {
            g.writeFieldName("secret");
            g.writeString(chars, 0, chars.length);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(ascii, (byte) 0);
            Arrays.fill(chars, '\0');
        }
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
            return new Reader(p, file).readDocument();
        } catch (JsonProcessingException e) {
            // deliberately no cause: Jackson messages quote tokens, which may be original values
            throw corrupt(file, "is not well-formed JSON near byte " + e.getLocation().getByteOffset());
        } catch (IOException e) {
            throw corrupt(file, "could not be parsed");
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

        Reader(JsonParser p, Path file) {
            this.p = p;
            this.file = file;
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
            boolean sawKnown = false;
            TreeMap<String, TreeSet<KnownIdentifier>> known = new TreeMap<>();
            TreeMap<String, TreeMap<String, String>> domainsRead = null;
            TreeMap<String, Integer> offsets = null;
            List<RunRecord> runs = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "createdAt" -> createdAt = instant("createdAt");
                    case "secret" -> secret = secret();
                    case "domains" -> {
                        domainsRead = domains();
                        sawDomains = true;
                    }
                    case "dateOffsets" -> {
                        offsets = dateOffsets();
                        sawOffsets = true;
                    }
                    case "runs" -> {
                        runs = runs();
                        sawRuns = true;
                    }
                    case "knownIdentifiers" -> {
                        if (version < 2) {
                            throw corrupt(file, "has \"knownIdentifiers\", which payload version " + version + " does not have");
                        }
                        known = knownIdentifiers();
                        sawKnown = true;
                    }
                    default -> throw corrupt(file, "has an unknown top-level member \"" + shortName(name) + "\"");
                }
            }
            expect(p.currentToken(), JsonToken.END_OBJECT, "top level");
            if (p.nextToken() != null) {
                throw corrupt(file, "has data after the top-level object");
            }
            if (createdAt == null || secret == null || !sawDomains || !sawOffsets || !sawRuns
                    || version >= 2 && !sawKnown) {
                throw corrupt(file, "lacks one of the required members createdAt, secret, domains, dateOffsets,"
                        + (version >= 2 ? " knownIdentifiers," : "") + " runs");
            }
            return new KeyFileContents(secret, createdAt, domainsRead, offsets, runs, known);
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

        private TreeMap<String, Integer> dateOffsets() throws IOException, KeyFileException {
            expect(p.currentToken(), JsonToken.START_OBJECT, "dateOffsets");
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
            expect(p.currentToken(), JsonToken.END_OBJECT, "dateOffsets");
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

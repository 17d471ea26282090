package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.RecordingVisitor;
import org.deidworkbench.format.ValueReader;
import org.junit.jupiter.api.Test;

/**
 * NDJSON read from its bytes (decision 0085) visits exactly what Jackson's reading of the same stream visits — values,
 * paths, lines, records, what is not looked into, and the same error — whatever the escapes, characters, line breaks
 * and read sizes; plain ASCII values reach the visitor as bytes.
 */
class NdjsonBytesTest {

    private static final String[] PIECES = {"Avery", "Quillfeather", "M\u00fcller", "Gr\u00f6\u00dfe", "\u20ac 12",
        "\ud834\udd1e clef", "\u00e9", "1970-05-03", "555-604-6018", "Patient/P1000007", "&amp;", "M&#252;ller", "a&b",
        "&lt;div&gt;", " ", "/", "x", "\u4e2d\u6587"};
    private static final String[] ESCAPES = {"\\\"", "\\\\", "\\/", "\\u00fc", "\\n", "\\t", "\\u20AC", "\\b", "\\f",
        "\\r", "\\u0026amp;", "\\u0041", "\\u000a"};

    /** What a reading visited, and how it ended. */
    private static String reading(byte[] ndjson, boolean jackson, Random reads) {
        RecordingVisitor r = new RecordingVisitor();
        String ending = "end";
        InputStream in = new Dribble(ndjson, reads);
        try {
            if (jackson) {
                FhirValueReader.readNdjsonWithJackson(in, r);
            } else {
                FhirValueReader.readNdjson(in, r);
            }
        } catch (FormatException e) {
            ending = e.code() + " at " + e.location() + ": " + e.getMessage();
        } catch (IOException e) {
            ending = "IOException " + e.getMessage();
        }
        StringBuilder b = new StringBuilder();
        r.seen.forEach(s -> b.append(s).append('\n'));
        r.records.forEach(s -> b.append("record ").append(s).append('\n'));
        r.notScanned.forEach(s -> b.append("not scanned ").append(s).append('\n'));
        return b.append(ending).toString();
    }

    /** An input stream that hands out its bytes in reads of random sizes (multi-byte characters split across them). */
    private static final class Dribble extends InputStream {
        private final byte[] bytes;
        private final Random sizes;
        private int at;

        Dribble(byte[] bytes, Random sizes) {
            this.bytes = bytes;
            this.sizes = sizes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, bytes.length - at), 1 + sizes.nextInt(sizes.nextBoolean() ? 7 : 3000));
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }

    private static String string(Random r) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0, n = r.nextInt(5); i < n; i++) {
            int pick = r.nextInt(10);
            if (pick < 6) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            } else if (pick < 7) {
                b.append(ESCAPES[r.nextInt(ESCAPES.length)]);
            } else {
                b.append((char) ('a' + r.nextInt(26))).append(r.nextInt(1000));
            }
        }
        return b.append('"').toString();
    }

    private static String number(Random r) {
        String[] forms = {"0", "-0", "7", "178.25", "-12", "1000007", "1.5e3", "2E-7", "6.02E+23", "19700503", "-0.5"};
        return forms[r.nextInt(forms.length)];
    }

    private static String space(Random r) {
        return r.nextInt(6) == 0 ? (r.nextBoolean() ? " " : "\t ") : "";
    }

    private static String value(Random r, int depth) {
        int pick = depth > 4 ? r.nextInt(4) : r.nextInt(7);
        return switch (pick) {
            case 0, 1 -> string(r);
            case 2 -> number(r);
            case 3 -> new String[] {"true", "false", "null"}[r.nextInt(3)];
            case 4 -> {
                StringBuilder b = new StringBuilder("[" + space(r));
                for (int i = 0, n = r.nextInt(4); i < n; i++) {
                    b.append(i > 0 ? "," + space(r) : "").append(value(r, depth + 1));
                }
                yield b.append(space(r)).append(']').toString();
            }
            default -> object(r, depth + 1, r.nextInt(5) == 0);
        };
    }

    private static String object(Random r, int depth, boolean resource) {
        StringBuilder b = new StringBuilder("{" + space(r));
        List<String> fields = new ArrayList<>();
        if (resource) {
            fields.add("\"resourceType\":\"" + (r.nextBoolean() ? "Patient" : "Bundle") + "\"");
        }
        if (r.nextInt(8) == 0) {
            String data = "\"data\":\"" + Base64.getEncoder().encodeToString(
                    ("Avery " + PIECES[r.nextInt(PIECES.length)]).getBytes(StandardCharsets.UTF_8)) + "\"";
            String type = "\"contentType\":\"" + (r.nextBoolean() ? "text/plain" : "application/octet-stream") + "\"";
            fields.add(r.nextBoolean() ? type : data);
            fields.add(fields.get(fields.size() - 1) == data ? type : data);
        }
        String[] names = {"id", "name", "family", "given", "value", "text", "n\u00e4me", "entry", "resource", "contained",
            "note", "a b"};
        for (int i = 0, n = r.nextInt(5); i < n; i++) {
            String name = names[r.nextInt(names.length)];
            fields.add("\"" + name + "\"" + space(r) + ":" + space(r) + (name.equals("resource") || name.equals("contained")
                    ? object(r, depth + 1, true) : value(r, depth)));
        }
        for (int i = 0; i < fields.size(); i++) {
            b.append(i > 0 ? "," + space(r) : "").append(fields.get(i));
        }
        return b.append(space(r)).append('}').toString();
    }

    /** A broken or unusual line: each reading must end (or go on) as Jackson's does. */
    private static byte[] odd(Random r) {
        String[] lines = {"{\"id\":\"a\",}", "{\"n\":01}", "{\"b\":tru}", "{\"t\":\"tab\there\"}", "{\"a\":1}\r{\"b\":2}",
            "{\"a\":+1}", "[1,]", "{\"a\":1} {\"b\":2}", "\"just a string\"", "12", "{\"a\":\"x\"}}", "{\"a\":1.}",
            "{\"a\":nullx}", "{\"a\"  \"b\"}", "{\"a\":\"unterminated}", "{\"a\":\"\\ud834\\udd1e clef\"}", "{\"a\":\"\\u00\"}",
            "{\"a\":\"\\x\"}", "{\"a\":\"\\uZZ12\"}", "{\"\\ud800\":1}"};
        if (r.nextInt(3) == 0) {
            byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0x80},
                {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
            byte[] b = bad[r.nextInt(bad.length)];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("{\"family\":\"Qu".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(b);
            out.writeBytes("ill\"}".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        return lines[r.nextInt(lines.length)].getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ndjson(Random r, int lines, boolean odd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            int pick = r.nextInt(40);
            if (odd && pick == 0) {
                out.writeBytes(odd(r));
            } else if (pick == 1) {
                out.writeBytes(space(r).getBytes(StandardCharsets.UTF_8)); // an empty or blank line
            } else {
                out.writeBytes((space(r) + object(r, 0, true) + space(r)).getBytes(StandardCharsets.UTF_8));
            }
            if (i < lines - 1 || r.nextBoolean()) {
                out.writeBytes((r.nextInt(4) == 0 ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    @Test
    void randomNdjsonIsReadAsJacksonReadsItWhateverTheEscapesCharactersAndReadSizes() {
        List<String> differing = new ArrayList<>();
        for (long seed = 1; seed <= 400 && differing.size() < 3; seed++) {
            Random r = new Random(seed);
            byte[] ndjson = ndjson(r, 1 + r.nextInt(seed % 10 == 0 ? 1500 : 40), seed % 3 == 0);
            String want = reading(ndjson, true, new Random(seed));
            String got = reading(ndjson, false, new Random(seed * 7));
            if (!want.equals(got)) {
                differing.add("seed " + seed + ":\n--- Jackson\n" + want + "\n--- bytes\n" + got);
            }
        }
        assertEquals("", String.join("\n", differing));
    }

    @Test
    void aNameSplitAcrossReadsAndALineLongerThanTheBufferAreReadWhole() {
        StringBuilder b = new StringBuilder();
        b.append("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\u00fcller\ud834\udd1e\u20ac\"}]}\n");
        b.append("{\"resourceType\":\"Patient\",\"text\":\"").append("Gr\u00f6\u00dfe ".repeat(30_000)).append("\"}\n");
        b.append("{\"resourceType\":\"Patient\",\"text\":\"").append("\u00e9".repeat(600_000)).append("\"}\n"); // > 1 MiB
        b.append("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\u00fcller\"}]}\n");
        byte[] ndjson = b.toString().getBytes(StandardCharsets.UTF_8);
        for (long seed = 1; seed <= 5; seed++) {
            String want = reading(ndjson, true, new Random(seed));
            assertEquals(want, reading(ndjson, false, new Random(seed)));
            assertTrue(want.contains("line 4, Patient.name[0].family"), want.substring(0, 200));
        }
    }

    @Test
    void anEscapedValueIsTheJsonStringItWrites() throws Exception {
        byte[] ndjson = ("{\"resourceType\":\"Patient\",\"id\":\"a\"}\n"
                + "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\\u00fcller \\\"Avery\\\"\"}]}\n"
                + "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Quillfeather\"}]}\n").getBytes(StandardCharsets.UTF_8);
        RecordingVisitor r = new RecordingVisitor();
        FhirValueReader.readNdjson(new ByteArrayInputStream(ndjson), r);
        assertEquals("line 2, Patient.name[0].family", r.where("M\u00fcller \"Avery\""));
        assertEquals("line 3, Patient.name[0].family", r.where("Quillfeather"));
        assertEquals(List.of(List.of("a"), List.of("M\u00fcller \"Avery\""), List.of("Quillfeather")), r.records);
    }

    @Test
    void anAsciiValueReachesTheVisitorAsBytesAndAnyOtherDecoded() throws Exception {
        byte[] ndjson = "{\"resourceType\":\"Patient\",\"id\":\"P1\",\"name\":[{\"family\":\"M\u00fcller\",\"given\":[\"a&amp;b\"]}],\"n\":-1.5}\n"
                .getBytes(StandardCharsets.UTF_8);
        List<String> how = new ArrayList<>();
        FhirValueReader.readNdjson(new ByteArrayInputStream(ndjson), new ValueReader.Visitor() {
            @Override
            public void value(byte[] bytes, int offset, int length, Supplier<String> where) {
                how.add("bytes " + new String(bytes, offset, length, StandardCharsets.ISO_8859_1));
            }

            @Override
            public void value(char[] chars, int offset, int length, Supplier<String> where) {
                how.add("chars " + new String(chars, offset, length));
            }

            @Override
            public void value(CharSequence value, Supplier<String> where) {
                how.add("text " + value);
            }
        });
        assertEquals(List.of("bytes P1", "chars M\u00fcller", "text a&b", "bytes -1.5"), how);
    }
}

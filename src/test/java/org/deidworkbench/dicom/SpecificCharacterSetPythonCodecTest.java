package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.deidworkbench.dicom.SpecificCharacterSet.ValueKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every pair of the four double-byte sets decodes to the character Python's codecs (which pydicom
 * uses) give, and encodes back to the same pair. Python's tables follow the Unicode consortium's
 * mapping files; the JDK differs at JIS X 0208 0x213D and JIS X 0212 0x2237, which
 * {@link CharsetGraphicSet} corrects. The JDK's EUC-KR also assigns two KS X 1001 cells that
 * Python leaves unassigned (0xA2E8, added in KS X 1001:2002, and the Hangul filler 0xA4D4); those
 * are the only pairs we decode that Python does not. Skipped without python3.
 */
class SpecificCharacterSetPythonCodecTest {

    private static final String SCRIPT = "src/test/resources/org/deidworkbench/dicom/python_double_byte_tables.py";
    private static final Map<String, String[]> TERMS = Map.of(
            "JIS_X0208", new String[] {"", "ISO 2022 IR 87"},
            "JIS_X0212", new String[] {"", "ISO 2022 IR 159"},
            "KS_X1001", new String[] {"", "ISO 2022 IR 149"},
            "GB2312", new String[] {"", "ISO 2022 IR 58"});
    private static final Map<String, String> ESCAPES = Map.of(
            "JIS_X0208", "\u001b$B", "JIS_X0212", "\u001b$(D", "KS_X1001", "\u001b$)C", "GB2312", "\u001b$)A");
    private static final Set<String> ONLY_JDK_ASSIGNS = Set.of("KS_X1001 a2e8", "KS_X1001 a4d4");

    /** set name → (pair hex → code point). */
    private static Map<String, Map<String, Integer>> python;

    @BeforeAll
    static void readPythonTables() throws Exception {
        String output;
        try {
            Process process = new ProcessBuilder("python3", SCRIPT).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Assumptions.assumeTrue(process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0,
                    "python3 failed to dump its codec tables");
        } catch (IOException e) {
            Assumptions.abort("python3 not installed: apt-get install python3");
            return;
        }
        python = new HashMap<>();
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            python.computeIfAbsent(f[0], k -> new HashMap<>()).put(f[1], Integer.parseInt(f[2], 16));
        }
    }

    private static byte[] value(String set, int b1, int b2) {
        byte[] escape = ESCAPES.get(set).getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = new byte[escape.length + 2];
        System.arraycopy(escape, 0, v, 0, escape.length);
        v[escape.length] = (byte) b1;
        v[escape.length + 1] = (byte) b2;
        return v;
    }

    @Test
    void everyDoubleBytePairDecodesAsPythonAndEncodesBack() throws DicomFormatException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String set : TERMS.keySet()) {
            SpecificCharacterSet charset = SpecificCharacterSet.of(TERMS.get(set));
            boolean gl = set.startsWith("JIS");
            int low = gl ? 0x21 : 0xA1;
            int high = gl ? 0x7E : 0xFE;
            for (int b1 = low; b1 <= high; b1++) {
                for (int b2 = low; b2 <= high; b2++) {
                    String key = HexFormat.of().toHexDigits((byte) b1) + HexFormat.of().toHexDigits((byte) b2);
                    byte[] v = value(set, b1, b2);
                    String ours = charset.decode(v, 0, v.length, ValueKind.TEXT);
                    Integer expected = python.getOrDefault(set, Map.of()).get(key);
                    if (expected == null) {
                        if (!ours.equals("\uFFFD") && !ONLY_JDK_ASSIGNS.contains(set + " " + key)) {
                            problems.add(set + " " + key + " unassigned in Python");
                        }
                        continue;
                    }
                    checked++;
                    if (ours.codePointAt(0) != expected || ours.length() != 1) {
                        problems.add(set + " " + key + " decodes differently");
                        continue;
                    }
                    byte[] encoded = charset.encode(ours, ValueKind.TEXT);
                    if (!charset.decode(encoded, 0, encoded.length, ValueKind.TEXT).equals(ours)) {
                        problems.add(set + " " + key + " does not round-trip");
                    }
                }
            }
        }
        assertTrue(checked > 25_000, "Python tables look incomplete: " + checked + " pairs");
        assertEquals(List.of(), problems);
    }
}

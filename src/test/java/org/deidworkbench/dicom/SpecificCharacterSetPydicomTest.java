package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.deidworkbench.dicom.SpecificCharacterSet.ValueKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares our decoding with pydicom's on every text element of pydicom's charset test files
 * ({@code pydicom/data/charset_files}, see its FileInfo.txt). We have no DICOM parser here, so a
 * Python helper ({@code pydicom_charset_dump.py}) extracts each element's raw bytes, the Specific
 * Character Set in force and pydicom's decoded text. Skipped when no Python with pydicom exists.
 *
 * <p>Known presentation difference: pydicom drops trailing empty PN component groups, so it shows
 * {@code Wang^XiaoDong=王^小東} where the file (and FileInfo.txt, and PS3.5 J) has a trailing
 * {@code =}; we keep the value as encoded, so trailing {@code =} is removed before comparing.
 */
class SpecificCharacterSetPydicomTest {

    private static final String SCRIPT = "src/test/resources/org/deidworkbench/dicom/pydicom_charset_dump.py";
    private static List<JsonNode> records;

    @BeforeAll
    static void dumpWithPydicom() throws Exception {
        String python = null;
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if (run(candidate, "-c", "import pydicom") != null) {
                python = candidate;
                break;
            }
        }
        Assumptions.assumeTrue(python != null,
                "no python3 with pydicom: apt-get install python3-pydicom (or pip install pydicom)");
        String output = run(python, SCRIPT);
        Assumptions.assumeTrue(output != null, "pydicom charset dump failed (pydicom without its test data?)");
        records = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : output.split("\n")) {
            if (!line.isBlank()) {
                records.add(mapper.readTree(line));
            }
        }
    }

    /** Runs a command; its stdout, or null if it could not start or failed. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static ValueKind kindOf(String vr) {
        return switch (vr) {
            case "PN" -> ValueKind.PERSON_NAME;
            case "ST", "LT", "UT" -> ValueKind.TEXT;
            default -> ValueKind.MULTI_VALUED;
        };
    }

    private static SpecificCharacterSet charsetOf(JsonNode record) throws DicomFormatException {
        List<String> terms = new ArrayList<>();
        record.get("terms").forEach(t -> terms.add(t.asText()));
        return SpecificCharacterSet.of(terms.toArray(new String[0]));
    }

    /** pydicom's presentation: trailing padding removed per value; for PN also trailing '='. */
    private static String normalize(String decoded, String vr) {
        ValueKind kind = kindOf(vr);
        String[] values = kind == ValueKind.TEXT ? new String[] {decoded} : decoded.split("\\\\", -1);
        List<String> out = new ArrayList<>();
        for (String value : values) {
            String v = value.replaceAll("[ \\x00]+$", "");
            if (kind == ValueKind.PERSON_NAME) {
                v = v.replaceAll("=+$", "");
            }
            out.add(v);
        }
        return String.join("\\", out);
    }

    private static String where(JsonNode record) {
        return record.get("file").asText() + " (" + record.get("tag").asText() + ") " + record.get("vr").asText();
    }

    @Test
    void decodesEveryTextElementOfPydicomCharsetFilesAsPydicomDoes() throws DicomFormatException {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode record : records) {
            byte[] raw = HexFormat.of().parseHex(record.get("hex").asText());
            String vr = record.get("vr").asText();
            String ours = charsetOf(record).decode(raw, 0, raw.length, kindOf(vr));
            if (!normalize(ours, vr).equals(record.get("text").asText())) {
                mismatches.add(where(record));
            }
        }
        assertTrue(records.size() > 100, "expected the full set of pydicom charset files, got " + records.size());
        assertEquals(List.of(), mismatches);
    }

    @Test
    void everyTextElementOfPydicomCharsetFilesDecodesStrictly() throws DicomFormatException {
        List<String> lenient = new ArrayList<>();
        for (JsonNode record : records) {
            byte[] raw = HexFormat.of().parseHex(record.get("hex").asText());
            if (!charsetOf(record).decodesStrictly(raw, 0, raw.length, kindOf(record.get("vr").asText()))) {
                lenient.add(where(record));
            }
        }
        assertEquals(List.of(), lenient);
    }

    @Test
    void everyDecodedTextElementEncodesBackToTheSameText() throws DicomFormatException {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode record : records) {
            byte[] raw = HexFormat.of().parseHex(record.get("hex").asText());
            ValueKind kind = kindOf(record.get("vr").asText());
            SpecificCharacterSet charset = charsetOf(record);
            String decoded = charset.decode(raw, 0, raw.length, kind);
            byte[] encoded = charset.encode(decoded, kind);
            if (!charset.decode(encoded, 0, encoded.length, kind).equals(decoded)) {
                mismatches.add(where(record));
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void patientNamesAreEncodedByteForByteAsInTheFilesWithoutPadding() throws DicomFormatException {
        // The files follow PS3.5 H.3, I.2 and J; chrKoreanMulti and chrJapMulti add an ESC ( B or
        // padding that PS3.5 does not need, so only the Annex examples are compared byte for byte.
        List<String> annexFiles = List.of("chrH31.dcm", "chrH32.dcm", "chrI2.dcm", "chrX1.dcm", "chrX2.dcm",
                "chrFren.dcm", "chrGerm.dcm", "chrGreek.dcm", "chrArab.dcm", "chrHbrw.dcm", "chrRuss.dcm");
        int compared = 0;
        for (JsonNode record : records) {
            if (!record.get("tag").asText().equals("00100010") || !annexFiles.contains(record.get("file").asText())) {
                continue;
            }
            byte[] raw = HexFormat.of().parseHex(record.get("hex").asText());
            int length = raw.length;
            while (length > 0 && raw[length - 1] == ' ') {
                length--;
            }
            SpecificCharacterSet charset = charsetOf(record);
            String decoded = charset.decode(raw, 0, length, ValueKind.PERSON_NAME);
            assertEquals(HexFormat.of().formatHex(raw, 0, length),
                    HexFormat.of().formatHex(charset.encode(decoded, ValueKind.PERSON_NAME)), where(record));
            compared++;
        }
        assertEquals(annexFiles.size(), compared);
    }
}

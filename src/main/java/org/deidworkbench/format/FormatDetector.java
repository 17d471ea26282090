package org.deidworkbench.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides which format owns a file by looking at its first bytes (the extension only breaks ties
 * for text that could be CSV). Stateless and thread-safe; reads at most {@value #HEAD} bytes.
 */
public final class FormatDetector {

    /** How many first bytes decide a format. */
    public static final int HEAD = 16 * 1024;

    private FormatDetector() {
    }

    /** The format of the file at {@code path}. */
    public static FileFormat detect(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            // A DICOM file says so at bytes 128-131: the other 16 KB are read only for the other formats.
            head = in.readNBytes(DICOM_PREFIX);
            if (head.length == DICOM_PREFIX && isDicom(head)) {
                return FileFormat.DICOM;
            }
            if (head.length == DICOM_PREFIX) {
                byte[] rest = in.readNBytes(HEAD - DICOM_PREFIX);
                byte[] all = java.util.Arrays.copyOf(head, DICOM_PREFIX + rest.length);
                System.arraycopy(rest, 0, all, DICOM_PREFIX, rest.length);
                head = all;
            }
        }
        return detect(head, path.getFileName().toString());
    }

    /**
     * Whether a head whose second line starts an object holds one value after another (NDJSON, also with a record
     * over several lines) rather than one document: a Bundle written one entry per line has an object on its second
     * line too, but its first value closes at the end of the file, not before another begins. Where the first value
     * does not close within the head, a first line that opens a Bundle is one document; any other, NDJSON.
     */
    static boolean manyValues(String text, int firstLineEnd) {
        int end = firstValueEnd(text);
        if (end >= 0) {
            return text.substring(end).stripLeading().startsWith("{");
        }
        return !BUNDLE_FIRST.matcher(text.substring(0, firstLineEnd)).find();
    }

    private static final java.util.regex.Pattern BUNDLE_FIRST =
            java.util.regex.Pattern.compile("\"resourceType\"\\s*:\\s*\"Bundle\"");

    /**
     * Where the JSON value that opens {@code text} ends (after its closing brace), or -1 if it does not end within
     * it: braces and brackets counted outside strings (the head is read as Latin-1, so a UTF-8 character's bytes are
     * never a quote, a backslash or a brace).
     */
    static int firstValueEnd(String text) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** The preamble and the "DICM" prefix of a DICOM file. */
    private static final int DICOM_PREFIX = 132;

    /** The format of a file whose first bytes are {@code head}. */
    public static FileFormat detect(byte[] head, String fileName) {
        if (isDicom(head)) {
            return FileFormat.DICOM;
        }
        String lowerName = fileName.toLowerCase(Locale.ROOT);
        boolean csvFileName = lowerName.endsWith(".csv") || lowerName.endsWith(".tsv") || lowerName.endsWith(".psv");
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            // UTF-16 text with its byte order mark (Excel's "Unicode text"): detected on its decoded characters.
            java.nio.charset.Charset cs = (head[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
            String text = new String(head, 2, (head.length - 2) & ~1, cs);
            return text.indexOf('\u0000') < 0 ? detect(text.getBytes(StandardCharsets.UTF_8), fileName)
                    : csvFileName ? FileFormat.CSV : FileFormat.UNKNOWN;
        }
        if (!looksLikeText(head)) {
            // A .csv file with NUL bytes (UTF-16 without a byte order mark, UTF-32): the CSV reader withholds it
            // with the reason that its encoding cannot be determined, rather than as an unknown format.
            return csvFileName && head.length > 0 ? FileFormat.CSV : FileFormat.UNKNOWN;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            text = text.substring(3);
        }
        String trimmed = text.stripLeading();
        if (hl7(trimmed)) {
            return FileFormat.HL7V2; // whatever its name says: an interface's archive is often a .txt or a .csv
        }
        if (trimmed.startsWith("{")) {
            if (!text.contains("\"resourceType\"")) {
                return FileFormat.UNKNOWN;
            }
            int nl = trimmed.indexOf('\n');
            boolean secondLineIsObject = nl > 0 && trimmed.substring(nl + 1).stripLeading().startsWith("{");
            return secondLineIsObject && manyValues(trimmed, nl) ? FileFormat.FHIR_NDJSON : FileFormat.FHIR_JSON;
        }
        if (trimmed.startsWith("<")) {
            return text.contains("http://hl7.org/fhir") ? FileFormat.FHIR_XML : FileFormat.UNKNOWN;
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        boolean csvName = lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".psv");
        if (csvName && !trimmed.isEmpty()) {
            return FileFormat.CSV;
        }
        return hasConsistentDelimiter(text) ? FileFormat.CSV : FileFormat.UNKNOWN;
    }

    /**
     * Whether a text (MLLP's start byte and blank lines stripped) starts as a file of HL7 v2 messages does: an {@code MSH}
     * segment with its field separator and four encoding characters ({@code MSH|^~\&|}), or a batch's {@code FHS} or
     * {@code BHS} with the same (decision 0182).
     */
    static boolean hl7(String text) {
        if (text.length() < 9 || !(text.startsWith("MSH") || text.startsWith("FHS") || text.startsWith("BHS"))) {
            return false;
        }
        char separator = text.charAt(3);
        if (Character.isLetterOrDigit(separator) || Character.isWhitespace(separator) || separator < '!' || separator > '~') {
            return false;
        }
        for (int i = 4; i < 8; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c < '!' || c > '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDicom(byte[] h) {
        if (h.length >= 132 && h[128] == 'D' && h[129] == 'I' && h[130] == 'C' && h[131] == 'M') {
            return true;
        }
        if (h.length < 8) {
            return false;
        }
        int group = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
        int element = (h[2] & 0xFF) | (h[3] & 0xFF) << 8;
        if ((group != 0x0002 && group != 0x0008) || element > 0x00FF) {
            return false;
        }
        boolean explicitVr = Character.isUpperCase(h[4]) && Character.isUpperCase(h[5]);
        long implicitLength = (h[4] & 0xFFL) | (h[5] & 0xFFL) << 8 | (h[6] & 0xFFL) << 16 | (h[7] & 0xFFL) << 24;
        return explicitVr || implicitLength < 0x10000;
    }

    private static boolean looksLikeText(byte[] h) {
        for (byte b : h) {
            if (b == 0) {
                return false;
            }
        }
        return h.length > 0;
    }

    /** At least two lines, and the first lines share one delimiter count above zero. */
    private static boolean hasConsistentDelimiter(String text) {
        // Records, not lines: a quoted field may hold line breaks (a note of several lines, as Excel writes it).
        List<String> lines = records(text, 7);
        int usable = Math.min(lines.size() - 1, 5);
        if (usable < 2) {
            return false;
        }
        for (char d : new char[] {',', ';', '\t', '|', '^'}) {
            long first = countUnquoted(lines.get(0), d);
            if (first == 0) {
                continue;
            }
            boolean same = true;
            for (int i = 1; i < usable; i++) {
                if (countUnquoted(lines.get(i), d) != first) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** Up to {@code limit} records of the text: split at line breaks outside double quotes; the last one may be cut. */
    private static List<String> records(String text, int limit) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length() && out.size() < limit - 1; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                out.add(text.substring(start, i > start && text.charAt(i - 1) == '\r' ? i - 1 : i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** How often {@code d} occurs outside double quotes. */
    private static long countUnquoted(String record, char d) {
        long n = 0;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                n++;
            }
        }
        return n;
    }
}

package org.deidworkbench.format.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.deidworkbench.format.FormatException;

/**
 * Works out a CSV file's {@link CsvDialect} (encoding, byte order mark, delimiter, quote, record separator,
 * final separator) from its first 64 KiB and its last byte.
 *
 * <p>Thread-safe (no state). Cost: one read of at most 64 KiB plus one byte, and a few passes over the sample.
 * The sample only suggests the encoding; {@link CsvRecordReader} decodes the whole file strictly and reports
 * {@code CSV-ENCODING} with the line if a later byte does not fit.
 */
public final class CsvSniffer {

    /** How much of the file's start is examined. */
    public static final int SAMPLE_SIZE = 64 * 1024;

    /** Delimiters tried, in order of preference when the evidence is equal. */
    private static final char[] DELIMITERS = {',', ';', '\t', '|', '^'};

    /** Share of lines that must agree with the header's field count before a delimiter counts as found. */
    private static final double MIN_CONSISTENCY = 0.5;

    /** Records looked at for a report's title lines above the header (decision 0173). */
    private static final int PREAMBLE_LOOK = 40;

    /** Most records (blank lines included) taken as title lines above a header. */
    private static final int MAX_PREAMBLE = 30;

    /** Share of the records from a header under title lines that must have its width. */
    private static final double MIN_TABLE_SHARE = 0.6;

    /** Windows-1252 leaves these five bytes undefined; Java refuses to decode them. */
    private static final int[] CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D};

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    private static final Charset ISO_8859_2 = Charset.forName("ISO-8859-2");

    /**
     * Bytes that are Polish letters in ISO-8859-2 and symbols in Windows-1250, Windows-1252 and ISO-8859-1: {@code ą}
     * 0xB1 (±), {@code ś} 0xB6 (¶), {@code Ą} 0xA1 (ˇ, ¡), {@code Ś} 0xA6 (¦), {@code Ź} 0xAC (¬). {@code ź} 0xBC and
     * {@code Ł}, {@code ł}, {@code Ż}, {@code ż} decide nothing: Windows-1250 has a letter there too (decision 0124).
     */
    private static final int[] ISO_8859_2_ONLY_LETTERS = {0xA1, 0xA6, 0xAC, 0xB1, 0xB6};

    /**
     * Bytes that are letters of Polish, Czech, Slovak and Slovenian in Windows-1250 (ł ą ż Ą Ł Ż ľ Ľ Ź Ť ť) and
     * symbols in Windows-1252 and ISO-8859-1 (³ ¹ ¿ ¥ £ ¯ ¾ ¼, three undefined). {@code ś}, {@code ź} and {@code Ś}
     * are left out: their bytes are French letters in Windows-1252 ({@code œ}, {@code Ÿ}, {@code Œ}), and {@code ¿}
     * is only counted after a letter (a Spanish question starts with it).
     */
    private static final int[] CP1250_LETTERS = {0xB3, 0xB9, 0xBF, 0xA5, 0xA3, 0xAF, 0xBE, 0xBC, 0x8F, 0x8D, 0x9D};

    private CsvSniffer() {
    }

    /**
     * Sniffs the dialect of a file.
     *
     * @throws FormatException {@code CSV-NO-HEADER} for an empty file; {@code CSV-UNSUPPORTED-ENCODING} for a
     *         UTF-16 or UTF-32 byte order mark or NUL bytes (UTF-16 without a byte order mark, or not text);
     *         {@code CSV-ENCODING-UNSURE} when two East Asian encodings read the text equally well
     */
    public static CsvDialect sniff(Path file) throws IOException, FormatException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer sample = ByteBuffer.allocate(SAMPLE_SIZE);
            while (sample.hasRemaining() && channel.read(sample) >= 0) {
                // keep reading: a channel may return fewer bytes than asked
            }
            int length = sample.position();
            long size = channel.size();
            boolean complete = size <= length;
            int lastByte = -1;
            int beforeLast = -1;
            if (complete) {
                lastByte = length > 0 ? sample.get(length - 1) & 0xFF : -1;
                beforeLast = length > 1 ? sample.get(length - 2) & 0xFF : -1;
            } else {
                ByteBuffer last = ByteBuffer.allocate(2);
                if (channel.read(last, size - 2) == 2) {
                    beforeLast = last.get(0) & 0xFF;
                    lastByte = last.get(1) & 0xFF;
                }
            }
            Charset utf16 = utf16ByteOrderMark(sample.array(), length);
            if (utf16 != null) {
                // The last character: its low byte comes last in little endian, first in big endian.
                int lastChar = utf16 == StandardCharsets.UTF_16LE ? (lastByte == 0 ? beforeLast : -1)
                        : (beforeLast == 0 ? lastByte : -1);
                return sniffUtf16(sample.array(), length, complete, lastChar, utf16);
            }
            return sniff(sample.array(), length, complete, lastByte);
        }
    }

    /** UTF-16LE or UTF-16BE when the sample starts with its byte order mark (not a UTF-32 one), else null. */
    static Charset utf16ByteOrderMark(byte[] sample, int length) {
        if (length >= 2 && (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE
                && !(length >= 4 && sample[2] == 0 && sample[3] == 0)) {
            return StandardCharsets.UTF_16LE;
        }
        if (length >= 2 && (sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /**
     * A UTF-16 file with a byte order mark (Excel's "Unicode text"): the sample is decoded and its
     * layout found as for UTF-8 text.
     *
     * @param lastChar the file's last character if it is ASCII, else -1
     */
    static CsvDialect sniffUtf16(byte[] sample, int length, boolean complete, int lastChar, Charset charset)
            throws FormatException {
        int usable = 2 + ((length - 2) & ~1);
        String text = new String(sample, 2, usable - 2, charset);
        if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new FormatException("CSV-NO-HEADER", "",
                    "the file has no header line (it is empty or holds only a byte order mark)");
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new FormatException("CSV-UNSUPPORTED-ENCODING", "offset 0", "the file starts with a UTF-16 byte"
                    + " order mark but holds NUL characters: its encoding cannot be determined; save it as UTF-8");
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        Layout layout = chooseLayout(utf8, 0, utf8.length, complete && usable == length);
        String separator = layout.firstLineEnd != null ? layout.firstLineEnd : "\r\n";
        boolean endsWithSeparator = lastChar == '\n' || lastChar == '\r';
        return new CsvDialect(layout.delimiter, layout.quote, separator, charset, true, endsWithSeparator,
                layout.preamble);
    }

    /**
     * Sniffs the dialect from a sample of a file's first bytes.
     *
     * @param sample the file's first bytes
     * @param length how many bytes of {@code sample} are valid
     * @param complete whether the sample is the whole file (otherwise its last record may be cut off)
     * @param lastByte the file's last byte, or -1 for an empty file
     */
    static CsvDialect sniff(byte[] sample, int length, boolean complete, int lastByte) throws FormatException {
        int start = 0;
        boolean bom = false;
        if (length >= 3 && (sample[0] & 0xFF) == 0xEF && (sample[1] & 0xFF) == 0xBB && (sample[2] & 0xFF) == 0xBF) {
            bom = true;
            start = 3;
        } else if (length >= 2 && ((sample[0] & 0xFF) == 0xFE && (sample[1] & 0xFF) == 0xFF
                || (sample[0] & 0xFF) == 0xFF && (sample[1] & 0xFF) == 0xFE)) {
            throw new FormatException("CSV-UNSUPPORTED-ENCODING", "offset 0",
                    "the file starts with a UTF-16 or UTF-32 byte order mark; save it as UTF-8 and run again");
        } else if (length >= 4 && sample[0] == 0 && sample[1] == 0 && (sample[2] & 0xFF) == 0xFE
                && (sample[3] & 0xFF) == 0xFF) {
            throw new FormatException("CSV-UNSUPPORTED-ENCODING", "offset 0",
                    "the file starts with a UTF-32 byte order mark; save it as UTF-8 and run again");
        }
        if (start == length) {
            throw new FormatException("CSV-NO-HEADER", "",
                    "the file has no header line (it is empty or holds only a byte order mark)");
        }
        for (int i = start; i < length; i++) {
            if (sample[i] == 0) {
                throw new FormatException("CSV-UNSUPPORTED-ENCODING", "offset " + i,
                        "the file contains NUL bytes: it is UTF-16 or UTF-32 without a byte order mark, or not"
                                + " text at all; save it as UTF-8 and run again");
            }
        }
        Charset charset = bom ? StandardCharsets.UTF_8 : detectCharset(sample, start, length, complete);

        Layout layout;
        if (EastAsianEncodings.isOne(charset)) {
            // A trail byte of Shift_JIS, GBK or Big5 may be 0x7C, the byte of '|': the layout is found in the text.
            byte[] utf8 = decodeLenient(charset, sample, start, length).getBytes(StandardCharsets.UTF_8);
            layout = chooseLayout(utf8, 0, utf8.length, complete);
        } else {
            layout = chooseLayout(sample, start, length, complete);
        }
        String separator = layout.firstLineEnd != null ? layout.firstLineEnd : "\r\n";
        boolean endsWithSeparator = lastByte == '\n' || lastByte == '\r';
        return new CsvDialect(layout.delimiter, layout.quote, separator, charset, bom, endsWithSeparator,
                layout.preamble);
    }

    /**
     * Whether the sample reads as Windows-1250 (a Polish or Czech export saved by Excel or an Oracle client): two or
     * more of {@link #CP1250_LETTERS} right after a letter ("Michał", "Łódź" in Windows-1252 would read "Micha³",
     * "£ódŸ"), and none of them after a digit or a unit's {@code m} ({@code 10³}, {@code mm³}), which Western text
     * writes. Western text holds those symbols inside a word about never, so a French or German export stays
     * Windows-1252 (decision 0119 addendum).
     */
    static boolean centralEuropean(byte[] sample, int start, int length) {
        int afterLetter = 0;
        for (int i = start + 1; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b < 0x80 || java.util.Arrays.binarySearch(SORTED_CP1250_LETTERS, b) < 0) {
                continue;
            }
            int before = sample[i - 1] & 0xFF;
            if (before >= '0' && before <= '9' || before == 'm') {
                return false; // "10³", "mm³", "m²": a Western export's units
            }
            boolean letter = before >= 'A' && before <= 'Z' || before >= 'a' && before <= 'z' || before >= 0xC0;
            if (letter) {
                afterLetter++;
            }
        }
        return afterLetter >= 2;
    }

    private static final int[] SORTED_CP1250_LETTERS = java.util.stream.IntStream.of(CP1250_LETTERS).sorted().toArray();

    /**
     * Whether the sample reads as ISO-8859-2 (a Polish, Czech or Hungarian export from a Unix system): no byte from 0x80
     * to 0x9F (control codes in ISO-8859-2; Windows-1250's {@code ś ź Ś Ź š ž}, Windows-1252's {@code œ € „}), and
     * {@code needed} or more of {@link #ISO_8859_2_ONLY_LETTERS} right after a letter ({@code Wąs}, {@code Kraśnik}), none
     * after a digit ({@code 5±2}): one where the letters both encodings share already say Central European
     * ({@link #centralEuropean}: a Windows-1250 text with them and no {@code ś} or {@code ź} is rare), else two. A sample
     * without those bytes is left to the Windows encodings (decision 0124).
     */
    static boolean iso88592(byte[] sample, int start, int length, int needed) {
        int afterLetter = 0;
        for (int i = start; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b >= 0x80 && b <= 0x9F) {
                return false;
            }
            if (i == start || (b != 0xB1 && b != 0xB6 && b != 0xA1 && b != 0xA6 && b != 0xAC)) {
                continue;
            }
            int before = sample[i - 1] & 0xFF;
            if (before >= '0' && before <= '9') {
                return false;
            }
            if (before >= 'A' && before <= 'Z' || before >= 'a' && before <= 'z' || before >= 0xC0
                    || before >= 0xA1 && java.util.Arrays.binarySearch(ISO_8859_2_LETTERS_A0_BF, before) >= 0) {
                afterLetter++;
            }
        }
        return afterLetter >= needed;
    }

    /** The letters of ISO-8859-2 from 0xA1 to 0xBF (the rest of that row is symbols), sorted. */
    private static final int[] ISO_8859_2_LETTERS_A0_BF = {0xA1, 0xA3, 0xA5, 0xA6, 0xA9, 0xAA, 0xAB, 0xAC, 0xAE, 0xAF,
        0xB1, 0xB3, 0xB5, 0xB6, 0xB9, 0xBA, 0xBB, 0xBC, 0xBE, 0xBF};

    /**
     * UTF-8 if the sample decodes as UTF-8 (a multi-byte character cut at the sample's end is fine); otherwise
     * Windows-1251, KOI8-R, Windows-1253 or ISO-8859-7 where the words read as Russian or Greek
     * ({@link CyrillicGreekEncodings}); otherwise
     * Shift_JIS (CP932), CP949, GB18030 or Big5 where its non-ASCII bytes come in pairs and one of them reads it
     * clearly best ({@link EastAsianEncodings}); otherwise
     * Windows-1256 (Arabic, Persian) or Windows-1255 (Hebrew) where its words read in that script
     * ({@link MiddleEasternEncodings}); otherwise
     * ISO-8859-2 where its own letters decide it ({@link #iso88592}); otherwise
     * Windows-1250 for a Central European export ({@link #centralEuropean}); otherwise
     * Windows-1252 if bytes 0x80–0x9F occur (they are printable there and control codes in ISO-8859-1),
     * unless one of them is undefined in Windows-1252, in which case ISO-8859-1 keeps every byte as it is.
     */
    private static Charset detectCharset(byte[] sample, int start, int length, boolean complete)
            throws FormatException {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, start, length - start);
        CoderResult result = utf8.decode(in, CharBuffer.allocate(length - start), complete);
        if (!result.isError() && (!complete || !in.hasRemaining())) {
            return StandardCharsets.UTF_8;
        }
        Charset thai = ThaiEncodings.detect(sample, start, length); // TIS-620, Windows-874 (decision 0133)
        if (thai != null) {
            return thai;
        }
        Charset cyrillicOrGreek;
        FormatException unsure = null;
        try {
            cyrillicOrGreek = CyrillicGreekEncodings.detect(sample, start, length, complete); // decision 0131
        } catch (FormatException e) {
            // a Hebrew export reads as KOI8-R capitals and as Greek alike: it is unsure only if no other script takes it
            cyrillicOrGreek = null;
            unsure = e;
        }
        if (cyrillicOrGreek != null) {
            return cyrillicOrGreek;
        }
        if (unsure == null && EastAsianEncodings.looksDoubleByte(sample, start, length)) {
            Charset eastAsian = EastAsianEncodings.detect(sample, start, length, complete);
            if (eastAsian != null) {
                return eastAsian;
            }
        }
        Charset middleEastern = MiddleEasternEncodings.detect(sample, start, length, complete); // decision 0132
        if (unsure != null) {
            // Hebrew letters (0xE0–0xFA) read as KOI8-R capitals and as Greek lower case alike, so a Hebrew export is
            // what the Cyrillic and Greek reading could not decide; Greek capitals (0xC1–0xD9) read as Arabic letters in
            // Windows-1256 as well as Cyrillic ones, so an Arabic reading settles nothing there
            if (middleEastern == MiddleEasternEncodings.WINDOWS_1255) {
                return middleEastern;
            }
            throw unsure;
        }
        if (middleEastern != null) {
            return middleEastern;
        }
        boolean central = centralEuropean(sample, start, length);
        if (iso88592(sample, start, length, central ? 1 : 2)) {
            return ISO_8859_2;
        }
        if (central) {
            return WINDOWS_1250;
        }
        boolean c1 = false;
        for (int i = start; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b >= 0x80 && b <= 0x9F) {
                for (int undefined : CP1252_UNDEFINED) {
                    if (b == undefined) {
                        return StandardCharsets.ISO_8859_1;
                    }
                }
                c1 = true;
            }
        }
        return c1 ? WINDOWS_1252 : StandardCharsets.ISO_8859_1;
    }

    /** The sample's text, a character cut at its end left out. */
    private static String decodeLenient(Charset charset, byte[] sample, int start, int length) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length - start + 1);
        decoder.decode(ByteBuffer.wrap(sample, start, length - start), out, false);
        return out.flip().toString();
    }

    /**
     * Picks delimiter and quote. The delimiter is the one whose field count is most consistent across the
     * sampled records; {@code '} is taken as the quote only when it is clearly used as one (quoted fields that
     * needed quoting, no broken quoting) and {@code "} never starts a field.
     */
    private static Layout chooseLayout(byte[] sample, int start, int length, boolean complete) {
        Stats doubleQuoted = bestDelimiter(sample, start, length, complete, '"');
        Stats singleQuoted = bestDelimiter(sample, start, length, complete, '\'');
        Stats doubleWithSameDelimiter = Stats.of(sample, start, length, complete, singleQuoted.delimiter, '"');
        boolean singleQuoteIsQuote = singleQuoted.neededQuoting && !singleQuoted.broken
                && doubleWithSameDelimiter.quotedFields == 0
                && singleQuoted.consistency() >= doubleQuoted.consistency()
                && singleQuoted.headerFields >= doubleQuoted.headerFields;
        Stats chosen = singleQuoteIsQuote ? singleQuoted : doubleQuoted;
        return new Layout(chosen.delimiter, chosen.quote, chosen.firstLineEnd, chosen.preambleRecords);
    }

    private static Stats bestDelimiter(byte[] sample, int start, int length, boolean complete, char quote) {
        Stats[] all = new Stats[DELIMITERS.length];
        for (int i = 0; i < DELIMITERS.length; i++) {
            all[i] = Stats.of(sample, start, length, complete, DELIMITERS[i], quote);
        }
        // Several columns that agree with the header on most lines: the usual case.
        Stats best = null;
        for (Stats s : all) {
            if (s.headerFields > 1 && s.consistency() >= MIN_CONSISTENCY
                    && (best == null || s.consistency() > best.consistency()
                        || s.consistency() == best.consistency() && s.headerFields > best.headerFields)) {
                best = s;
            }
        }
        if (best != null) {
            return best;
        }
        // A single column: prefer a delimiter that splits no line, so values are not cut apart.
        for (Stats s : all) {
            if (s.headerFields == 1 && (best == null || s.consistency() > best.consistency())) {
                best = s;
            }
        }
        if (best != null) {
            return best;
        }
        for (Stats s : all) {
            if (best == null || s.consistency() > best.consistency()) {
                best = s;
            }
        }
        return best;
    }

    /**
     * The chosen delimiter and quote, the first line end found with them (null if none) and the records before the
     * header (decision 0173).
     */
    private record Layout(char delimiter, char quote, String firstLineEnd, int preamble) {
    }

    /** Field counts of the sampled records under one delimiter and quote; records are never materialised. */
    private static final class Stats {
        final char delimiter;
        final char quote;
        final boolean complete;
        /** Fields of the header: the first record, or the first after a report's title lines (decision 0173). */
        int headerFields;
        /** Records from the header on (blank lines not counted). */
        int records;
        /** Of those, the ones with as many fields as the header. */
        int consistentRecords;
        int quotedFields;
        boolean neededQuoting;
        boolean broken;
        String firstLineEnd;
        /** Records before the header, blank lines counted as the reader meets them (decision 0173). */
        int preambleRecords;
        /** Field count of every record that is not a blank line, in file order. */
        private int[] widths = new int[64];
        /** Where each of them starts and ends (its line end excluded) in {@link #bytes}. */
        private int[] starts = new int[64];
        private int[] ends = new int[64];
        private byte[] bytes;
        /** Records from the header on that are a paginated report's short lines, not counted for consistency (0174). */
        int reportLines;
        /** For the first {@link #PREAMBLE_LOOK} of them: fields with content, fields that read as a column's name. */
        private final int[] filled = new int[PREAMBLE_LOOK];
        private final int[] named = new int[PREAMBLE_LOOK];
        /** ... and where each is among all records, blank lines counted. */
        private final int[] place = new int[PREAMBLE_LOOK];
        /** Records seen so far, blank lines counted. */
        private int placed;

        private Stats(char delimiter, char quote, boolean complete) {
            this.delimiter = delimiter;
            this.quote = quote;
            this.complete = complete;
        }

        double consistency() {
            return records - reportLines <= 0 ? 0 : (double) consistentRecords / (records - reportLines);
        }

        /**
         * Scans the sample as Commons CSV would parse it. Bytes are compared as ASCII, which is safe for
         * UTF-8, Windows-1252 and ISO-8859-1: multi-byte UTF-8 sequences never contain ASCII bytes.
         */
        static Stats of(byte[] b, int start, int end, boolean complete, char delimiter, char quote) {
            Stats s = new Stats(delimiter, quote, complete);
            s.bytes = b;
            int i = start;
            int total = 0;
            while (i < end) {
                if (b[i] == '\r' || b[i] == '\n') {
                    i = s.lineEnd(b, i, end);
                    s.placed++;
                    continue; // blank lines are not counted
                }
                int fields = 1;
                int recordStart = i;
                int recordEnd = -1;
                boolean recordEnded = false;
                boolean cut = false;
                boolean detail = total < PREAMBLE_LOOK;
                int filled = 0;
                int named = 0;
                while (i < end && !recordEnded) {
                    int fieldStart = i;
                    if (b[i] == quote) {
                        int close = s.scanQuoted(b, i + 1, end);
                        if (close < 0) {
                            if (complete) {
                                s.broken = true;
                            }
                            cut = true;
                            i = end;
                            break;
                        }
                        i = close + 1;
                        if (i < end && b[i] != delimiter && b[i] != '\r' && b[i] != '\n') {
                            s.broken = true;
                        }
                    }
                    while (i < end && b[i] != delimiter && b[i] != '\r' && b[i] != '\n') {
                        i++;
                    }
                    if (detail) {
                        int kind = fieldKind(b, fieldStart, i, quote);
                        filled += kind > 0 ? 1 : 0;
                        named += kind > 1 ? 1 : 0;
                    }
                    if (i < end && b[i] == delimiter) {
                        fields++;
                        i++;
                    } else if (i < end) {
                        recordEnd = i;
                        i = s.lineEnd(b, i, end);
                        recordEnded = true;
                    }
                }
                if (cut || !recordEnded && !complete) {
                    break; // the sample ends inside this record: its field count is unknown
                }
                if (detail) {
                    s.filled[total] = filled;
                    s.named[total] = named;
                    s.place[total] = s.placed;
                }
                s.count(fields, recordStart, recordEnd < 0 ? i : recordEnd);
                s.placed++;
                total++;
            }
            s.findHeader();
            return s;
        }

        /**
         * 0 for a field without content (nothing but quotes and spaces), 2 for one that reads as a column's name (a
         * letter, and no more digits than letters: {@code Admit Date}, {@code DIAG_4_01}), 1 for other content
         * ({@code 00482913}, {@code 03/10/2023}). Bytes of 0x80 and above are letters of some script.
         */
        private static int fieldKind(byte[] b, int from, int to, char quote) {
            int letters = 0;
            int digits = 0;
            boolean content = false;
            for (int k = from; k < to; k++) {
                byte c = b[k];
                if (c == quote || c == ' ' || c == '\t') {
                    continue;
                }
                content = true;
                if (c >= '0' && c <= '9') {
                    digits++;
                } else if (c < 0 || (c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                    letters++;
                }
            }
            return !content ? 0 : letters > 0 && letters >= digits ? 2 : 1;
        }

        /**
         * Finds the header (decision 0173). Usually the first record. A report writer or a spreadsheet may put the
         * report's title lines above the table (its name, who ran it and when, its parameters, blank lines), either as
         * short records or padded with empty fields to the table's width. They are taken as such when, within the
         * first {@link #PREAMBLE_LOOK} records, the first record that reads as a header (three or more fields, all but
         * at most one with a name, none a number or a date) comes after records that each hold at most two values, two
         * fewer than the header has fields, and most records from it on have the header's width. Otherwise the
         * first record is the header, as before.
         */
        private void findHeader() {
            int n = records;
            int look = Math.min(n, PREAMBLE_LOOK);
            int p = -1;
            for (int j = 0; j < look; j++) {
                int m = widths[j];
                if (m >= 3 && filled[j] >= Math.max(3, m - 1) && named[j] == filled[j]) {
                    p = j;
                    break;
                }
            }
            if (p >= 0 && place[p] > 0 && place[p] <= MAX_PREAMBLE) {
                int m = widths[p];
                boolean titles = true;
                // a title line cut at its commas ("Run by: HARGREAVE, MARTHA on 03/12/2023, 08:15") may hold three
                // values above a table of six columns or more (decision 0174)
                int most = m >= 6 ? 3 : 2;
                for (int j = 0; j < p && titles; j++) {
                    titles = filled[j] <= most && filled[j] <= m - 2;
                }
                int same = 0;
                for (int k = p; k < n; k++) {
                    same += widths[k] == m ? 1 : 0;
                }
                int shorter = titles && paged(p) ? shortLines(p, n) : 0;
                if (titles && same >= 2 && same >= MIN_TABLE_SHARE * (n - p - shorter)) {
                    start(p);
                    preambleRecords = place[p];
                    return;
                }
            }
            start(0);
        }

        private void start(int first) {
            int total = records;
            boolean isPaged = total > first && paged(first);
            records = records - first;
            headerFields = records > 0 ? widths[first] : 0;
            consistentRecords = 0;
            for (int k = first; k < first + records; k++) {
                consistentRecords += widths[k] == headerFields ? 1 : 0;
            }
            reportLines = isPaged ? shortLines(first, total) : 0;
        }

        /** Index of the closing quote of a field whose content starts at {@code i}, or -1 if not found. */
        private int scanQuoted(byte[] b, int i, int end) {
            quotedFields++;
            while (i < end) {
                byte c = b[i];
                if (c == quote) {
                    if (i + 1 < end && b[i + 1] == quote) {
                        neededQuoting = true;
                        i += 2;
                        continue;
                    }
                    return i;
                }
                if (c == delimiter || c == '\r' || c == '\n') {
                    neededQuoting = true;
                }
                i++;
            }
            return -1;
        }

        private int lineEnd(byte[] b, int i, int end) {
            String found;
            int next;
            if (b[i] == '\r' && i + 1 < end && b[i + 1] == '\n') {
                found = "\r\n";
                next = i + 2;
            } else if (b[i] == '\r') {
                // A CR at the very end of the sample may be the first half of a CRLF we did not read.
                found = i + 1 < end || complete ? "\r" : null;
                next = i + 1;
            } else {
                found = "\n";
                next = i + 1;
            }
            if (firstLineEnd == null) {
                firstLineEnd = found;
            }
            return next;
        }

        private void count(int fields, int from, int to) {
            if (records == widths.length) {
                widths = java.util.Arrays.copyOf(widths, records * 2);
                starts = java.util.Arrays.copyOf(starts, records * 2);
                ends = java.util.Arrays.copyOf(ends, records * 2);
            }
            starts[records] = from;
            ends[records] = to;
            widths[records++] = fields;
        }

        /**
         * Whether the table whose header is record {@code p} is a report's, paginated (decision 0174): the header comes
         * again further down, or a line of at most two fields is a page number. Then a report's short lines between its
         * rows do not count against the header's width.
         */
        private boolean paged(int p) {
            int m = widths[p];
            if (m < 3) {
                return false;
            }
            int length = ends[p] - starts[p];
            for (int k = p + 1; k < records; k++) {
                if (widths[k] == m && ends[k] - starts[k] == length
                        && java.util.Arrays.equals(bytes, starts[k], ends[k], bytes, starts[p], ends[p])) {
                    return true;
                }
            }
            String split = java.util.regex.Pattern.quote(String.valueOf(delimiter));
            for (int k = 0; k < records; k++) {
                if (widths[k] <= 2) {
                    String text = new String(bytes, starts[k], ends[k] - starts[k], StandardCharsets.ISO_8859_1)
                            .replace(String.valueOf(quote), "");
                    for (String part : text.split(split)) {
                        if (PageMarks.in(part.strip())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Records from {@code p} on of at most two fields, two fewer than the header's: a paginated report's lines. */
        private int shortLines(int p, int total) {
            int m = widths[p];
            int n = 0;
            for (int k = p; k < total; k++) {
                n += widths[k] <= 2 && widths[k] <= m - 2 ? 1 : 0;
            }
            return n;
        }
    }
}

package org.deidworkbench.format.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.deidworkbench.deid.MarkupText;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.ImageText;
import org.deidworkbench.format.LimitedInputStream;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.ValueReader;

/**
 * Every primitive value of a FHIR file, for the leak verifier, located by its element path
 * ({@code Bundle.entry[3].resource(Patient).name[0].family}; NDJSON prefixed with {@code line N, }):
 * JSON and NDJSON through Jackson's streaming parser, XML through the JDK's streaming (StAX) parser,
 * without building HAPI resources, so memory is one value whatever the file's size. Strings, numbers,
 * ids, URLs and extension values are values; a narrative ({@code div}) is one value, its XHTML markup
 * and character references read as text; a base64 attachment ({@code Attachment.data}) is decoded: of a
 * text type (see {@link TextContent#isText}) in its character set, of a JPEG, JPEG-LS, JPEG 2000, JPEG XL or PNG
 * image (known by its first bytes, whatever its declared type) only its text (EXIF, XMP, comments, PNG text chunks,
 * bytes after the image's end: {@link ImageText#texts}, decisions 0156 and 0157), of another image, audio or video
 * type, a PDF or compressed archive reported as not looked into, and anything else read as raw bytes. Stateless and
 * thread-safe.
 */
final class FhirValueReader implements ValueReader, ValueReader.LineRecords {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build();
    private static final int CANCEL_CHECK_EVERY = 1024;
    private static final int MAX_DEPTH = 512;
    /** The index of an element not shown in paths (a resource, shown as its holder's type). */
    private static final int HIDDEN = -2;

    @Override
    public void read(Path file, Visitor visitor, BooleanSupplier cancelled) throws IOException, FormatException {
        FileFormat format = FormatDetector.detect(file);
        Values values = new Values(visitor, cancelled);
        if (format == FileFormat.FHIR_XML) {
            readXml(file, values);
        } else {
            readJson(file, values, format == FileFormat.FHIR_NDJSON);
        }
    }

    @Override
    public long lineBreaks(Path file, long from, long to) throws IOException {
        // as Jackson counts rows between tokens: LF, or CR not followed by LF (CR LF once)
        long breaks = 0;
        boolean cr = false;
        byte[] buffer = new byte[1 << 16];
        try (InputStream whole = Files.newInputStream(file)) {
            whole.skipNBytes(from);
            InputStream in = new LimitedInputStream(whole, to - from); // bytes [from, to)
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        breaks++;
                        cr = false;
                    } else {
                        if (cr) {
                            breaks++;
                        }
                        cr = b == '\r';
                    }
                }
            }
        }
        return cr ? breaks + 1 : breaks;
    }

    @Override
    public void readLines(Path file, long from, long to, LongSupplier linesBefore, Visitor visitor,
            BooleanSupplier cancelled) throws IOException, FormatException {
        Values values = new Values(visitor, cancelled);
        values.linesBefore = linesBefore;
        try (InputStream whole = Files.newInputStream(file)) {
            whole.skipNBytes(from);
            readJson(new LimitedInputStream(whole, to - from), values, true); // bytes [from, to)
        }
    }

    // ---------------------------------------------------------------- the values and their paths

    /** The element path of the value being visited, and what a file's values share. */
    private static final class Values implements ValueReader.Location {
        private final Visitor visitor;
        private final BooleanSupplier cancelled;
        private String[] names = new String[16];
        private int[] indexes = new int[16];
        private String[] types = new String[16];
        private int depth;
        private String attribute;
        private long line = -1;
        /** For a part of a file ({@link #readLines}), the line breaks before it; else null. */
        private LongSupplier linesBefore;
        private long count;

        Values(Visitor visitor, BooleanSupplier cancelled) {
            this.visitor = visitor;
            this.cancelled = cancelled;
        }

        /** Enters element {@code name} (its {@code index}-th occurrence, or -1 when it does not repeat). */
        void push(String name, int index) throws FormatException {
            if (depth == MAX_DEPTH) {
                throw new FormatException("FHIR-TOO-DEEP", get(), "elements are nested deeper than " + MAX_DEPTH);
            }
            if (depth == names.length) {
                names = Arrays.copyOf(names, depth * 2);
                indexes = Arrays.copyOf(indexes, depth * 2);
                types = Arrays.copyOf(types, depth * 2);
            }
            names[depth] = name;
            indexes[depth] = index;
            types[depth] = null;
            depth++;
        }

        void pop() {
            depth--;
        }

        /**
         * The element being left ends: when it is a resource of its own (the file's, a Bundle entry's; not one
         * contained in another), its values were one record of one subject for the verifier.
         */
        void endResource() {
            if (depth == 0 || types[depth - 1] == null) {
                return;
            }
            for (int i = depth - 2; i >= 0; i--) {
                if (types[i] != null) {
                    if (types[i].equals("Bundle")) {
                        break;
                    }
                    return;
                }
            }
            visitor.endRecord();
        }

        /** The resource type of the element being read (a resource: the root, an entry's or a contained one). */
        void type(String type) {
            if (depth > 0) {
                types[depth - 1] = type;
            }
        }

        void value(String text) {
            checkCancelled();
            visitor.value(MarkupText.read(text), this); // RTF escapes, character references (decision 0167)
            // the pictures inside a note: a data URI, an RTF picture (decision 0171)
            org.deidworkbench.format.EmbeddedImages.visitTexts(text, visitor, this);
        }

        private void checkCancelled() {
            if (++count % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("verification cancelled");
            }
        }

        /**
         * The parser's current string or number, handed over in the parser's own buffer (no {@code String}) unless it
         * holds a character reference to decode.
         */
        void value(JsonParser p) throws IOException {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            boolean markup = false; // a character reference, a backslash escape (RTF, JSON in a text; decision 0167)
            for (int i = offset, end = offset + length; i < end && !markup; i++) {
                markup = chars[i] == '&' || chars[i] == '\\' || chars[i] == '<';
            }
            if (markup) {
                value(p.getText());
                return;
            }
            checkCancelled();
            visitor.value(chars, offset, length, this);
        }

        @Override
        public String get() {
            StringBuilder b = new StringBuilder();
            if (line >= 0) {
                b.append("line ").append(linesBefore == null ? line : linesBefore.getAsLong() + line).append(", ");
            }
            return path(b, true).toString();
        }

        /** The element path as {@link #get} writes it, without the line and the repetitions' indexes. */
        @Override
        public Object field() {
            return path(new StringBuilder(), false).toString();
        }

        /** Appends the element path of the value being visited, with or without the repetitions' indexes. */
        private StringBuilder path(StringBuilder b, boolean withIndexes) {
            for (int i = 0; i < depth; i++) {
                if (i == 0) {
                    b.append(types[0] != null ? types[0] : names[0]);
                    continue;
                }
                if (indexes[i] == HIDDEN) {
                    continue;
                }
                b.append('.').append(names[i]);
                if (withIndexes && indexes[i] >= 0) {
                    b.append('[').append(indexes[i]).append(']');
                }
                if (types[i] != null) {
                    b.append('(').append(types[i]).append(')');
                }
            }
            if (attribute != null) {
                b.append('@').append(attribute);
            }
            return b;
        }

        /**
         * The text segments of an image attachment — a camera's EXIF, XMP, captions and comments (decision 0156) — as
         * raw bytes, those that are not all zeros; the picture itself is not read. One whose segments cannot be found
         * is reported as not looked into.
         */
        private void imageText(byte[] data) {
            List<byte[]> texts;
            try {
                texts = ImageText.texts(data);
            } catch (ImageText.Unreadable e) {
                visitor.notScanned(get() + ": an image attachment whose text cannot be read (" + e.getMessage()
                        + "), not looked into");
                return;
            }
            for (byte[] t : texts) {
                try {
                    visitor.bytes(new ByteArrayInputStream(t), this);
                } catch (IOException inMemory) {
                    throw new IllegalStateException("reading from memory cannot fail", inMemory);
                }
            }
        }

        /** An attachment's base64 data, decoded as its content type says (see the class description). */
        void attachment(String base64, String contentType) {
            byte[] data;
            try {
                data = Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException notBase64) {
                value(base64);
                return;
            }
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
            String container = container(data, type);
            if (container != null) {
                visitor.notScanned(get() + ": a base64 attachment that is " + container + ", not looked into");
            } else if (TextContent.isText(contentType)) {
                value(decode(data, contentType));
            } else if (ImageText.sniff(data) != null) {
                imageText(data);
            } else if (type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/")) {
                visitor.notScanned(get() + ": an attachment of type " + mediaType(type)
                        + " whose embedded text is not read, not looked into");
            } else {
                try {
                    visitor.bytes(new ByteArrayInputStream(data), this);
                } catch (IOException inMemory) {
                    throw new IllegalStateException("reading from memory cannot fail", inMemory);
                }
            }
        }
    }

    /** Text of an attachment in the character set its type names (UTF-8 by default; ISO 8859-1 when the bytes are not valid). */
    private static String decode(byte[] data, String contentType) {
        try {
            return TextContent.charset(contentType).newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
    }

    /** What a decoded attachment is when its content cannot be read as text (PDF, compressed), else null. */
    /**
     * A content type as it may be shown: its type and subtype only, without parameters (a {@code name=} may hold a
     * patient's name), and only when it is made of the characters a media type is made of.
     */
    static String mediaType(String type) {
        int semicolon = type.indexOf(';');
        String t = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        return t.length() <= 64 && t.matches("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*") ? t : "(not a media type)";
    }

    private static String container(byte[] d, String type) {
        if (type.contains("pdf") || d.length >= 4 && d[0] == '%' && d[1] == 'P' && d[2] == 'D' && d[3] == 'F') {
            return "a PDF document";
        }
        if (d.length >= 4 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4) {
            return "a zip archive";
        }
        if (d.length >= 2 && (d[0] & 0xFF) == 0x1F && (d[1] & 0xFF) == 0x8B) {
            return "a gzip file";
        }
        return null;
    }

    // ---------------------------------------------------------------- JSON and NDJSON

    private static void readJson(Path file, Values values, boolean ndjson) throws IOException, FormatException {
        try (InputStream in = Files.newInputStream(file)) {
            readJson(in, values, ndjson);
        }
    }

    private static void readJson(InputStream in, Values values, boolean ndjson) throws IOException, FormatException {
        if (ndjson) {
            new ByteLines(values).read(in);
        } else {
            readJson(in, values, false, 0);
        }
    }

    /** NDJSON from {@code in} as {@link #read} reads it (decision 0085), for the tests. */
    static void readNdjson(InputStream in, Visitor visitor) throws IOException, FormatException {
        readJson(in, new Values(visitor, () -> false), true);
    }

    /** NDJSON from {@code in} read by Jackson alone, as before decision 0085: the tests' reference. */
    static void readNdjsonWithJackson(InputStream in, Visitor visitor) throws IOException, FormatException {
        readJson(in, new Values(visitor, () -> false), true, 0);
    }

    /**
     * Jackson's reading of {@code in}, its lines numbered after {@code linesBefore} line breaks (NDJSON whose earlier lines
     * {@link ByteLines} read).
     */
    private static void readJson(InputStream in, Values values, boolean ndjson, long linesBefore)
            throws IOException, FormatException {
        try (JsonParser p = JSON.createParser(in)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                values.line = ndjson ? linesBefore + p.currentTokenLocation().getLineNr() : -1;
                values.push("$", -1);
                jsonValue(p, t, values, null);
                values.pop();
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new FormatException("FHIR-PARSE-ERROR", at == null ? "" : "line " + (linesBefore + at.getLineNr())
                    + " column " + at.getColumnNr(), "not valid JSON");
        }
    }

    /**
     * NDJSON read from its UTF-8 bytes, line by line, without Jackson and without decoding (decision 0085): a line that is
     * one JSON value of the plain kind — strings of valid UTF-8 without a control character, with escapes as JSON writes
     * them (no surrogate escape), numbers and literals as JSON writes them, at most {@link #MAX_NESTING} containers deep,
     * at most {@link #MAX_LINE} bytes — is checked whole, then its values are visited as {@link #jsonValue} visits Jackson's tokens: the same values, paths,
     * lines and records, a value that is all ASCII handed over as bytes ({@link Visitor#value(byte[], int, int, Supplier)}).
     * From the first line that is anything else on, the rest of the stream is Jackson's, its lines numbered on, so
     * that what is visited and every error are as Jackson's reading of the whole stream gives.
     */
    private static final class ByteLines {
        static final int MAX_LINE = 1 << 20;
        static final int MAX_NESTING = 128;
        private static final int MAX_NUMBER = 1000;
        private static final int MAX_NAME = 1000;
        // event kinds, and flags of a string
        private static final int OBJECT = 1;
        private static final int ARRAY = 2;
        private static final int END = 3;
        private static final int FIELD = 4;
        private static final int STRING = 5;
        private static final int NUMBER = 6;
        private static final int LITERAL = 7;
        private static final int KIND = 15;
        private static final int NON_ASCII = 16;
        /** A string with an '&' or a '<': a reference or a tag may be in it (decisions 0167, 0168). */
        private static final int MARKUP = 32;
        private static final int ESCAPED = 64;
        /** Flags of a string read by {@link #decode}, not handed over as its bytes. */
        private static final int DECODED = NON_ASCII | ESCAPED;
        /** Prepended to the rest of a stream handed to Jackson after its first line: no byte order mark is looked for. */
        private static final byte[] LINE_BREAKS = {'\n', '\n', '\n', '\n'};

        private final Values values;
        private byte[] buffer = new byte[1 << 16];
        private int[] kinds = new int[256];
        private int[] starts = new int[256];
        private int[] ends = new int[256];
        private int events;
        private char[] chars = new char[256];
        private final String[] names = new String[512];
        private final byte[][] nameBytes = new byte[512][];

        ByteLines(Values values) {
            this.values = values;
        }

        void read(InputStream in) throws IOException, FormatException {
            byte[] b = buffer;
            int pos = 0;
            int filled = 0;
            int searched = 0;
            long line = 1;
            boolean eof = false;
            while (true) {
                int nl = -1;
                for (int i = searched; i < filled; i++) {
                    if (b[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                if (nl < 0) {
                    searched = filled;
                    if (eof) {
                        if (pos < filled && !line(b, pos, filled, line)) {
                            jackson(in, b, pos, filled, line);
                        }
                        return;
                    }
                    if (filled - pos >= MAX_LINE) {
                        jackson(in, b, pos, filled, line);
                        return;
                    }
                    if (pos > 0) {
                        System.arraycopy(b, pos, b, 0, filled - pos);
                        filled -= pos;
                        searched -= pos;
                        pos = 0;
                    }
                    if (filled == b.length) {
                        b = buffer = Arrays.copyOf(b, b.length * 2);
                    }
                    int n = in.read(b, filled, b.length - filled);
                    if (n < 0) {
                        eof = true;
                    } else {
                        filled += n;
                    }
                    continue;
                }
                int end = nl > pos && b[nl - 1] == '\r' ? nl - 1 : nl; // CR LF is one line break, as Jackson counts
                if (!line(b, pos, end, line)) {
                    jackson(in, b, pos, filled, line);
                    return;
                }
                pos = nl + 1;
                searched = pos;
                line++;
            }
        }

        /** The rest of the stream from {@code b[pos]}, the start of line {@code line}, read by Jackson. */
        private void jackson(InputStream in, byte[] b, int pos, int filled, long line) throws IOException, FormatException {
            InputStream rest = new java.io.SequenceInputStream(new ByteArrayInputStream(b, pos, filled - pos), in);
            if (line == 1 && pos == 0) {
                readJson(rest, values, true, 0);
            } else {
                readJson(new java.io.SequenceInputStream(new ByteArrayInputStream(LINE_BREAKS), rest), values, true,
                        line - 1 - LINE_BREAKS.length);
            }
        }

        /** Reads line {@code line}, {@code b[from, to)}: whether it was of the plain kind (else nothing was visited). */
        private boolean line(byte[] b, int from, int to, long line) throws FormatException {
            int i = space(b, from, to);
            if (i == to) {
                return true;
            }
            events = 0;
            i = value(b, i, to, 0);
            if (i < 0 || space(b, i, to) != to) {
                return false;
            }
            values.line = line;
            values.push("$", -1);
            visitValue(b, 0);
            values.pop();
            return true;
        }

        private static int space(byte[] b, int i, int to) {
            while (i < to && (b[i] == ' ' || b[i] == '\t')) {
                i++;
            }
            return i;
        }

        private void event(int kind, int start, int end) {
            if (events == kinds.length) {
                kinds = Arrays.copyOf(kinds, events * 2);
                starts = Arrays.copyOf(starts, events * 2);
                ends = Arrays.copyOf(ends, events * 2);
            }
            kinds[events] = kind;
            starts[events] = start;
            ends[events] = end;
            events++;
        }

        /** Checks the value at {@code b[i]} and records its events: the index after it, or -1 when it is not plain. */
        private int value(byte[] b, int i, int to, int nesting) {
            if (i >= to) {
                return -1;
            }
            byte c = b[i];
            if (c == '{' || c == '[') {
                if (nesting == MAX_NESTING) {
                    return -1;
                }
                boolean object = c == '{';
                byte close = object ? (byte) '}' : (byte) ']';
                event(object ? OBJECT : ARRAY, i, i);
                i = space(b, i + 1, to);
                if (i < to && b[i] == close) {
                    event(END, i, i);
                    return i + 1;
                }
                while (true) {
                    if (object) {
                        if (i >= to || b[i] != '"' || (i = string(b, i, to, FIELD)) < 0) {
                            return -1;
                        }
                        if (ends[events - 1] - starts[events - 1] > MAX_NAME) {
                            return -1;
                        }
                        i = space(b, i, to);
                        if (i >= to || b[i] != ':') {
                            return -1;
                        }
                        i = space(b, i + 1, to);
                    }
                    i = value(b, i, to, nesting + 1);
                    if (i < 0) {
                        return -1;
                    }
                    i = space(b, i, to);
                    if (i >= to) {
                        return -1;
                    }
                    if (b[i] == close) {
                        event(END, i, i);
                        return i + 1;
                    }
                    if (b[i] != ',') {
                        return -1;
                    }
                    i = space(b, i + 1, to);
                }
            }
            if (c == '"') {
                return string(b, i, to, STRING);
            }
            if (c == 't') {
                return literal(b, i, to, "true");
            }
            if (c == 'f') {
                return literal(b, i, to, "false");
            }
            if (c == 'n') {
                return literal(b, i, to, "null");
            }
            return number(b, i, to);
        }

        private int literal(byte[] b, int i, int to, String word) {
            int n = word.length();
            if (to - i < n) {
                return -1;
            }
            for (int k = 0; k < n; k++) {
                if (b[i + k] != word.charAt(k)) {
                    return -1;
                }
            }
            event(LITERAL, i, i + n);
            return i + n;
        }

        /** A number as JSON writes it ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}); what follows is the caller's. */
        private int number(byte[] b, int i, int to) {
            int j = i;
            if (j < to && b[j] == '-') {
                j++;
            }
            if (j >= to) {
                return -1;
            }
            if (b[j] == '0') {
                j++;
            } else if (b[j] >= '1' && b[j] <= '9') {
                j = digits(b, j, to);
            } else {
                return -1;
            }
            if (j < to && b[j] == '.') {
                int k = digits(b, j + 1, to);
                if (k == j + 1) {
                    return -1;
                }
                j = k;
            }
            if (j < to && (b[j] == 'e' || b[j] == 'E')) {
                j++;
                if (j < to && (b[j] == '+' || b[j] == '-')) {
                    j++;
                }
                int k = digits(b, j, to);
                if (k == j) {
                    return -1;
                }
                j = k;
            }
            if (j - i > MAX_NUMBER) {
                return -1;
            }
            event(NUMBER, i, j);
            return j;
        }

        private static int digits(byte[] b, int j, int to) {
            while (j < to && b[j] >= '0' && b[j] <= '9') {
                j++;
            }
            return j;
        }

        /**
         * The string whose opening quote is {@code b[i]}: no escape, no control character, valid UTF-8 (no overlong form, no
         * surrogate, nothing above U+10FFFF). The index after its closing quote, or -1.
         */
        private int string(byte[] b, int i, int to, int kind) {
            int flags = 0;
            int j = i + 1;
            while (true) {
                if (j >= to) {
                    return -1;
                }
                int c = b[j];
                if (c == '"') {
                    break;
                }
                if (c == '\\') {
                    int n = escape(b, j, to);
                    if (n < 0) {
                        return -1;
                    }
                    flags |= ESCAPED;
                    j += n;
                    continue;
                }
                if (c >= 0) {
                    if (c < 0x20) {
                        return -1;
                    }
                    if (c == '&' || c == '<') { // a reference or a tag may split a word (decisions 0167, 0168)
                        flags |= MARKUP;
                    }
                    j++;
                    continue;
                }
                int n = utf8(b, j, to);
                if (n < 0) {
                    return -1;
                }
                flags |= NON_ASCII;
                j += n;
            }
            event(kind | flags, i + 1, j);
            return j + 1;
        }

        /**
         * The length of the escape at {@code b[j]} (a backslash) as JSON writes them — {@code \" \\ \/ \b \f \n \r \t} and
         * {@code \\uXXXX} of no surrogate (Jackson's reading of a surrogate escape is left to it) — or -1.
         */
        private static int escape(byte[] b, int j, int to) {
            if (j + 1 >= to) {
                return -1;
            }
            switch (b[j + 1]) {
                case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    return 2;
                }
                case 'u' -> {
                    int cp = j + 6 <= to ? hex(b, j + 2) : -1;
                    return cp < 0 || cp >= 0xD800 && cp <= 0xDFFF ? -1 : 6;
                }
                default -> {
                    return -1;
                }
            }
        }

        /** The four hex digits at {@code b[i]}, or -1. */
        private static int hex(byte[] b, int i) {
            int v = 0;
            for (int k = i; k < i + 4; k++) {
                int d = Character.digit(b[k], 16);
                if (d < 0 || b[k] < 0) {
                    return -1;
                }
                v = v << 4 | d;
            }
            return v;
        }

        /** The length of the valid UTF-8 sequence of more than one byte at {@code b[j]}, or -1. */
        private static int utf8(byte[] b, int j, int to) {
            int lead = b[j] & 0xFF;
            int n;
            int low = 0x80;
            int high = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                n = 2;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                n = 3;
                if (lead == 0xE0) {
                    low = 0xA0;
                } else if (lead == 0xED) {
                    high = 0x9F;
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                n = 4;
                if (lead == 0xF0) {
                    low = 0x90;
                } else if (lead == 0xF4) {
                    high = 0x8F;
                }
            } else {
                return -1;
            }
            if (to - j < n) {
                return -1;
            }
            int second = b[j + 1] & 0xFF;
            if (second < low || second > high) {
                return -1;
            }
            for (int k = 2; k < n; k++) {
                if ((b[j + k] & 0xC0) != 0x80) {
                    return -1;
                }
            }
            return n;
        }

        // ------------------------------------------------ the recorded events, visited as jsonValue visits Jackson's tokens

        private int visitValue(byte[] b, int e) throws FormatException {
            switch (kinds[e] & KIND) {
                case OBJECT -> {
                    return visitObject(b, e + 1);
                }
                case ARRAY -> {
                    int i = 0;
                    e++;
                    while ((kinds[e] & KIND) != END) {
                        values.indexes[values.depth - 1] = i++;
                        e = visitValue(b, e);
                    }
                    return e + 1;
                }
                case STRING, NUMBER -> {
                    scalar(b, e);
                    return e + 1;
                }
                default -> {
                    return e + 1; // true, false, null: no characters
                }
            }
        }

        private int visitObject(byte[] b, int e) throws FormatException {
            String contentType = null;
            String pendingData = null;
            while ((kinds[e] & KIND) == FIELD) {
                String field = name(b, e);
                int v = e + 1;
                boolean string = (kinds[v] & KIND) == STRING;
                values.push(field, -1);
                if (string && field.equals("resourceType")) {
                    values.pop();
                    values.type(text(b, v));
                    e = v + 1;
                    continue;
                }
                if (string && field.equals("contentType")) {
                    contentType = text(b, v);
                }
                if (string && field.equals("data")) {
                    if (contentType != null) {
                        values.attachment(text(b, v), contentType);
                    } else {
                        pendingData = text(b, v); // its content type may follow
                    }
                    e = v + 1;
                } else {
                    e = visitValue(b, v);
                }
                values.pop();
            }
            if (pendingData != null) {
                values.push("data", -1);
                values.attachment(pendingData, contentType);
                values.pop();
            }
            values.endResource();
            return e + 1;
        }

        /** A string's or number's characters to the visitor, as {@link Values#value(JsonParser)} hands over Jackson's. */
        private void scalar(byte[] b, int e) {
            int kind = kinds[e];
            int from = starts[e];
            int length = ends[e] - from;
            if ((kind & DECODED) != 0) {
                int n = decode(b, from, ends[e]);
                boolean markup = false; // also one written as an escape (decision 0167)
                for (int i = 0; i < n && !markup; i++) {
                    markup = chars[i] == '&' || chars[i] == '\\' || chars[i] == '<';
                }
                if (markup) {
                    values.value(new String(chars, 0, n));
                } else {
                    values.checkCancelled();
                    values.visitor.value(chars, 0, n, values);
                }
            } else if ((kind & MARKUP) != 0) {
                values.value(new String(b, from, length, StandardCharsets.ISO_8859_1));
            } else {
                values.checkCancelled();
                values.visitor.value(b, from, length, values);
            }
        }

        private String text(byte[] b, int e) {
            return (kinds[e] & DECODED) != 0 ? new String(chars, 0, decode(b, starts[e], ends[e]))
                    : new String(b, starts[e], ends[e] - starts[e], StandardCharsets.ISO_8859_1);
        }

        /** A field's name, the same {@code String} for the same bytes while it stays in a small cache. */
        private String name(byte[] b, int e) {
            int from = starts[e];
            int to = ends[e];
            int h = 0;
            for (int i = from; i < to; i++) {
                h = h * 31 + b[i];
            }
            int slot = (h ^ h >>> 9) & (names.length - 1);
            byte[] known = nameBytes[slot];
            if (known != null && Arrays.equals(known, 0, known.length, b, from, to)) {
                return names[slot];
            }
            String name = text(b, e);
            names[slot] = name;
            nameBytes[slot] = Arrays.copyOfRange(b, from, to);
            return name;
        }

        /** Decodes valid UTF-8 {@code b[from, to)} with its escapes into {@link #chars}; the number of characters. */
        private int decode(byte[] b, int from, int to) {
            if (chars.length < to - from) {
                chars = new char[Math.max(to - from, chars.length * 2)];
            }
            char[] out = chars;
            int n = 0;
            int i = from;
            while (i < to) {
                int c = b[i];
                if (c == '\\') {
                    byte x = b[i + 1];
                    if (x == 'u') {
                        out[n++] = (char) hex(b, i + 2);
                        i += 6;
                    } else {
                        out[n++] = switch (x) {
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> (char) x; // " \ /
                        };
                        i += 2;
                    }
                } else if (c >= 0) {
                    out[n++] = (char) c;
                    i++;
                } else if ((c & 0xE0) == 0xC0) {
                    out[n++] = (char) ((c & 0x1F) << 6 | b[i + 1] & 0x3F);
                    i += 2;
                } else if ((c & 0xF0) == 0xE0) {
                    out[n++] = (char) ((c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F);
                    i += 3;
                } else {
                    int cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
                    out[n++] = Character.highSurrogate(cp);
                    out[n++] = Character.lowSurrogate(cp);
                    i += 4;
                }
            }
            return n;
        }
    }

    /** One JSON value whose first token {@code t} was just read; {@code name} is its field name. */
    private static void jsonValue(JsonParser p, JsonToken t, Values values, String name) throws IOException, FormatException {
        switch (t) {
            case START_OBJECT -> jsonObject(p, values);
            case START_ARRAY -> {
                int i = 0;
                JsonToken item;
                while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                    values.indexes[values.depth - 1] = i++;
                    jsonValue(p, item, values, name);
                }
            }
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.value(p);
            default -> {
                // true, false, null: no characters
            }
        }
    }

    private static void jsonObject(JsonParser p, Values values) throws IOException, FormatException {
        String contentType = null;
        String pendingData = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            values.push(field, -1);
            if (v == JsonToken.VALUE_STRING && field.equals("resourceType")) {
                values.pop();
                values.type(p.getText());
                continue;
            }
            if (v == JsonToken.VALUE_STRING && field.equals("contentType")) {
                contentType = p.getText();
            }
            if (v == JsonToken.VALUE_STRING && field.equals("data")) {
                if (contentType != null) {
                    values.attachment(p.getText(), contentType);
                } else {
                    pendingData = p.getText(); // its content type may follow
                }
            } else {
                jsonValue(p, v, values, field);
            }
            values.pop();
        }
        if (t != JsonToken.END_OBJECT) {
            throw new FormatException("FHIR-PARSE-ERROR", values.get(), "not valid JSON");
        }
        if (pendingData != null) {
            values.push("data", -1);
            values.attachment(pendingData, contentType);
            values.pop();
        }
        values.endResource();
    }

    // ---------------------------------------------------------------- XML

    private static final XMLInputFactory XML = xmlFactory();

    /** A StAX factory that resolves no DTD and no external entity (a verifier must not fetch anything). */
    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    /** Elements whose child element is a resource, named by its type. */
    private static final java.util.Set<String> RESOURCE_HOLDERS = java.util.Set.of("resource", "contained", "outcome",
            "return");

    private static void readXml(Path file, Values values) throws IOException, FormatException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            try {
                new XmlWalk(r, values).run();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            throw new FormatException("FHIR-PARSE-ERROR", e.getLocation() == null ? "" : "line "
                    + e.getLocation().getLineNumber() + " column " + e.getLocation().getColumnNumber(), "not valid XML");
        }
    }

    /** One pass over an XML file's events. */
    private static final class XmlWalk {
        private final XMLStreamReader r;
        private final Values values;
        /** Per open element: how often each child name occurred so far, and the content type of an Attachment. */
        private Map<String, Integer>[] seen = newSeen(16);
        private String[] contentTypes = new String[16];
        private String[] pendingData = new String[16];
        /** Depth at which an XHTML narrative started, or -1; its text is collected into one value. */
        private int narrativeDepth = -1;
        private int narrativeNesting;
        private final StringBuilder narrative = new StringBuilder();

        XmlWalk(XMLStreamReader r, Values values) {
            this.r = r;
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Integer>[] newSeen(int n) {
            return new Map[n];
        }

        void run() throws XMLStreamException, FormatException {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start();
                    case XMLStreamConstants.END_ELEMENT -> end();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
                        if (narrativeDepth >= 0) {
                            narrative.append(r.getText()).append(' ');
                        }
                    }
                    default -> {
                        // comments, processing instructions, white space outside a narrative
                    }
                }
            }
        }

        private void start() throws FormatException {
            String name = r.getLocalName();
            if (narrativeDepth >= 0) {
                narrativeNesting++;
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    narrative.append(r.getAttributeValue(i)).append(' ');
                }
                return;
            }
            int parent = values.depth - 1;
            if (parent < 0) {
                values.push(name, -1);
                open();
                values.type(name);
                return;
            }
            if (RESOURCE_HOLDERS.contains(values.names[parent]) && Character.isUpperCase(name.charAt(0))) {
                values.type(name); // shown as the type of its holder: entry[0].resource(Patient)
                values.push(name, HIDDEN);
                open();
                return;
            }
            int index = seen[parent].merge(name, 1, Integer::sum) - 1;
            values.push(name, index > 0 ? index : -1);
            open();
            if (XHTML.equals(r.getNamespaceURI())) {
                narrativeDepth = values.depth;
                narrative.setLength(0);
                return;
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
                String attribute = r.getAttributeLocalName(i);
                String text = r.getAttributeValue(i);
                boolean value = attribute.equals("value");
                if (value && name.equals("contentType")) {
                    contentTypes[parent] = text;
                }
                if (value && name.equals("data")) {
                    if (contentTypes[parent] != null) {
                        values.attachment(text, contentTypes[parent]);
                    } else {
                        pendingData[parent] = text; // its content type may follow
                    }
                    continue;
                }
                values.attribute = value ? null : attribute;
                values.value(text);
                values.attribute = null;
            }
        }

        /** Makes room for the element just pushed. */
        private void open() {
            int d = values.depth - 1;
            if (d >= seen.length) {
                seen = Arrays.copyOf(seen, d * 2);
                contentTypes = Arrays.copyOf(contentTypes, d * 2);
                pendingData = Arrays.copyOf(pendingData, d * 2);
            }
            seen[d] = new HashMap<>();
            contentTypes[d] = null;
            pendingData[d] = null;
        }

        private void end() throws FormatException {
            if (narrativeNesting > 0) {
                narrativeNesting--;
                return;
            }
            if (narrativeDepth >= 0) {
                narrativeDepth = -1;
                values.value(narrative.toString());
                narrative.setLength(0);
            }
            int d = values.depth - 1;
            if (pendingData[d] != null) {
                values.push("data", -1);
                values.attachment(pendingData[d], contentTypes[d]);
                values.pop();
            }
            values.endResource();
            values.pop();
        }
    }
}

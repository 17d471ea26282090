package org.deidworkbench.deid;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HL7 v2 message in ER7 notation as an interface engine logs it in one text value: segments split by a carriage
 * return, a line feed, both, or the two characters {@code \r} of a log that escapes them, fields by MSH-1, components,
 * repetitions and subcomponents by MSH-2. Splits and joins keep escape sequences as written, so
 * {@link #toString()} of an unchanged message gives the value back byte for byte (decision 0126); a free-text field is
 * read with its escape sequences decoded by {@link #unescape} and written back by {@link #escape} (decision 0139).
 * Not thread-safe; cheap (one pass over the value).
 */
public final class Hl7Message {

    /** One segment: its fields as written (for MSH, index 0 is the name, 1 MSH-2, i MSH-(i+1)), and what ends it. */
    public static final class Segment {
        private final String[] fields;
        private final String separator;

        Segment(String[] fields, String separator) {
            this.fields = fields;
            this.separator = separator;
        }

        /** The segment's name (MSH, PID, ZPD); a fragment that is no segment has a name of another shape. */
        public String name() {
            return fields[0];
        }

        /** The number of fields after the name. */
        public int size() {
            return fields.length - 1;
        }

        /** Field {@code i} (1-based, as HL7 numbers them: for MSH, 2 is the encoding characters), or "". */
        public String field(int i) {
            int at = name().equals("MSH") ? i - 1 : i;
            return at >= 1 && at < fields.length ? fields[at] : "";
        }

        /** Replaces field {@code i} (1-based) if the segment has it. */
        public void set(int i, String value) {
            int at = name().equals("MSH") ? i - 1 : i;
            if (at >= 1 && at < fields.length) {
                fields[at] = value;
            }
        }

        /** The first field number {@link #field} answers for. */
        public int first() {
            return name().equals("MSH") ? 2 : 1;
        }

        /** The last field number this segment has. */
        public int last() {
            return name().equals("MSH") ? fields.length : fields.length - 1;
        }
    }

    private final List<Segment> segments;
    private final char field;
    private final char component;
    private final char repetition;
    private final char subcomponent;
    /** The escape character (MSH-2's third), or 0 when the message declares none. */
    private final char escape;

    private Hl7Message(List<Segment> segments, char field, String encoding) {
        this.segments = segments;
        this.field = field;
        this.component = encoding.charAt(0);
        this.repetition = encoding.length() > 1 ? encoding.charAt(1) : '~';
        this.escape = encoding.length() > 2 ? encoding.charAt(2) : 0;
        this.subcomponent = encoding.length() > 3 ? encoding.charAt(3) : '&';
    }

    /**
     * Whether {@code value} may be an HL7 v2 message or a piece of one: it starts with a segment name and a field
     * separator ({@code MSH|}, {@code PID|}). Costs a look at four characters.
     */
    public static boolean looksLikeOne(String value) {
        return value.length() >= 4 && value.charAt(3) == '|' && upperOrDigit(value.charAt(0))
                && upperOrDigit(value.charAt(1)) && upperOrDigit(value.charAt(2)) && Character.isLetter(value.charAt(0));
    }

    private static boolean upperOrDigit(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * Parses a message.
     *
     * @throws UnprocessableValueException naming what is wrong (no MSH segment first, encoding characters that are
     *     not four distinct separators), never the value
     */
    public static Hl7Message parse(String value) throws UnprocessableValueException {
        if (!value.startsWith("MSH|")) {
            throw new UnprocessableValueException("HL7-NO-MSH",
                    "an HL7 v2 segment without the MSH segment that must start its message");
        }
        char field = '|';
        int end = value.indexOf(field, 4);
        String encoding = end < 0 ? value.substring(4) : value.substring(4, end);
        if (end < 0 || encoding.length() < 2 || encoding.length() > 5 || !separators(encoding, field)) {
            throw new UnprocessableValueException("HL7-BAD-ENCODING",
                    "an HL7 v2 message whose MSH-2 is not its encoding characters (component, repetition, escape and"
                            + " subcomponent separators)");
        }
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = value.length();
        while (i <= n) {
            int sep = i == n ? 0 : separatorAt(value, i);
            if (i == n || sep > 0) {
                String text = value.substring(start, i);
                String separator = value.substring(i, i + sep);
                segments.add(new Segment(split(text, field), separator));
                if (i == n) {
                    break;
                }
                i += sep;
                start = i;
                if (i == n) {
                    break; // a separator ends the message: it is kept with the last segment
                }
            } else {
                i++;
            }
        }
        return new Hl7Message(segments, field, encoding);
    }

    private static boolean separators(String encoding, char field) {
        for (int a = 0; a < encoding.length(); a++) {
            char c = encoding.charAt(a);
            if (Character.isLetterOrDigit(c) || Character.isWhitespace(c) || c == field
                    || encoding.indexOf(c) != a) {
                return false;
            }
        }
        return true;
    }

    /**
     * The length of a segment separator at {@code i}, or 0: CR LF, CR, LF, and the escaped {@code \r\n}, {@code \r},
     * {@code \n} of a log, these only before a segment name and its field separator (or at the end).
     */
    private static int separatorAt(String v, int i) {
        char c = v.charAt(i);
        if (c == '\r') {
            return i + 1 < v.length() && v.charAt(i + 1) == '\n' ? 2 : 1;
        }
        if (c == '\n') {
            return 1;
        }
        if (c == '\\' && i + 1 < v.length() && (v.charAt(i + 1) == 'r' || v.charAt(i + 1) == 'n')) {
            int len = v.charAt(i + 1) == 'r' && v.startsWith("\\n", i + 2) ? 4 : 2;
            int next = i + len;
            if (next == v.length() || next + 4 <= v.length() && looksLikeOne(v.substring(next, next + 4))) {
                return len;
            }
        }
        return 0;
    }

    private static String[] split(String text, char c) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == c) {
                parts.add(text.substring(from, k));
                from = k + 1;
            }
        }
        parts.add(text.substring(from));
        return parts.toArray(new String[0]);
    }

    /** The segments in order. */
    public List<Segment> segments() {
        return segments;
    }

    /** The parts of {@code value} split by the component separator (a value without one is one part). */
    public String[] components(String value) {
        return split(value, component);
    }

    /** The parts of {@code value} split by the repetition separator. */
    public String[] repetitions(String value) {
        return split(value, repetition);
    }

    /** The parts of {@code value} split by the subcomponent separator. */
    public String[] subcomponents(String value) {
        return split(value, subcomponent);
    }

    /** Joins components. */
    public String joinComponents(String[] parts) {
        return String.join(String.valueOf(component), parts);
    }

    /** Joins repetitions. */
    public String joinRepetitions(String[] parts) {
        return String.join(String.valueOf(repetition), parts);
    }

    /** Joins subcomponents. */
    public String joinSubcomponents(String[] parts) {
        return String.join(String.valueOf(subcomponent), parts);
    }

    /** The message in ER7 with the separators it was read with. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            b.append(String.join(String.valueOf(field), s.fields)).append(s.separator);
        }
        return b.toString();
    }

    /**
     * The character set of the bytes of a hexadecimal escape ({@code \XFC\}), from MSH-18: UTF-8 for {@code UNICODE
     * UTF-8}, ISO-8859-n for {@code 8859/n}; ISO-8859-1 otherwise, the repertoire of the systems that write bytes above
     * 0x7F in a message declared ASCII.
     */
    public Charset charset() {
        String declared = segments.isEmpty() || !segments.get(0).name().equals("MSH") ? ""
                : components(repetitions(segments.get(0).field(18))[0])[0].trim().toUpperCase(Locale.ROOT);
        if (declared.contains("UTF-8") || declared.equals("UNICODE")) {
            return StandardCharsets.UTF_8;
        }
        if (declared.startsWith("8859/") && declared.length() > 5) {
            try {
                return Charset.forName("ISO-8859-" + declared.substring(5));
            } catch (IllegalArgumentException e) {
                return StandardCharsets.ISO_8859_1;
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    /**
     * The text a field's value stands for, with its escape sequences read (HL7 v2.5 section 2.7): the separators
     * ({@code \F\ \S\ \T\ \R\ \E\}), hexadecimal bytes in {@link #charset()} ({@code M\XFC\LLER} is MÜLLER), line
     * breaks ({@code \.br\}, {@code \.sp\}) as a line feed; highlighting and the other formatting commands as nothing.
     * A sequence that is not closed stays as written. The value itself (the same instance) when it holds no escape
     * character, so a caller can tell "nothing to decode" by identity.
     */
    public String unescape(String value) {
        if (escape == 0 || value.indexOf(escape) < 0) {
            return value;
        }
        Charset charset = null;
        StringBuilder b = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int close = c == escape ? value.indexOf(escape, i + 1) : -1;
            if (close < 0) {
                b.append(c);
                i++;
                continue;
            }
            String seq = value.substring(i + 1, close);
            if (seq.length() == 1 && "FSTRE".indexOf(seq.charAt(0)) >= 0) {
                b.append(switch (seq.charAt(0)) {
                    case 'F' -> field;
                    case 'S' -> component;
                    case 'T' -> subcomponent;
                    case 'R' -> repetition;
                    default -> escape;
                });
            } else if (seq.equals("H") || seq.equals("N")) {
                // highlighting on and off: nothing to read
            } else if (seq.startsWith(".br") || seq.startsWith(".sp")) {
                b.append('\n');
            } else if (seq.startsWith(".")) {
                // .in, .ti, .ce, .fi, .nf, .sk: layout
            } else if (seq.length() > 1 && seq.length() % 2 == 1 && seq.charAt(0) == 'X' && hex(seq)) {
                byte[] bytes = new byte[seq.length() / 2];
                for (int k = 0; k < bytes.length; k++) {
                    bytes[k] = (byte) Integer.parseInt(seq.substring(1 + 2 * k, 3 + 2 * k), 16);
                }
                charset = charset == null ? charset() : charset;
                b.append(charset.decode(ByteBuffer.wrap(bytes)));
            } else {
                b.append(value, i, close + 1); // not an escape this class reads: as written
            }
            i = close + 1;
        }
        return b.toString();
    }

    private static boolean hex(String seq) {
        for (int k = 1; k < seq.length(); k++) {
            if (Character.digit(seq.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A text written as a field's value: the separators and the escape character as their escape sequences, a line
     * break as {@code \.br\}, and, when {@code hexLike} (a value that wrote its letters beyond ASCII in hexadecimal),
     * every character beyond ASCII as its bytes in {@link #charset()}.
     */
    public String escape(String text, boolean hexLike) {
        if (escape == 0) {
            return text;
        }
        Charset charset = charset();
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == escape || c == field || c == component || c == subcomponent || c == repetition) {
                char code = c == escape ? 'E' : c == field ? 'F' : c == component ? 'S' : c == subcomponent ? 'T' : 'R';
                b.append(escape).append(code).append(escape);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                b.append(escape).append(".br").append(escape);
            } else if (hexLike && c > 0x7F) {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                b.append(escape).append('X');
                for (byte x : text.substring(i, end).getBytes(charset)) {
                    b.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
                }
                b.append(escape);
                i = end - 1;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether a value writes a character in hexadecimal ({@code \XFC\}). */
    public boolean writesHex(String value) {
        return escape != 0 && value.indexOf(String.valueOf(escape) + 'X') >= 0;
    }
}

package org.deidworkbench.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The character repertoire of a data set, from the values of Specific Character Set (0008,0005):
 * decodes and encodes the values of SH, LO, UC, ST, LT, UT and PN (PS3.5 6.1, PS3.3 C.12.1.1.2).
 *
 * <p>Three kinds of value are handled:
 * <ul>
 *   <li>no code extensions (absent, one {@code ISO_IR nnn} value): G0 is ASCII (JIS X 0201 Romaji for
 *       {@code ISO_IR 13}) and G1 is the named set;</li>
 *   <li>code extensions ({@code ISO 2022 IR nnn}, or several values): ISO 2022 escape sequences
 *       designate sets into G0 or G1; the set of value 1 (ASCII if value 1 is empty) is active at the
 *       start of the value and again after each delimiter PS3.5 6.1.2.5.3 names (CR, LF, FF, TAB;
 *       the value delimiter {@code \} for multi-valued VRs; {@code ^} and {@code =} in PN);</li>
 *   <li>stand-alone multi-byte encodings that allow no extensions: {@code ISO_IR 192} (UTF-8),
 *       {@code GB18030}, {@code GBK}.</li>
 * </ul>
 *
 * <p>Decoding is lenient and never throws, as pydicom's is, so that a reader can always show and
 * scrub what a file contains: bytes above 0x7F with no G1 set designated (including under the
 * default repertoire) are read as ISO 8859-1, as pydicom does; a recognised escape sequence is
 * followed even if (0008,0005) does not declare it (pydicom would substitute replacement characters;
 * the real characters are more useful for finding identifiers); malformed bytes and unknown escape
 * sequences become U+FFFD. {@link #decodesStrictly} tells whether any of these lenient steps was
 * needed, so a reader can report the value. Decoded text keeps the value delimiter as U+005C (also
 * for JIS X 0201 Romaji, whose 0x5C is the YEN SIGN), so callers split the decoded string, never the
 * bytes (a GBK or JIS X 0208 byte pair may contain 0x5C). Double-byte sets decode as Python's codecs
 * (and so pydicom) do, following the Unicode consortium's JIS tables where the JDK differs.
 *
 * <p>Encoding is strict: a character the repertoire cannot represent is an error, never a
 * replacement character; the default repertoire encodes ASCII only (pydicom writes ISO 8859-1 there,
 * which makes a file that does not conform). With code extensions each character is written in the
 * currently designated sets when they contain it, otherwise in the first declared set that does,
 * preceded by its escape sequence; before every delimiter and at the end of the value the sets of
 * value 1 are designated again where they were replaced (a G1 that value 1 leaves empty is simply
 * re-designated after the delimiter when needed, as in PS3.5 Annexes I and K).
 *
 * <p>Immutable and thread-safe; construction costs a map lookup per value. Decoding is linear in the
 * value length; encoding with code extensions is linear too, with a charset encoder per set used.
 */
public final class SpecificCharacterSet {

    /** Which delimiters reset ISO 2022 code extensions inside a value (PS3.5 6.1.2.5.3). */
    public enum ValueKind {
        /** ST, LT, UT: one value; {@code \} is an ordinary character. */
        TEXT,
        /** SH, LO, UC: {@code \} separates values. */
        MULTI_VALUED,
        /** PN: {@code \} separates values, {@code =} component groups, {@code ^} components. */
        PERSON_NAME
    }

    private enum Mode { SINGLE_BYTE, ISO_2022, STANDALONE }

    /** A Defined Term: its sets, or the stand-alone charset. */
    private record Term(String name, boolean codeExtension, CharsetGraphicSet g0, CharsetGraphicSet g1, Charset standalone) {
    }

    private static final Map<String, Term> TERMS = buildTerms();
    private static final Map<String, String> ALIASES = Map.of(
            "UTF-8", "ISO_IR 192",
            "UTF8", "ISO_IR 192",
            "ISO-8859-1", "ISO_IR 100",
            "ISO8859-1", "ISO_IR 100",
            "LATIN1", "ISO_IR 100",
            "LATIN_1", "ISO_IR 100",
            "GB2312", "ISO 2022 IR 58",
            "ISO 2022 58", "ISO 2022 IR 58",
            "ISO 2022 GBK", "GBK");
    private static final Pattern MISSPELLED_EXTENSION = Pattern.compile("ISO[ _-]?2022[ _-]?IR[ _-]?(\\d+)");
    private static final Pattern MISSPELLED_SINGLE = Pattern.compile("ISO[ _-]?IR[ _-]?(\\d+)");

    /** The default repertoire ISO-IR 6 (no (0008,0005), or an empty one). */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(
            new String[0], List.of(), Mode.SINGLE_BYTE, CharsetGraphicSet.ASCII, null, List.of(), null);

    /** {@code ISO_IR 192}: UTF-8, the usual choice for a writer that must add characters. */
    public static final SpecificCharacterSet ISO_IR_192 = new SpecificCharacterSet(
            new String[] {"ISO_IR 192"}, List.of(), Mode.STANDALONE, null, null, List.of(), StandardCharsets.UTF_8);

    private final String[] terms;
    private final List<String> warnings;
    private final Mode mode;
    private final CharsetGraphicSet initialG0;
    private final CharsetGraphicSet initialG1;
    private final List<CharsetGraphicSet> candidates;
    private final Charset standalone;
    /** Whether an ASCII text without ESC encodes to its own characters' bytes (every set in use starts in ASCII). */
    private final boolean asciiIsAscii;

    private SpecificCharacterSet(String[] terms, List<String> warnings, Mode mode, CharsetGraphicSet initialG0,
            CharsetGraphicSet initialG1, List<CharsetGraphicSet> candidates, Charset standalone) {
        this.terms = terms;
        this.warnings = List.copyOf(warnings);
        this.mode = mode;
        this.initialG0 = initialG0;
        this.asciiIsAscii = mode == Mode.STANDALONE || initialG0 == CharsetGraphicSet.ASCII;
        this.initialG1 = initialG1;
        this.candidates = List.copyOf(candidates);
        this.standalone = standalone;
    }

    private static Map<String, Term> buildTerms() {
        Map<String, Term> terms = new LinkedHashMap<>();
        Object[][] singleByte = {
            {"6", CharsetGraphicSet.ASCII, null},
            {"100", CharsetGraphicSet.ASCII, CharsetGraphicSet.LATIN1},
            {"101", CharsetGraphicSet.ASCII, CharsetGraphicSet.LATIN2},
            {"109", CharsetGraphicSet.ASCII, CharsetGraphicSet.LATIN3},
            {"110", CharsetGraphicSet.ASCII, CharsetGraphicSet.LATIN4},
            {"144", CharsetGraphicSet.ASCII, CharsetGraphicSet.CYRILLIC},
            {"127", CharsetGraphicSet.ASCII, CharsetGraphicSet.ARABIC},
            {"126", CharsetGraphicSet.ASCII, CharsetGraphicSet.GREEK},
            {"138", CharsetGraphicSet.ASCII, CharsetGraphicSet.HEBREW},
            {"148", CharsetGraphicSet.ASCII, CharsetGraphicSet.LATIN5},
            {"203", CharsetGraphicSet.ASCII, CharsetGraphicSet.LATIN9},
            {"166", CharsetGraphicSet.ASCII, CharsetGraphicSet.THAI},
            {"13", CharsetGraphicSet.JIS_X0201_ROMAN, CharsetGraphicSet.JIS_X0201_KATAKANA},
        };
        for (Object[] row : singleByte) {
            String number = (String) row[0];
            CharsetGraphicSet g0 = (CharsetGraphicSet) row[1];
            CharsetGraphicSet g1 = (CharsetGraphicSet) row[2];
            terms.put("ISO_IR " + number, new Term("ISO_IR " + number, false, g0, g1, null));
            terms.put("ISO 2022 IR " + number, new Term("ISO 2022 IR " + number, true, g0, g1, null));
        }
        terms.put("ISO 2022 IR 87", new Term("ISO 2022 IR 87", true, CharsetGraphicSet.JIS_X0208, null, null));
        terms.put("ISO 2022 IR 159", new Term("ISO 2022 IR 159", true, CharsetGraphicSet.JIS_X0212, null, null));
        terms.put("ISO 2022 IR 149", new Term("ISO 2022 IR 149", true, null, CharsetGraphicSet.KS_X1001, null));
        terms.put("ISO 2022 IR 58", new Term("ISO 2022 IR 58", true, null, CharsetGraphicSet.GB2312, null));
        terms.put("ISO_IR 192", new Term("ISO_IR 192", false, null, null, StandardCharsets.UTF_8));
        terms.put("GB18030", new Term("GB18030", false, null, null, Charset.forName("GB18030")));
        terms.put("GBK", new Term("GBK", false, null, null, Charset.forName("GBK")));
        return Collections.unmodifiableMap(terms);
    }

    /**
     * The character set for the values of (0008,0005). Null, no values or one empty value give
     * {@link #DEFAULT}. Common misspellings ({@code ISO IR 100}, {@code ISO-IR 100},
     * {@code ISO_2022_IR_87}, lower case, {@code UTF-8}, ...) are corrected; as pydicom does, a
     * stand-alone term (ISO_IR 192, GB18030, GBK) as value 1 makes the other values ignored, as a later
     * value it is ignored, and an {@code ISO_IR nnn} term among several values is read as
     * {@code ISO 2022 IR nnn}. Each correction is reported in {@link #warnings()}.
     *
     * @throws DicomFormatException {@code DICOM-UNKNOWN-CHARSET} if a value is not a Defined Term even after
     *     correction (see {@link #lenient(String[])} for pydicom's fallback to the default repertoire)
     */
    public static SpecificCharacterSet of(String[] definedTerms) throws DicomFormatException {
        return build(definedTerms, true);
    }

    /**
     * As {@link #of(String[])}, but an unknown value is ignored with a warning (so the default
     * repertoire stands in for it), as pydicom does when reading. Never throws.
     */
    public static SpecificCharacterSet lenient(String[] definedTerms) {
        try {
            return build(definedTerms, false);
        } catch (DicomFormatException e) {
            throw new IllegalStateException("lenient construction cannot fail", e);
        }
    }

    private static SpecificCharacterSet build(String[] values, boolean strict) throws DicomFormatException {
        if (values == null || values.length == 0) {
            return DEFAULT;
        }
        List<String> warnings = new ArrayList<>();
        List<Term> resolved = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String raw = values[i] == null ? "" : values[i].strip().replace("\0", "");
            if (raw.isEmpty()) {
                if (i == 0) {
                    resolved.add(null);
                } else {
                    warnings.add("value " + (i + 1) + " of Specific Character Set is empty; ignored");
                }
                continue;
            }
            Term term = resolve(raw);
            if (term == null) {
                String shown = printable(raw);
                if (strict) {
                    throw new DicomFormatException(DicomFormatException.UNKNOWN_CHARSET, -1, "(0008,0005) value " + (i + 1),
                            "Specific Character Set value '" + shown + "' is not a Defined Term of PS3.3 C.12.1.1.2; "
                                    + "the text of this file cannot be decoded reliably");
                }
                warnings.add("unknown Specific Character Set value '" + shown + "' (value " + (i + 1)
                        + "); the default repertoire is used instead");
                if (i == 0) {
                    resolved.add(null);
                }
                continue;
            }
            if (!term.name().equals(raw)) {
                warnings.add("Specific Character Set value '" + printable(raw) + "' is misspelled; read as '"
                        + term.name() + "'");
            }
            resolved.add(term);
        }
        return fromTerms(resolved, warnings);
    }

    private static Term resolve(String raw) {
        Term term = TERMS.get(raw);
        if (term != null) {
            return term;
        }
        String upper = raw.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String alias = ALIASES.get(upper);
        if (alias != null) {
            return TERMS.get(alias);
        }
        // pydicom's corrections: a wrong separator in "ISO_IR" or in "ISO 2022 IR ".
        String number = null;
        boolean extension = false;
        Matcher m = MISSPELLED_EXTENSION.matcher(upper);
        if (m.matches()) {
            number = m.group(1);
            extension = true;
        } else {
            m = MISSPELLED_SINGLE.matcher(upper);
            if (m.matches()) {
                number = m.group(1);
            }
        }
        if (number == null) {
            return TERMS.get(upper);
        }
        Term corrected = TERMS.get((extension ? "ISO 2022 IR " : "ISO_IR ") + number);
        if (corrected == null && !extension) {
            corrected = TERMS.get("ISO 2022 IR " + number); // e.g. "ISO_IR 87"
        }
        return corrected;
    }

    private static String printable(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length() && sb.length() < 64; i++) {
            char c = raw.charAt(i);
            sb.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return sb.toString();
    }

    private static SpecificCharacterSet fromTerms(List<Term> resolved, List<String> warnings) {
        Term first = resolved.get(0);
        if (resolved.size() == 1) {
            if (first == null) {
                return warnings.isEmpty() ? DEFAULT : withWarnings(DEFAULT, warnings);
            }
            if (first.standalone() != null) {
                return new SpecificCharacterSet(new String[] {first.name()}, warnings, Mode.STANDALONE,
                        null, null, List.of(), first.standalone());
            }
        }
        if (first != null && first.standalone() != null) {
            warnings.add("Specific Character Set value 1 '" + first.name()
                    + "' allows no code extensions; the other values are ignored");
            return new SpecificCharacterSet(new String[] {first.name()}, warnings, Mode.STANDALONE,
                    null, null, List.of(), first.standalone());
        }
        List<Term> used = new ArrayList<>();
        used.add(first);
        for (Term term : resolved.subList(1, resolved.size())) {
            if (term.standalone() != null) {
                warnings.add("Specific Character Set value '" + term.name()
                        + "' cannot be used as a code extension; ignored");
            } else {
                used.add(term);
            }
        }
        boolean extensions = used.size() > 1 || (first != null && first.codeExtension());
        List<String> names = new ArrayList<>();
        List<CharsetGraphicSet> sets = new ArrayList<>();
        CharsetGraphicSet g0 = CharsetGraphicSet.ASCII;
        CharsetGraphicSet g1 = null;
        for (int i = 0; i < used.size(); i++) {
            Term term = used.get(i);
            if (term == null) {
                names.add("");
                addOnce(sets, CharsetGraphicSet.ASCII);
                continue;
            }
            if (extensions && !term.codeExtension()) {
                String replacement = term.name().replace("ISO_IR ", "ISO 2022 IR ");
                warnings.add("Specific Character Set value '" + term.name()
                        + "' is used with code extensions; read as '" + replacement + "'");
                term = TERMS.get(replacement);
            }
            names.add(term.name());
            if (i == 0) {
                if (term.g0() != null && !term.g0().isMultiByte()) {
                    g0 = term.g0();
                } else if (term.g0() != null) {
                    warnings.add("Specific Character Set value 1 '" + term.name()
                            + "' designates a multi-byte G0 set; each value starts in ASCII instead");
                }
                g1 = term.g1();
                addOnce(sets, g0);
            }
            if (term.g0() != null) {
                addOnce(sets, term.g0());
            }
            if (term.g1() != null) {
                addOnce(sets, term.g1());
            }
        }
        return new SpecificCharacterSet(names.toArray(new String[0]), warnings,
                extensions ? Mode.ISO_2022 : Mode.SINGLE_BYTE, g0, g1, sets, null);
    }

    private static void addOnce(List<CharsetGraphicSet> sets, CharsetGraphicSet set) {
        if (!sets.contains(set)) {
            sets.add(set);
        }
    }

    private static SpecificCharacterSet withWarnings(SpecificCharacterSet base, List<String> warnings) {
        return new SpecificCharacterSet(base.terms, warnings, base.mode, base.initialG0, base.initialG1,
                base.candidates, base.standalone);
    }

    /**
     * Decodes one element value (which may hold several values separated by {@code \}).
     *
     * @param personName true for PN (so {@code ^} and {@code =} also reset code extensions), false for
     *     the other text VRs, treated as multi-valued (see {@link #decode(byte[], int, int, ValueKind)})
     */
    public String decode(byte[] bytes, int offset, int length, boolean personName) {
        return decode(bytes, offset, length, personName ? ValueKind.PERSON_NAME : ValueKind.MULTI_VALUED);
    }

    /** Decodes one element value of the given kind; lenient, never throws (see the class comment). */
    public String decode(byte[] bytes, int offset, int length, ValueKind kind) {
        return decode(bytes, offset, length, kind, new int[1]);
    }

    /**
     * Whether the value decodes without any lenient step: no malformed or unmapped bytes, no byte
     * above 0x7F without a designated G1 set (the default repertoire has none), no escape sequence
     * that is unknown or not declared in (0008,0005). A reader can report a value that fails this as
     * a character set problem while still using {@link #decode(byte[], int, int, ValueKind)}.
     */
    public boolean decodesStrictly(byte[] bytes, int offset, int length, ValueKind kind) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (mode == Mode.STANDALONE) {
            try {
                standalone.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, offset, length));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
        int[] lenientSteps = new int[1];
        decode(bytes, offset, length, kind, lenientSteps);
        return lenientSteps[0] == 0;
    }

    private String decode(byte[] bytes, int offset, int length, ValueKind kind, int[] lenientSteps) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        Objects.requireNonNull(kind, "kind");
        if (mode == Mode.STANDALONE) {
            return new String(bytes, offset, length, standalone);
        }
        StringBuilder out = new StringBuilder(length);
        CharsetGraphicSet g0 = initialG0;
        CharsetGraphicSet g1 = initialG1;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            CharsetGraphicSet pair = null;
            int b2 = i + 1 < end ? bytes[i + 1] & 0xFF : -1;
            if (b > 0x20 && b < 0x7F && g0.isMultiByte() && b2 > 0x20 && b2 < 0x7F) {
                pair = g0;
            } else if (b >= 0xA1 && b <= 0xFE && g1 != null && g1.isMultiByte() && b2 >= 0xA1 && b2 <= 0xFE) {
                pair = g1;
            }
            if (pair != null) {
                char c = pair.decodePair(b, b2);
                if (c == '\uFFFD') {
                    lenientSteps[0]++;
                }
                out.append(c);
                i += 2;
                continue;
            }
            if (b == CharsetGraphicSet.ESC) {
                CharsetGraphicSet set = CharsetGraphicSet.forEscape(bytes, i, end);
                if (set == null) {
                    out.append('\uFFFD');
                    lenientSteps[0]++;
                    i++;
                } else {
                    if (set != CharsetGraphicSet.ASCII && !candidates.contains(set)) {
                        lenientSteps[0]++; // followed although (0008,0005) does not declare it
                    }
                    if (set.isG1()) {
                        g1 = set;
                    } else {
                        g0 = set;
                    }
                    i += set.escapeLength();
                }
                continue;
            }
            i++;
            char c;
            if (b < 0x20 || b == 0x7F) {
                c = (char) b;
                if (b == '\r' || b == '\n' || b == '\f' || b == '\t') {
                    g0 = initialG0;
                    g1 = initialG1;
                }
            } else if (b < 0x80) {
                if (g0.isMultiByte()) {
                    c = b == 0x20 ? ' ' : '\uFFFD';
                } else {
                    c = g0.decodeSingle(b);
                    if (isDelimiter(c, kind)) {
                        g0 = initialG0;
                        g1 = initialG1;
                    }
                }
            } else if (g1 == null || b < 0xA0) {
                c = (char) b; // ISO 8859-1, as pydicom reads the default repertoire
                lenientSteps[0]++;
            } else if (g1.isMultiByte()) {
                c = '\uFFFD';
            } else {
                c = g1.decodeSingle(b);
            }
            if (c == '\uFFFD') {
                lenientSteps[0]++;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isDelimiter(int c, ValueKind kind) {
        return switch (kind) {
            case TEXT -> false;
            case MULTI_VALUED -> c == '\\';
            case PERSON_NAME -> c == '\\' || c == '^' || c == '=';
        };
    }

    /**
     * Encodes one element value (values joined by {@code \}) in this character set.
     *
     * @param personName true for PN, false for the other text VRs treated as multi-valued
     * @throws IllegalArgumentException if a character cannot be represented (the message gives its
     *     index, never the text); check with {@link #canEncode(String)} first
     */
    public byte[] encode(String text, boolean personName) {
        return encode(text, personName ? ValueKind.PERSON_NAME : ValueKind.MULTI_VALUED);
    }

    /** Encodes one element value of the given kind; strict (see {@link #encode(String, boolean)}). */
    public byte[] encode(String text, ValueKind kind) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        int[] failedAt = new int[1];
        byte[] bytes = tryEncode(text, kind, failedAt);
        if (bytes == null) {
            throw new IllegalArgumentException("character at index " + failedAt[0]
                    + " cannot be encoded with Specific Character Set " + describe());
        }
        return bytes;
    }

    /** Whether every character of {@code text} can be encoded (in a PN or multi-valued text value). */
    public boolean canEncode(String text) {
        Objects.requireNonNull(text, "text");
        return tryEncode(text, ValueKind.PERSON_NAME, new int[1]) != null;
    }

    private byte[] tryEncode(String text, ValueKind kind, int[] failedAt) {
        if (asciiIsAscii && isPlainAscii(text)) {
            // The common case: every set in use starts in ASCII and the text is ASCII without ESC, so each
            // character is its own byte and no escape sequence is needed (SpecificCharacterSetTest checks
            // this against the general path for every Defined Term).
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        return tryEncodeGeneral(text, kind, failedAt);
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == CharsetGraphicSet.ESC) {
                return false;
            }
        }
        return true;
    }

    /** {@link #tryEncode} without the ASCII shortcut; package-private for the test that compares the two. */
    byte[] tryEncodeGeneral(String text, ValueKind kind, int[] failedAt) {
        if (mode == Mode.STANDALONE) {
            return encodeStandalone(text, failedAt);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        Map<CharsetGraphicSet, CharsetGraphicSet.Encoder> encoders = new EnumMap<>(CharsetGraphicSet.class);
        CharsetGraphicSet g0 = initialG0;
        CharsetGraphicSet g1 = initialG1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int index = i;
            i += Character.charCount(cp);
            if (cp == CharsetGraphicSet.ESC) {
                failedAt[0] = index;
                return null; // a raw ESC would corrupt the code extension state of every reader
            }
            boolean resets = cp == '\r' || cp == '\n' || cp == '\f' || cp == '\t' || isDelimiter(cp, kind);
            if (resets) {
                restoreInitial(out, g0, g1);
                g0 = initialG0;
                g1 = initialG1;
                out.write(cp);
                continue;
            }
            if (cp < 0x20 || cp == 0x7F) {
                out.write(cp);
                continue;
            }
            byte[] bytes = encoderFor(encoders, g0).encode(cp);
            if (bytes == null && g1 != null) {
                bytes = encoderFor(encoders, g1).encode(cp);
            }
            if (bytes == null && mode == Mode.ISO_2022) {
                for (CharsetGraphicSet set : candidates) {
                    if (set == g0 || set == g1) {
                        continue;
                    }
                    bytes = encoderFor(encoders, set).encode(cp);
                    if (bytes != null) {
                        out.writeBytes(set.escapeSequence());
                        if (set.isG1()) {
                            g1 = set;
                        } else {
                            g0 = set;
                        }
                        break;
                    }
                }
            }
            if (bytes == null) {
                failedAt[0] = index;
                return null;
            }
            out.writeBytes(bytes);
        }
        restoreInitial(out, g0, g1);
        return out.toByteArray();
    }

    private void restoreInitial(ByteArrayOutputStream out, CharsetGraphicSet g0, CharsetGraphicSet g1) {
        if (g0 != initialG0) {
            out.writeBytes(initialG0.escapeSequence());
        }
        if (g1 != initialG1 && initialG1 != null) {
            out.writeBytes(initialG1.escapeSequence());
        }
    }

    private static CharsetGraphicSet.Encoder encoderFor(
            Map<CharsetGraphicSet, CharsetGraphicSet.Encoder> encoders, CharsetGraphicSet set) {
        return encoders.computeIfAbsent(set, CharsetGraphicSet::newEncoder);
    }

    private byte[] encodeStandalone(String text, int[] failedAt) {
        CharsetEncoder encoder = standalone.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                if (!encoder.reset().canEncode(new String(Character.toChars(cp)))) {
                    failedAt[0] = i;
                    return null;
                }
                i += Character.charCount(cp);
            }
            failedAt[0] = 0;
            return null;
        }
    }

    /**
     * The values to write in (0008,0005), corrected as described in {@link #of(String[])}; empty for
     * the default repertoire; value 1 may be empty (meaning ISO 2022 IR 6). A fresh copy.
     */
    public String[] definedTerms() {
        return terms.clone();
    }

    /** Whether the repertoire is UTF-8 ({@code ISO_IR 192}). */
    public boolean isUtf8() {
        return mode == Mode.STANDALONE && standalone.equals(StandardCharsets.UTF_8);
    }

    /** Whether values may contain ISO 2022 escape sequences (code extensions are in use). */
    public boolean usesCodeExtensions() {
        return mode == Mode.ISO_2022;
    }

    /** Corrections and fallbacks made while reading (0008,0005); empty when the values were proper. */
    public List<String> warnings() {
        return warnings;
    }

    private String describe() {
        return terms.length == 0 ? "(default repertoire ISO_IR 6)" : String.join("\\", terms);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpecificCharacterSet that && Arrays.equals(terms, that.terms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    @Override
    public String toString() {
        return "SpecificCharacterSet[" + describe() + "]";
    }
}

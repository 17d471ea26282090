package org.deidworkbench.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Text whose letters are written as escapes (decision 0167): RTF (a clinical note as Epic, Cerner and Word write it:
 * {@code M\'fcller}, <code>&#92;u268?</code>), HTML or XML with character references ({@code M&uuml;ller},
 * {@code M&#252;ller}, {@code M&#xFC;ller}), and JSON written into a text (<code>M&#92;u00fcller</code>: Python's
 * {@code json.dumps} escapes every letter outside ASCII; <code>&#92;n</code> between two words). A name written so is
 * not the name to a reader of characters: the scrubber and the verifier would pass it over. {@link #fold} gives the
 * text with those escapes read as the characters they stand for — markup (tags, control words, groups) left as it is —
 * with, for each of its characters, where it was written in the original, so that what is found in the folded text is
 * cut from the original at the same places, and a replacement is written in the original's form
 * ({@link Folded#inForm}: outside ASCII, RTF's {@code \'hh} in the code page of the font in effect there, else
 * <code>{&#92;uc1&#92;uN?}</code>; markup's {@code &#N;}; JSON's <code>&#92;u00fc</code>). Knows nothing of formats.
 * Stateless.
 */
public final class MarkupText {

    private MarkupText() {
    }

    /**
     * A text with its escapes read as characters: {@link #folded()}, and for each of its characters the original's
     * {@code [start, end)} it was read from (one character, or a whole escape).
     */
    public static final class Folded {
        private final String original;
        private final String folded;
        private final int[] start;
        private final int[] end;
        /** RTF: for each folded character, the code page in effect ({@link #pages}); null for markup. */
        private final byte[] page;
        private final java.util.List<Charset> pages;
        /** Outside RTF documents, the form replacements are written in. */
        private final int form;
        /** RTF: the folded characters read from a date's control words. */
        private final java.util.BitSet dates;
        /** The folded characters that stand for markup (a paragraph's or a destination's bound), not for text. */
        private final java.util.BitSet markup;
        /** Folded ranges {start, end} the document's own markup says name a person (its author, its last editor). */
        private final java.util.List<int[]> people;
        static final int REFERENCES = 0;
        static final int JSON = 1;
        static final int RTF_PIECE = 2;

        private Folded(String original, Builder b) {
            this.original = original;
            this.folded = b.text.toString();
            this.start = java.util.Arrays.copyOf(b.start, b.text.length());
            this.end = java.util.Arrays.copyOf(b.end, b.text.length());
            this.page = b.pages == null ? null : java.util.Arrays.copyOf(b.page, b.text.length());
            this.pages = b.pages;
            this.form = b.form;
            this.dates = b.dates;
            this.markup = b.markup;
            this.people = java.util.List.copyOf(b.people);
        }

        /**
         * The folded ranges {@code [start, end)} that the document's own markup says name a person (decision 0170):
         * an RTF document's {@code \\author}, {@code \\operator} and {@code \\manager}; Word's and Office's document
         * properties ({@code <o:Author>}, {@code <o:LastAuthor>}, {@code <dc:creator>}, {@code <cp:lastModifiedBy>});
         * an HTML {@code <meta name="author" content="…">}. Each holds text (not only white space).
         */
        public java.util.List<int[]> people() {
            return people;
        }

        /** The text as matched. */
        public String folded() {
            return folded;
        }

        /** The original offset where a match starting at this folded offset starts. */
        public int originalStart(int foldedStart) {
            return foldedStart < folded.length() ? start[foldedStart] : original.length();
        }

        /** The original offset where a match ending at this folded offset ends (after its last character's escape). */
        public int originalEnd(int foldedEnd) {
            return foldedEnd == 0 ? 0 : end[foldedEnd - 1];
        }

        /**
         * A replacement of the folded text from {@code foldedStart} on, written in the original's form: its characters
         * outside ASCII escaped (RTF in the code page in effect there), the rest as it is.
         */
        public String inForm(int foldedStart, String replacement) {
            if (dates.get(foldedStart)) {
                return dateWords(replacement);
            }
            boolean ascii = true;
            for (int i = 0; i < replacement.length() && ascii; i++) {
                ascii = replacement.charAt(i) < 0x80;
            }
            if (page == null && form == REFERENCES) {
                // in markup: a band marker's '<' (<=1936) is written as a reference too, so the markup stays markup
                return escaped(asMarkup(replacement), (out, cp) -> out.append("&#").append(cp).append(';'));
            }
            if (ascii) {
                return replacement;
            }
            if (page == null && form == JSON) {
                return escaped(replacement, (out, cp) -> {
                    for (char c : Character.toChars(cp)) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    }
                });
            }
            int at = Math.min(foldedStart, folded.length() - 1);
            Charset cs = page == null || at < 0 ? WINDOWS_1252 : pages.get(page[at]);
            return escaped(replacement, (out, cp) -> rtfEscape(out, cp, cs));
        }

        /**
         * What the original from {@link #originalStart}{@code (foldedStart)} to {@link #originalEnd}{@code (foldedEnd)}
         * becomes when the text of the folded range is replaced (decision 0168): the replacement, written in the
         * original's form ({@link #inForm}), where the range's first character of text was, and every piece of markup
         * inside the range kept in its place — a name split by a formatting run ({@code Schn</span><span
         * lang=DE>eider}, RTF's <code>M}{&#92;insrsid2 &#92;'fcller</code>) is replaced and the tags and groups stay
         * balanced. In an RTF document a space is written after a control word the replacement would otherwise run
         * into.
         */
        public String rewrite(int foldedStart, int foldedEnd, String replacement) {
            String written = inForm(foldedStart, replacement);
            int from = originalStart(foldedStart);
            int to = originalEnd(foldedEnd);
            if (foldedEnd <= foldedStart) {
                return written;
            }
            StringBuilder out = new StringBuilder(written.length() + 16);
            boolean placed = false;
            int pos = from;
            for (int k = foldedStart; k < foldedEnd; k++) {
                if (start[k] > pos) {
                    out.append(original, pos, start[k]); // markup the fold left out: a tag, a control word, a group
                    pos = start[k];
                }
                if (markup.get(k)) {
                    if (end[k] > pos) {
                        out.append(original, pos, end[k]);
                        pos = end[k];
                    }
                    continue;
                }
                if (!placed) {
                    place(out, written, from);
                    placed = true;
                }
                pos = Math.max(pos, end[k]);
            }
            if (!placed) {
                place(out, written, from);
            }
            if (page != null && to < original.length() && endsInControlWord(out, out.length())
                    && delimits(original.charAt(to))) {
                out.append(' '); // the kept control word would run into the text after the range
            }
            return out.toString();
        }

        /** Appends the replacement, after a space where an RTF control word before it would read it as its own. */
        private void place(StringBuilder out, String written, int from) {
            if (page != null && !written.isEmpty() && delimits(written.charAt(0))
                    && (out.length() > 0 ? endsInControlWord(out, out.length()) : endsInControlWord(original, from))) {
                out.append(' ');
            }
            out.append(written);
        }
    }

    /**
     * A replacement of a date read from RTF's control words, as control words: a date ({@code yyyy-mm-dd}, the shifted
     * one) as {@code \\yrN\\moN\\dyN}; anything else (a label) as nothing, the words taken out.
     */
    private static String dateWords(String replacement) {
        java.util.regex.Matcher m = ISO_DATE.matcher(replacement.strip());
        if (!m.matches()) {
            return "";
        }
        return "\\yr" + Integer.parseInt(m.group(1)) + "\\mo" + Integer.parseInt(m.group(2)) + "\\dy"
                + Integer.parseInt(m.group(3));
    }

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    /** The folded text being built: characters and the original's ranges they were read from. */
    private static final class Builder {
        final StringBuilder text;
        int[] start;
        int[] end;
        byte[] page;
        final java.util.List<Charset> pages;
        byte pageNow;
        /** What escapes were read, outside RTF documents: the form replacements are written in. */
        int form;
        /** RTF: the folded characters read from a date's control words ({@code \\yrN\\moN\\dyN}). */
        final java.util.BitSet dates = new java.util.BitSet();
        /** The folded characters that stand for markup: kept when a replacement covers them. */
        final java.util.BitSet markup = new java.util.BitSet();
        /** Folded ranges naming a person ({@link Folded#people}). */
        final java.util.List<int[]> people = new java.util.ArrayList<>();

        /** Notes {@code [from, text's end)} as a person's name when it holds more than white space and markup. */
        void person(int from) {
            for (int k = from; k < text.length(); k++) {
                if (!markup.get(k) && !Character.isWhitespace(text.charAt(k))) {
                    people.add(new int[] {from, text.length()});
                    return;
                }
            }
        }

        Builder(int capacity, boolean rtf) {
            text = new StringBuilder(capacity);
            start = new int[Math.max(16, capacity)];
            end = new int[start.length];
            page = rtf ? new byte[start.length] : null;
            pages = rtf ? new java.util.ArrayList<>() : null;
        }

        void page(Charset cs) {
            int i = pages.indexOf(cs);
            if (i < 0) {
                pages.add(cs);
                i = pages.size() - 1;
            }
            pageNow = (byte) Math.min(i, 127);
        }

        void add(char c, int from, int to) {
            int n = text.length();
            if (n == start.length) {
                start = java.util.Arrays.copyOf(start, n * 2);
                end = java.util.Arrays.copyOf(end, n * 2);
                if (page != null) {
                    page = java.util.Arrays.copyOf(page, n * 2);
                }
            }
            text.append(c);
            start[n] = from;
            end[n] = to;
            if (page != null) {
                page[n] = pageNow;
            }
        }

        /** A character that stands for markup (a break between paragraphs, a destination's bound). */
        void addMarkup(char c, int from, int to) {
            markup.set(text.length());
            add(c, from, to);
        }

        void add(String s, int from, int to) {
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i), from, to);
            }
        }

        void copy(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                add(s.charAt(i), i, i + 1);
            }
        }
    }

    /**
     * The text with its escapes read as characters, or null when it has none of either form (then it is matched as
     * it is). An RTF document is recognised by its start ({@code {\rtf}), character references by {@code &} followed
     * by a name this class knows or {@code #} and digits, and {@code ;}.
     */
    public static Folded fold(String text) {
        if (isRtf(text)) {
            return new Rtf(text).fold();
        }
        if (text.startsWith("MSH|")) {
            return null; // an HL7 v2 message: its own escapes (\\.br\\, \\XFC\\) are read by Hl7Message (decision 0139)
        }
        if (text.indexOf('&') < 0 && text.indexOf('\\') < 0 && text.indexOf('<') < 0) {
            return null;
        }
        return foldEscapes(text);
    }

    /** The text with its escapes read as characters ({@link #fold}), or the text itself when it has none: to match. */
    public static String read(String text) {
        Folded f = fold(text);
        return f == null ? text : f.folded;
    }

    /**
     * Whether {@code a[from, from + length)} may hold escapes {@link #fold} reads: an {@code &} or a backslash. A cheap
     * test for readers that hand values over without a {@code String}.
     */
    public static boolean mayHoldEscapes(char[] a, int from, int length) {
        if (length < 4) {
            return false;
        }
        for (int i = from, end = from + length; i < end; i++) {
            if (a[i] == '&' || a[i] == '\\' || a[i] == '<') {
                return true;
            }
        }
        return false;
    }

    /** Whether the text is an RTF document: {@code {\rtf} after a byte order mark or white space. */
    public static boolean isRtf(CharSequence text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return text.length() - i >= 5 && text.charAt(i) == '{' && text.charAt(i + 1) == '\\'
                && text.charAt(i + 2) == 'r' && text.charAt(i + 3) == 't' && text.charAt(i + 4) == 'f';
    }

    // ---------------------------------------------------------------- HTML and XML character references

    /** The longest name of a named reference (WHATWG's longest is 31 characters). */
    private static final int LONGEST_NAME = 32;
    private static final Map<String, String> ENTITIES = entities();

    private static Map<String, String> entities() {
        Map<String, String> out = new HashMap<>(4096);
        InputStream in = MarkupText.class.getResourceAsStream("html-entities.tsv");
        if (in == null) {
            throw new IllegalStateException("html-entities.tsv is missing from the build");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                StringBuilder chars = new StringBuilder(2);
                for (String cp : line.substring(tab + 1).split(" ")) {
                    chars.appendCodePoint(Integer.parseInt(cp, 16));
                }
                out.put(line.substring(0, tab), chars.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(out);
    }

    /**
     * The text with its character references read (not in CDATA), and its backslash escapes: JSON's ({@code \\u00fc},
     * {@code \\n}, {@code \\"}: JSON written into a text by a program, Python's {@code json.dumps} escapes every letter
     * outside ASCII; an export that writes line breaks as {@code \\n}) and RTF's {@code \\'hh} in Windows-1252 (a piece of
     * an RTF note without its header); null when none was read.
     */
    private static Folded foldEscapes(String text) {
        Builder out = null;
        int copied = 0;
        int n = text.length();
        int[] cdata = cdata(text);
        int personFrom = -1; // the folded start of a person element's text (decision 0170)
        int personEnd = -1; // where that element closes in the original
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '<' && i == personEnd) {
                out.copy(text, copied, i);
                copied = i;
                out.person(personFrom);
                personFrom = -1;
                personEnd = -1;
            }
            if (c == '<' && personEnd < 0 && !inCdata(cdata, i)) {
                int[] person = personElement(text, i);
                if (person != null) {
                    if (out == null) {
                        out = new Builder(n, false);
                    }
                    out.copy(text, copied, person[0]);
                    copied = person[0];
                    if (person[2] < 0) { // an element: its text runs to its end tag, its references read on the way
                        personFrom = out.text.length();
                        personEnd = person[1];
                        i = person[0] - 1;
                    } else { // an attribute's value: as written
                        int from = out.text.length();
                        out.copy(text, copied, person[1]);
                        out.person(from);
                        copied = person[1];
                        i = person[1] - 1;
                    }
                    continue;
                }
            }
            if (c == '<') {
                int after = inlineTag(text, i);
                if (after > 0 && !inCdata(cdata, i)) {
                    // a formatting tag read as nothing: "Schn</span><span lang=DE>eider" is one word (decision 0168)
                    if (out == null) {
                        out = new Builder(n, false);
                    }
                    out.copy(text, copied, i);
                    copied = after;
                    i = after - 1;
                }
                continue;
            }
            if (c != '&' && c != '\\') {
                continue;
            }
            String read = null;
            int end = i;
            if (c == '&') {
                int semicolon = -1; // looked for within the longest name only: a text of many '&' stays linear
                for (int k = i + 1, last = Math.min(n, i + 2 + LONGEST_NAME); k < last && semicolon < 0; k++) {
                    semicolon = text.charAt(k) == ';' ? k : text.charAt(k) == '&' ? n : -1;
                }
                if (semicolon > i + 1 && semicolon < n && !inCdata(cdata, i)) {
                    read = reference(text, i + 1, semicolon);
                    end = semicolon + 1;
                }
            } else if (i + 1 < n) {
                char e = text.charAt(i + 1);
                end = i + 2;
                switch (e) {
                    case 'n' -> read = "\n";
                    case 'r' -> read = "\r";
                    case 't' -> read = "\t";
                    case '"', '/' -> read = String.valueOf(e);
                    case '\\' -> read = "\\";
                    case 'u' -> {
                        int cp = i + 6 <= n ? hex(text, i + 2, i + 6) : -1;
                        if (cp >= 0 && (cp >= 0x20 || cp == '\n' || cp == '\r' || cp == '\t')) {
                            read = String.valueOf((char) cp);
                            end = i + 6;
                        }
                    }
                    case '\'' -> {
                        int b = i + 4 <= n ? hex(text, i + 2, i + 4) : -1;
                        if (b >= 0x80) {
                            read = new String(new byte[] {(byte) b}, WINDOWS_1252);
                            end = i + 4;
                        }
                    }
                    default -> read = null;
                }
            }
            if (read == null) {
                continue;
            }
            if (out == null) {
                out = new Builder(n, false);
            }
            out.copy(text, copied, i);
            out.add(read, i, end);
            out.form = Math.max(out.form, c == '&' ? Folded.REFERENCES : text.charAt(i + 1) == '\'' ? Folded.RTF_PIECE
                    : Folded.JSON);
            copied = end;
            i = end - 1;
        }
        if (out == null) {
            return null;
        }
        out.copy(text, copied, n);
        return new Folded(text, out);
    }

    /**
     * The inline HTML and XML elements a writer opens and closes inside a word (a spelling mark, a run of another
     * language or colour, a bold letter), which a reader does not see: Word's HTML ({@code <span lang=DE>},
     * {@code <o:p>}), rich-text editors', CDA's {@code <content styleCode="Bold">}.
     */
    private static final java.util.Set<String> INLINE_TAGS = java.util.Set.of("a", "abbr", "b", "bdi", "bdo", "big",
            "cite", "code", "content", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "nobr", "o:p", "q", "s",
            "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u", "var", "wbr");

    /**
     * The attributes such a tag may have and still be read as nothing: how its text looks, or a bookmark's name (Word's
     * {@code <a name=_GoBack>}, where the writer last typed: often inside a word). A tag with any other
     * attribute ({@code href}, {@code title}, {@code alt}: texts that may hold a name) stays as written, to be matched.
     */
    private static final java.util.Set<String> LOOKS = java.util.Set.of("class", "style", "lang", "xml:lang", "dir",
            "id", "name", "face", "color", "size", "align", "stylecode", "revised", "language");

    /**
     * Whether an element of this name with attributes of these names is one a reader does not see inside a word
     * ({@link #INLINE_TAGS} with only {@link #LOOKS} attributes), as {@link #fold} reads its tags: for a model of XHTML
     * (a FHIR narrative) that scrubs a run of text and such elements as one text.
     */
    public static boolean isInlineElement(String name, java.util.Collection<String> attributes) {
        if (!INLINE_TAGS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        for (String a : attributes) {
            if (!LOOKS.contains(a.toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** The elements of Word's, Office's and Dublin Core's document properties that name a person (decision 0170). */
    private static final java.util.Set<String> PERSON_ELEMENTS = java.util.Set.of("o:author", "o:lastauthor",
            "o:manager", "dc:creator", "cp:lastmodifiedby");
    private static final java.util.regex.Pattern META_AUTHOR = java.util.regex.Pattern.compile(
            "<meta\\s+name\\s*=\\s*[\"']?author[\"']?\\s+content\\s*=\\s*([\"'])([^\"'<>]*)\\1",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** How far an element's end tag is looked for. */
    private static final int LONGEST_PERSON = 1024;

    /**
     * A person's name the document's own markup holds at {@code i}: {start, end, -1} of the text of a document
     * property element ({@code <o:Author>Ignatius Fairbrook</o:Author>}: start after its start tag, end at its end
     * tag), {start, end, 0} of an HTML {@code <meta name="author">}'s content; null when none starts there.
     */
    private static int[] personElement(String text, int i) {
        int n = text.length();
        int j = i + 1;
        while (j < n && j - i < 24 && (isLetter(text.charAt(j)) || text.charAt(j) == ':')) {
            j++;
        }
        String name = text.substring(i + 1, j).toLowerCase(java.util.Locale.ROOT);
        if (name.equals("meta")) {
            java.util.regex.Matcher m = META_AUTHOR.matcher(text).region(i, Math.min(n, i + LONGEST_TAG));
            return m.lookingAt() ? new int[] {m.start(2), m.end(2), 0} : null;
        }
        if (!PERSON_ELEMENTS.contains(name) || j >= n || text.charAt(j) != '>') {
            return null;
        }
        String close = "</" + text.substring(i + 1, j) + ">";
        int last = Math.min(n, j + 1 + LONGEST_PERSON);
        for (int k = j + 1; k + close.length() <= last; k++) {
            if (text.charAt(k) == '<') {
                return text.regionMatches(true, k, close, 0, close.length()) ? new int[] {j + 1, k, -1} : null;
            }
        }
        return null;
    }

    /** The longest tag read as nothing. */
    private static final int LONGEST_TAG = 512;

    /**
     * The position after the inline tag ({@link #INLINE_TAGS}, only {@link #LOOKS} attributes) that opens or closes
     * at {@code i}, or -1 when none does there ("a < b", "<5 %", "<br>", a link).
     */
    private static int inlineTag(String text, int i) {
        int n = Math.min(text.length(), i + LONGEST_TAG);
        int j = i + 1;
        boolean closing = j < n && text.charAt(j) == '/';
        if (closing) {
            j++;
        }
        int name = j;
        while (j < n && (isLetter(text.charAt(j)) || j > name && (Character.isDigit(text.charAt(j))
                || text.charAt(j) == ':' || text.charAt(j) == '-'))) {
            j++;
        }
        if (j == name || !INLINE_TAGS.contains(text.substring(name, j).toLowerCase(java.util.Locale.ROOT))) {
            return -1;
        }
        while (j < n) {
            boolean space = false;
            while (j < n && Character.isWhitespace(text.charAt(j))) {
                j++;
                space = true;
            }
            if (j >= n) {
                return -1;
            }
            char c = text.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (c == '/' && !closing && j + 1 < n && text.charAt(j + 1) == '>') {
                return j + 2;
            }
            if (closing || !space) {
                return -1;
            }
            int attribute = j;
            while (j < n && "=>/<\"' \t\r\n".indexOf(text.charAt(j)) < 0) {
                j++;
            }
            String looks = j == attribute ? "" : text.substring(attribute, j).toLowerCase(java.util.Locale.ROOT);
            if (!LOOKS.contains(looks)) {
                return -1;
            }
            // an id or a bookmark's name is read as nothing when it is one token (_GoBack, OLE_LINK1), not words
            boolean token = looks.equals("id") || looks.equals("name");
            while (j < n && Character.isWhitespace(text.charAt(j))) {
                j++;
            }
            if (j < n && text.charAt(j) == '=') {
                j++;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                if (j >= n) {
                    return -1;
                }
                char q = text.charAt(j);
                if (q == '"' || q == '\'') {
                    int close = j + 1; // looked for within the tag's bound only: a text of many tags stays linear
                    while (close < n && text.charAt(close) != q && text.charAt(close) != '<') {
                        close++;
                    }
                    if (close >= n || text.charAt(close) != q) {
                        return -1;
                    }
                    for (int k = j + 1; token && k < close; k++) {
                        if (Character.isWhitespace(text.charAt(k))) {
                            return -1;
                        }
                    }
                    j = close + 1;
                } else {
                    while (j < n && !Character.isWhitespace(text.charAt(j)) && text.charAt(j) != '>'
                            && text.charAt(j) != '<') {
                        j++;
                    }
                }
            }
        }
        return -1;
    }

    /** The value of {@code text[from, to)} read as hexadecimal digits, or -1. */
    private static int hex(String text, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            int d = Character.digit(text.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /** The CDATA sections of the text, each {start, end} in turn; empty when it has none. */
    private static int[] cdata(String text) {
        int at = text.indexOf("<![CDATA[");
        if (at < 0) {
            return new int[0];
        }
        java.util.List<Integer> bounds = new java.util.ArrayList<>();
        while (at >= 0) {
            int end = text.indexOf("]]>", at);
            bounds.add(at);
            bounds.add(end < 0 ? text.length() : end);
            at = end < 0 ? -1 : text.indexOf("<![CDATA[", end);
        }
        return bounds.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether offset {@code i} is inside one of the (ordered) CDATA sections. */
    private static boolean inCdata(int[] cdata, int i) {
        int at = java.util.Arrays.binarySearch(cdata, i);
        // on a bound: a section's start is inside it, its end is not; between bounds: inside when after a start
        return at >= 0 ? at % 2 == 0 : (-at - 1) % 2 == 1;
    }

    /** The characters of the reference named by {@code text[from, to)}, or null (unknown, a control character). */
    private static String reference(String text, int from, int to) {
        if (text.charAt(from) != '#') {
            return ENTITIES.get(text.substring(from, to));
        }
        boolean hex = to - from > 1 && (text.charAt(from + 1) == 'x' || text.charAt(from + 1) == 'X');
        int start = from + (hex ? 2 : 1);
        if (start >= to || to - start > 8) {
            return null;
        }
        int cp = 0;
        for (int k = start; k < to; k++) {
            int d = Character.digit(text.charAt(k), hex ? 16 : 10);
            if (d < 0) {
                return null;
            }
            cp = cp * (hex ? 16 : 10) + d;
        }
        if (cp > Character.MAX_CODE_POINT || cp >= 0xD800 && cp <= 0xDFFF || cp < 0x20 && cp != '\t' && cp != '\n'
                && cp != '\r') {
            return null; // controls stay as written
        }
        return new String(Character.toChars(cp));
    }

    /**
     * A text as markup writes it: its markup characters ({@code & < > "}) as references, so that it is text wherever it
     * is put (an element's text, an attribute's quoted value). The text itself when it has none.
     */
    public static String asMarkup(String text) {
        if (text.indexOf('<') < 0 && text.indexOf('>') < 0 && text.indexOf('&') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** How a character outside ASCII is written. */
    private interface Escape {
        void write(StringBuilder out, int codePoint);
    }

    /** The text with every character outside ASCII written by {@code escape}, the rest as it is. */
    private static String escaped(String text, Escape escape) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp < 0x80) {
                out.append((char) cp);
            } else {
                escape.write(out, cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- RTF

    /**
     * An RTF document read: groups, the font table's code pages ({@code \\fcharsetN}), the font in effect
     * ({@code \\fN}), the document's code page ({@code \\ansicpgN}) and the count of fallback characters after a
     * {@code \\uN} ({@code \\ucN}), each group keeping its own. Everything but the escapes is copied as it is.
     */
    private static final class Rtf {
        private final String in;
        private final Builder out;
        private Charset document = WINDOWS_1252;
        private final Map<Integer, Charset> fonts = new HashMap<>();
        // {font, uc, in font table, destination, person from, data}
        private final Deque<int[]> groups = new ArrayDeque<>();
        private int font = -1;
        private int uc = 1;
        private boolean inFontTable;
        private int declaredFont = -1;
        private boolean read;

        Rtf(String in) {
            this.in = in;
            this.out = new Builder(in.length(), true);
            out.page(document);
        }

        /** The document with its escapes read; null when it has none. */
        Folded fold() {
            int n = in.length();
            int i = 0;
            while (i < n) {
                char c = in.charAt(i);
                int hidden = c == '{' ? hiddenGroup(i) : -1;
                if (hidden > 0) {
                    read = true; // a bookmark or a comment's anchor: nothing a reader sees, often inside a word
                    i = hidden;
                } else if (c == '{' || c == '}') {
                    group(c, i);
                    read = true;
                    i++;
                } else if (c == '\\' && i + 1 < n && in.charAt(i + 1) == '\'') {
                    i = hexRun(i);
                } else if (c == '\\' && i + 1 < n && isLetter(in.charAt(i + 1))) {
                    i = controlWord(i);
                } else if (c == '\\' && i + 1 < n) {
                    controlSymbol(i, in.charAt(i + 1));
                    i += 2;
                } else if (c == '\r' || c == '\n') {
                    read = true; // a line break in RTF's source is not in its text: "Kowal\r\nski" is one word
                    i++;
                } else if (!groups.isEmpty() && groups.peek()[5] == 1) {
                    read = true; // a picture's or an object's bytes as hexadecimal digits: data, not text (0171)
                    i++;
                } else {
                    out.add(c, i, i + 1);
                    i++;
                }
            }
            return read ? new Folded(in, out) : null;
        }

        /**
         * A control symbol: a character ({@code \\\\ \\{ \\} \\~ \\_}), a paragraph (a backslash before a line
         * break), or nothing a reader sees (the optional hyphen {@code \\-}, {@code \\*}).
         */
        private void controlSymbol(int i, char c) {
            switch (c) {
                case '\\', '{', '}' -> out.add(c, i, i + 2);
                case '~' -> out.add('\u00A0', i, i + 2);
                case '_' -> out.add('-', i, i + 2);
                case '\r', '\n' -> out.addMarkup('\n', i, i + 2);
                default -> {
                }
            }
            read = true;
        }

        /**
         * A group opens or closes. A destination's bounds (its text is not the body's: the font table, the document's
         * information, a field's instruction, a picture) stand for line breaks, so that its text does not run into the
         * body's next word; the text of a destination that names a person ({@code \\author}) is noted as such.
         */
        private void group(char c, int i) {
            if (c == '{') {
                String destination = destination(i + 1);
                if (destination != null) {
                    out.addMarkup('\n', i, i + 1);
                }
                groups.push(new int[] {font, uc, inFontTable ? 1 : 0, destination != null ? 1 : 0,
                    destination != null && PERSON_DESTINATIONS.contains(destination) ? out.text.length() : -1,
                    destination != null && DATA_DESTINATIONS.contains(destination) ? 1 : 0});
            } else if (!groups.isEmpty()) {
                int[] g = groups.pop();
                font = g[0];
                uc = g[1];
                inFontTable = g[2] == 1;
                out.page(charset());
                if (g[4] >= 0) {
                    out.person(g[4]);
                }
                if (g[3] == 1) {
                    out.addMarkup('\n', i, i + 1);
                }
            }
        }

        /**
         * The position after the group at {@code i} when it is one that marks a place in the text and holds only a
         * name or a number ({@code {\\*\\bkmkstart _GoBack}}, {@code {\\*\\atrfstart 1}}: Word puts them where the
         * writer last typed or a comment starts, also inside a word), else -1.
         */
        private int hiddenGroup(int i) {
            int n = in.length();
            for (String marker : PLACE_MARKS) {
                if (in.startsWith(marker, i)) {
                    int j = i + marker.length();
                    if (j < n && isLetter(in.charAt(j))) {
                        return -1; // a longer word
                    }
                    for (int k = j, last = Math.min(n, j + 256); k < last; k++) {
                        char c = in.charAt(k);
                        if (c == '}') {
                            return k + 1;
                        }
                        if (c == '{' || c == '\\') {
                            return -1;
                        }
                    }
                    return -1;
                }
            }
            return -1;
        }

        /**
         * The destination a group's first control word, at {@code i}, makes it: the word ({@code author}; after the
         * mark {@code \\*}, whatever word follows it, else {@code *}), or null when the group is none.
         */
        private String destination(int i) {
            int n = in.length();
            while (i < n && (in.charAt(i) == '\r' || in.charAt(i) == '\n')) {
                i++;
            }
            if (i + 1 >= n || in.charAt(i) != '\\') {
                return null;
            }
            if (in.charAt(i + 1) == '*') {
                int k = i + 2; // {\\*\\themedata …}: the word after the mark, any word
                while (k < n && (in.charAt(k) == ' ' || in.charAt(k) == '\r' || in.charAt(k) == '\n')) {
                    k++;
                }
                int e = k + 1;
                while (e < n && isLetter(in.charAt(e))) {
                    e++;
                }
                return k < n && in.charAt(k) == '\\' && e > k + 1 ? in.substring(k + 1, e) : "*";
            }
            int j = i + 1;
            while (j < n && isLetter(in.charAt(j))) {
                j++;
            }
            String word = in.substring(i + 1, j);
            return DESTINATIONS.contains(word) ? word : null;
        }

        /**
         * A control word at {@code i} ({@code \\name}, an optional signed number, one space eaten): copied and its
         * state noted; a {@code \\uN} is read as its character and its fallback passed over.
         */
        private int controlWord(int i) {
            int n = in.length();
            int j = i + 1;
            while (j < n && isLetter(in.charAt(j))) {
                j++;
            }
            String name = in.substring(i + 1, j);
            int k = j;
            if (k < n && (in.charAt(k) == '-' || Character.isDigit(in.charAt(k)))) {
                k++;
                while (k < n && Character.isDigit(in.charAt(k))) {
                    k++;
                }
            }
            Integer number = null;
            if (k - j > 0 && k - j <= 10 && !(k - j == 1 && in.charAt(j) == '-')) {
                try {
                    number = Integer.valueOf(in.substring(j, k));
                } catch (NumberFormatException tooLong) {
                    number = null;
                }
            }
            int end = k < n && in.charAt(k) == ' ' ? k + 1 : k;
            if (name.equals("u") && number != null) {
                int cp = number < 0 ? number + 65536 : number;
                if (cp >= 0 && cp <= 0xFFFF) {
                    int after = skipFallback(end);
                    out.add((char) cp, i, after);
                    read = true;
                    return after;
                }
            }
            if (name.equals("yr") && number != null) {
                int after = dateWords(i, number, end);
                if (after > 0) {
                    return after;
                }
            }
            read = true;
            if (name.equals("bin") && number != null && number > 0) {
                return (int) Math.min(n, (long) end + number); // binary data: no text
            }
            if (BREAKS.contains(name)) {
                out.addMarkup('\n', i, end);
                return end;
            }
            if (name.equals("tab")) {
                out.addMarkup('\t', i, end);
                return end;
            }
            Character symbol = SYMBOLS.get(name);
            if (symbol != null) {
                out.add(symbol, i, end); // O\\rquote Brien is O\u2019Brien
                return end;
            }
            note(name, number); // a formatting word: nothing a reader sees (decision 0168)
            return end;
        }

        /**
         * A date written as control words, {@code \\yrN\\moN\\dyN} (the document's creation, revision and printing
         * times in its {@code \\info} group): read as {@code yyyy-mm-dd} between two spaces, every character of it
         * standing for the three words, so that a date the scrubber finds is replaced as words
         * ({@link Folded#inForm}). The position after {@code \\dyN}, or 0 when the words are not all there.
         */
        private int dateWords(int i, int year, int afterYear) {
            int[] month = numberedWord("mo", afterYear);
            int[] day = month == null ? null : numberedWord("dy", month[1]);
            if (day == null || year < 1000 || year > 9999 || month[0] < 1 || month[0] > 12 || day[0] < 1 || day[0] > 31) {
                return 0;
            }
            int from = out.text.length();
            out.add(String.format(java.util.Locale.ROOT, " %04d-%02d-%02d ", year, month[0], day[0]), i, day[1]);
            out.dates.set(from, out.text.length());
            read = true;
            return day[1];
        }

        /** The number of the control word {@code \\name} at {@code i} and the position after it, or null. */
        private int[] numberedWord(String name, int i) {
            int n = in.length();
            if (!in.startsWith("\\" + name, i)) {
                return null;
            }
            int j = i + 1 + name.length();
            int k = j;
            while (k < n && k - j < 4 && Character.isDigit(in.charAt(k))) {
                k++;
            }
            if (k == j || k < n && (isLetter(in.charAt(k)) || Character.isDigit(in.charAt(k)))) {
                return null;
            }
            return new int[] {Integer.parseInt(in.substring(j, k)), k < n && in.charAt(k) == ' ' ? k + 1 : k};
        }

        /** Passes over the {@code \\ucN} fallback characters after a {@code \\uN} (an escape counts one). */
        private int skipFallback(int i) {
            int n = in.length();
            for (int left = uc; left > 0 && i < n; left--) {
                char c = in.charAt(i);
                if (c == '{' || c == '}') {
                    break; // a group ends the fallback
                }
                if (c == '\\' && i + 3 < n && in.charAt(i + 1) == '\'') {
                    i += 4;
                } else if (c == '\\' && i + 1 < n && isLetter(in.charAt(i + 1))) {
                    int j = i + 1;
                    while (j < n && isLetter(in.charAt(j))) {
                        j++;
                    }
                    while (j < n && (in.charAt(j) == '-' || Character.isDigit(in.charAt(j)))) {
                        j++;
                    }
                    i = j < n && in.charAt(j) == ' ' ? j + 1 : j;
                } else if (c == '\\' && i + 1 < n) {
                    i += 2;
                } else {
                    i++;
                }
            }
            return i;
        }

        private void note(String name, Integer number) {
            switch (name) {
                case "ansicpg" -> document = number == null ? document : codePage(number, document);
                case "fonttbl" -> inFontTable = true;
                case "f" -> {
                    if (number != null) {
                        if (inFontTable) {
                            declaredFont = number;
                        } else {
                            font = number;
                        }
                    }
                }
                case "fcharset" -> {
                    if (inFontTable && declaredFont >= 0 && number != null) {
                        Charset cs = fontCharset(number);
                        if (cs != null) {
                            fonts.put(declaredFont, cs);
                        }
                    }
                }
                case "uc" -> uc = number == null ? uc : Math.max(0, Math.min(number, 8));
                default -> {
                }
            }
            out.page(charset());
        }

        /** The code page of the text in effect: the font's, else the document's. */
        private Charset charset() {
            Charset f = fonts.get(font);
            return f != null ? f : document;
        }

        /** A run of {@code \\'hh} escapes at {@code i}, read in the code page in effect. */
        private int hexRun(int i) {
            int n = in.length();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            int j = i;
            while (j + 3 < n && in.charAt(j) == '\\' && in.charAt(j + 1) == '\''
                    && Character.digit(in.charAt(j + 2), 16) >= 0 && Character.digit(in.charAt(j + 3), 16) >= 0) {
                bytes.write(Character.digit(in.charAt(j + 2), 16) << 4 | Character.digit(in.charAt(j + 3), 16));
                j += 4;
            }
            if (j == i) {
                out.copy(in, i, Math.min(n, i + 2)); // a malformed \\' : as written
                return Math.min(n, i + 2);
            }
            byte[] b = bytes.toByteArray();
            Charset cs = charset();
            if (b.length == 1 || cs.newEncoder().maxBytesPerChar() == 1) {
                // one byte a character: each escape maps to its own character
                for (int k = 0; k < b.length; k++) {
                    String one = decodeOrNull(cs, new byte[] {b[k]});
                    if (one == null) {
                        out.copy(in, i + 4 * k, i + 4 * k + 4);
                    } else {
                        out.add(one, i + 4 * k, i + 4 * k + 4);
                        read = true;
                    }
                }
                return j;
            }
            String all = decodeOrNull(cs, b);
            if (all == null) {
                out.copy(in, i, j); // bytes the code page does not read: as written
            } else {
                out.add(all, i, j);
                read = true;
            }
            return j;
        }
    }

    /** The groups that mark a place in the text with a name or a number: read as nothing ({@code Rtf#hiddenGroup}). */
    private static final String[] PLACE_MARKS = {"{\\*\\bkmkstart", "{\\*\\bkmkend", "{\\*\\atrfstart",
        "{\\*\\atrfend", "{\\*\\xmlclose"};

    /**
     * The destinations whose own characters are data written as hexadecimal digits (a picture, an embedded object, a
     * theme, a font's PANOSE number): nothing a reader sees, and digits the scrubber must not take for numbers (decision 0171). Their
     * nested groups (a picture's properties, its description) are read as any group.
     */
    private static final java.util.Set<String> DATA_DESTINATIONS = java.util.Set.of("pict", "objdata", "blipuid",
            "datafield", "themedata", "colorschememapping", "datastore", "fontemb", "fontfile", "passwordhash", "panose");

    /** The destinations of an RTF document's information group that name a person (decision 0170). */
    private static final java.util.Set<String> PERSON_DESTINATIONS = java.util.Set.of("author", "operator", "manager");

    /** The control words that end a paragraph, a line, a cell or a page: a line break in the text. */
    private static final java.util.Set<String> BREAKS = java.util.Set.of("par", "line", "sect", "page", "cell", "row",
            "nestcell", "nestrow", "column", "lbr", "softline", "softpage", "softcol");

    /** The control words that stand for a character. */
    private static final Map<String, Character> SYMBOLS = Map.of("emdash", '\u2014', "endash", '\u2013', "lquote",
            '\u2018', "rquote", '\u2019', "ldblquote", '\u201C', "rdblquote", '\u201D', "bullet", '\u2022', "emspace",
            ' ', "enspace", ' ', "qmspace", ' ');

    /**
     * The groups whose text is not the body's (RTF 1.9.1's destinations this reads): read as text still, but between
     * line breaks, so that an author in the information group does not run into the body's first word.
     */
    private static final java.util.Set<String> DESTINATIONS = java.util.Set.of("fonttbl", "colortbl", "stylesheet",
            "listtable", "listoverridetable", "info", "title", "subject", "author", "operator", "keywords", "comment",
            "doccomm", "company", "manager", "category", "hlinkbase", "creatim", "revtim", "printim", "buptim", "pict",
            "object", "objdata", "field", "fldinst", "fldrslt", "header", "headerl", "headerr", "headerf", "footer",
            "footerl", "footerr", "footerf", "footnote", "annotation", "atnid", "atnauthor", "bkmkstart", "bkmkend",
            "xe", "tc", "txe", "rxe", "shp", "shpinst", "shptxt", "sp", "sn", "sv", "generator", "revtbl", "rsidtbl",
            "pn", "pntext", "pntxta", "pntxtb", "listtext", "userprops", "propname", "staticval", "filetbl", "docvar",
            "template", "ftnsep", "ftnsepc", "aftnsep", "fchars", "lchars", "nonshppict", "shppict", "result");

    private static String decodeOrNull(Charset cs, byte[] b) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** One character outside ASCII as RTF writes it: {@code \\'hh} in {@code cs}, else {@code {\\uc1\\uN?}}. */
    private static void rtfEscape(StringBuilder out, int cp, Charset cs) {
        CharsetEncoder encoder = cs.newEncoder();
        String s = new String(Character.toChars(cp));
        if (encoder.canEncode(s)) {
            try {
                ByteBuffer b = encoder.encode(CharBuffer.wrap(s));
                while (b.hasRemaining()) {
                    int v = b.get() & 0xFF;
                    out.append("\\'").append(HEX[v >> 4]).append(HEX[v & 0x0F]);
                }
                return;
            } catch (CharacterCodingException e) {
                // written as \\uN below
            }
        }
        for (char c : Character.toChars(cp)) {
            out.append("{\\uc1\\u").append((int) (short) c).append("?}");
        }
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Whether a character right after an RTF control word would be read as part of it (or its delimiter). */
    private static boolean delimits(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == ' ' || c == '-';
    }

    /** Whether {@code s[0, end)} ends in an RTF control word without its delimiter ({@code \\b}, {@code \\insrsid2}). */
    private static boolean endsInControlWord(CharSequence s, int end) {
        int k = end;
        while (k > 0 && s.charAt(k - 1) >= '0' && s.charAt(k - 1) <= '9') {
            k--;
        }
        if (k > 0 && k < end && s.charAt(k - 1) == '-') {
            k--;
        }
        int letters = k;
        while (k > 0 && isLetter(s.charAt(k - 1))) {
            k--;
        }
        if (k == letters || k == 0 || s.charAt(k - 1) != '\\') {
            return false;
        }
        int backslashes = 0; // \\\\b is a backslash, then the letter b
        for (int b = k - 1; b >= 0 && s.charAt(b) == '\\'; b--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The charset of a Windows code page ({@code \ansicpgN}), or {@code otherwise}. */
    private static Charset codePage(int page, Charset otherwise) {
        String name = switch (page) {
            case 874 -> "x-windows-874";
            case 932 -> "windows-31j";
            case 936 -> "GBK";
            case 949 -> "x-windows-949";
            case 950 -> "x-windows-950";
            case 437 -> "IBM437";
            case 850 -> "IBM850";
            case 10000 -> "x-MacRoman";
            default -> page >= 1250 && page <= 1258 ? "windows-" + page : null;
        };
        try {
            return name == null ? otherwise : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    /** The charset of a font's {@code \fcharsetN}, or null for the document's (ANSI, default, symbol, unknown). */
    private static Charset fontCharset(int charset) {
        int page = switch (charset) {
            case 77 -> 10000;
            case 128 -> 932;
            case 129 -> 949;
            case 134 -> 936;
            case 136 -> 950;
            case 161 -> 1253;
            case 162 -> 1254;
            case 163 -> 1258;
            case 177 -> 1255;
            case 178 -> 1256;
            case 186 -> 1257;
            case 204 -> 1251;
            case 222 -> 874;
            case 238 -> 1250;
            case 255 -> 437;
            default -> -1;
        };
        return page < 0 ? null : codePage(page, null);
    }
}

package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An XML document written into a text: a CDA document or an HL7 v3 message in a table's column, an interface engine's
 * logged payload (decision 0172). Its text runs and attribute values are listed as {@link JsonText.Member}s, as a JSON
 * document's scalar members are, so that each is decided by its name where it stands and written back in place: a text
 * run stands under its element's local name in its parent's, an attribute value under the attribute's local name in its
 * element's, beside the element's other attributes — a {@code value} attribute under its element's name in its parent's,
 * since it holds the element's value (CDA's {@code <birthTime value="19570314"/>}, FHIR's {@code <family value="…"/>}). Well-formed XML 1.0 with one root element, the five predefined
 * entities and character references, comments, CDATA sections and processing instructions; a document type
 * declaration with an internal subset, or anything not well-formed, is no document.
 */
public final class XmlText {

    /** The sibling of an attribute that names its element's parent element (no attribute can be named so). */
    public static final String PARENT = "..";

    /** Deeper nesting than this is read as no document. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private final List<JsonText.Member> members = new ArrayList<>();

    private XmlText(String text) {
        this.text = text;
    }

    /** Whether {@code text} may be an XML document: it starts with {@code <} and ends with {@code >} (white space aside). */
    public static boolean mayBe(String text) {
        int a = 0;
        int b = text.length() - 1;
        while (a <= b && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(text.charAt(b))) {
            b--;
        }
        return b > a + 2 && text.charAt(a) == '<' && text.charAt(b) == '>' && (Character.isLetter(text.charAt(a + 1))
                || text.charAt(a + 1) == '?' || text.charAt(a + 1) == '!');
    }

    /** The text runs and attribute values of {@code text} in text order, or null when it is no well-formed document. */
    public static List<JsonText.Member> members(String text) {
        if (!mayBe(text)) {
            return null;
        }
        XmlText p = new XmlText(text);
        try {
            return p.document() ? p.members : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** {@code value} escaped for where member {@code m} of {@code text} stands: an attribute's quote, or text. */
    public static String escape(String text, JsonText.Member m, String value) {
        String escaped = MarkupText.asMarkup(value);
        boolean apostrophes = m.kind() == JsonText.Kind.ATTRIBUTE && text.charAt(m.start() - 1) == '\'';
        return apostrophes ? escaped.replace("'", "&apos;") : escaped;
    }

    private static IllegalArgumentException bad() {
        return new IllegalArgumentException("not XML");
    }

    private boolean document() {
        misc(true);
        if (pos >= text.length() || text.charAt(pos) != '<') {
            return false;
        }
        element();
        misc(false);
        return pos == text.length();
    }

    /** White space, comments, processing instructions and (before the root) a document type declaration. */
    private void misc(boolean prolog) {
        while (true) {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (text.startsWith("<?", pos)) {
                pos = after("?>", pos + 2);
            } else if (text.startsWith("<!--", pos)) {
                pos = after("-->", pos + 4);
            } else if (prolog && text.startsWith("<!DOCTYPE", pos)) {
                int end = text.indexOf('>', pos);
                if (end < 0 || text.substring(pos, end).indexOf('[') >= 0) {
                    throw bad(); // an internal subset may declare entities: not read here
                }
                pos = end + 1;
            } else {
                return;
            }
        }
    }

    private int after(String end, int from) {
        int i = text.indexOf(end, from);
        if (i < 0) {
            throw bad();
        }
        return i + end.length();
    }

    private String name() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '>' || c == '/' || c == '=' || c == '<' || c == '"' || c == '\'') {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw bad();
        }
        return text.substring(start, pos);
    }

    private static String local(String qname) {
        return qname.substring(qname.indexOf(':') + 1);
    }

    /** The root element and everything in it, without recursion (documents may nest deeply). */
    private void element() {
        Deque<String> open = new ArrayDeque<>();
        Deque<String> names = new ArrayDeque<>();
        names.push("");
        do {
            if (text.startsWith("</", pos)) {
                pos += 2;
                String name = name();
                while (Character.isWhitespace(text.charAt(pos))) {
                    pos++;
                }
                if (text.charAt(pos++) != '>' || open.isEmpty() || !open.pop().equals(name)) {
                    throw bad();
                }
                names.pop();
            } else if (text.startsWith("<!--", pos)) {
                pos = after("-->", pos + 4);
            } else if (text.startsWith("<?", pos)) {
                pos = after("?>", pos + 2);
            } else if (text.startsWith("<![CDATA[", pos)) {
                int start = pos + 9;
                pos = after("]]>", start);
                String v = text.substring(start, pos - 3);
                if (!v.isBlank()) {
                    members.add(new JsonText.Member(names.peek(), parentOf(names), start, pos - 3, JsonText.Kind.STRING,
                            v, Map.of()));
                }
            } else if (text.charAt(pos) == '<') {
                pos++;
                String qname = name();
                String local = local(qname);
                Map<String, String> attributes = new HashMap<>();
                List<int[]> spans = new ArrayList<>();
                List<String> attributeNames = new ArrayList<>();
                List<String> values = new ArrayList<>();
                boolean empty = false;
                while (true) {
                    while (Character.isWhitespace(text.charAt(pos))) {
                        pos++;
                    }
                    char c = text.charAt(pos);
                    if (c == '>') {
                        pos++;
                        break;
                    }
                    if (c == '/' && text.charAt(pos + 1) == '>') {
                        pos += 2;
                        empty = true;
                        break;
                    }
                    String qualified = name();
                    String attribute = local(qualified);
                    while (Character.isWhitespace(text.charAt(pos))) {
                        pos++;
                    }
                    if (text.charAt(pos++) != '=') {
                        throw bad();
                    }
                    while (Character.isWhitespace(text.charAt(pos))) {
                        pos++;
                    }
                    char quote = text.charAt(pos++);
                    if (quote != '"' && quote != '\'') {
                        throw bad();
                    }
                    int start = pos;
                    int end = text.indexOf(quote, start);
                    if (end < 0 || text.substring(start, end).indexOf('<') >= 0) {
                        throw bad();
                    }
                    String value = unescape(start, end);
                    pos = end + 1;
                    if (qualified.equals("xmlns") || qualified.startsWith("xmlns:")) {
                        continue; // a namespace's name: the document's structure, no value
                    }
                    attributes.put(attribute, value);
                    spans.add(new int[] {start, end});
                    attributeNames.add(attribute);
                    values.add(value);
                }
                attributes.put(PARENT, names.peek());
                for (int i = 0; i < spans.size(); i++) {
                    // an attribute's value: decided by its name on its element, beside the element's other attributes;
                    // a value attribute holds its element's value (CDA's <birthTime value=…>, FHIR's <family value=…>)
                    boolean valueOf = attributeNames.get(i).equals("value");
                    members.add(new JsonText.Member(valueOf ? local : attributeNames.get(i), valueOf ? names.peek() : local,
                            spans.get(i)[0], spans.get(i)[1], JsonText.Kind.ATTRIBUTE, values.get(i), attributes));
                }
                if (!empty) {
                    if (open.size() >= MAX_DEPTH) {
                        throw bad();
                    }
                    open.push(qname);
                    names.push(local);
                }
            } else {
                int start = pos;
                int end = text.indexOf('<', pos);
                if (end < 0) {
                    throw bad();
                }
                pos = end;
                String v = unescape(start, end);
                if (!v.isBlank()) {
                    members.add(new JsonText.Member(names.peek(), parentOf(names), start, end, JsonText.Kind.STRING, v,
                            Map.of()));
                }
            }
        } while (!open.isEmpty());
    }

    /** The local name of the element holding the current one. */
    private static String parentOf(Deque<String> names) {
        java.util.Iterator<String> it = names.iterator();
        it.next();
        return it.hasNext() ? it.next() : "";
    }

    private static final Map<String, String> ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"",
            "apos", "'");

    /** The characters of {@code [start, end)} with their references read. */
    private String unescape(int start, int end) {
        int amp = text.indexOf('&', start);
        if (amp < 0 || amp >= end) {
            return text.substring(start, end);
        }
        StringBuilder b = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            char c = text.charAt(i);
            if (c != '&') {
                b.append(c);
                i++;
                continue;
            }
            int semi = text.indexOf(';', i);
            if (semi < 0 || semi >= end || semi - i > 12) {
                throw bad();
            }
            String ref = text.substring(i + 1, semi);
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                b.appendCodePoint(Integer.parseInt(ref.substring(2), 16));
            } else if (ref.startsWith("#")) {
                b.appendCodePoint(Integer.parseInt(ref.substring(1)));
            } else if (ENTITIES.containsKey(ref)) {
                b.append(ENTITIES.get(ref));
            } else {
                throw bad();
            }
            i = semi + 1;
        }
        return b.toString();
    }
}

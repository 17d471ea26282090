package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document written into a text: a data lake's table of FHIR resources ({@code RESOURCE_JSON}), an application's
 * event log ({@code payload}), an API's answer kept in a column (decision 0172). Its scalar members are listed with the
 * key they stand under, the key of the object that holds them and where their literal stands in the text, so that each
 * can be decided by its name and written back in place, the rest of the text as it was. No library: the engine's
 * packages import none (DESIGN.md §3). Strict JSON (RFC 8259); anything else is no document.
 */
public final class JsonText {

    /** Deeper nesting than this is read as no document (the text is then scrubbed as text). */
    private static final int MAX_DEPTH = 128;

    /** What a scalar member is: a string, a number, {@code true}/{@code false}/{@code null}; an XML attribute's value. */
    public enum Kind { STRING, NUMBER, LITERAL, ATTRIBUTE }

    /**
     * One scalar member: {@code key} the name it stands under (an array's elements stand under the array's name),
     * {@code parentKey} the name of the object holding it ("" at the top), its literal at {@code [start, end)} of the
     * text (quotes included), its {@code value} (a string's unescaped) and the scalar members of its object by name.
     */
    public record Member(String key, String parentKey, int start, int end, Kind kind, String value,
            Map<String, String> siblings) {

        /** A scalar member of the same object, or "" when it has none of that name. */
        public String sibling(String name) {
            String s = siblings.get(name);
            return s == null ? "" : s;
        }
    }

    private final String text;
    private int pos;
    private final List<Member> members = new ArrayList<>();

    private JsonText(String text) {
        this.text = text;
    }

    /**
     * Whether {@code text} may be a JSON document: an object or an array between optional white space. A cheap test
     * before {@link #members}.
     */
    public static boolean mayBe(String text) {
        int a = 0;
        int b = text.length() - 1;
        while (a <= b && isSpace(text.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(text.charAt(b))) {
            b--;
        }
        if (b <= a) {
            return false;
        }
        char first = text.charAt(a);
        char last = text.charAt(b);
        return first == '{' && last == '}' || first == '[' && last == ']';
    }

    /**
     * The scalar members of {@code text} in text order when it is one JSON object or array (white space around it
     * allowed), else null: not JSON, damaged, or nested deeper than {@value #MAX_DEPTH}.
     */
    public static List<Member> members(String text) {
        if (!mayBe(text)) {
            return null;
        }
        JsonText p = new JsonText(text);
        try {
            p.space();
            p.value("", "", null, 0);
            p.space();
            return p.pos == text.length() ? p.members : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** {@code value} as a JSON string literal, quotes included: control characters and the quote escaped. */
    public static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /**
     * {@code text} with each member of {@code replaced} written as its new literal ({@code literals}, same order): the
     * members must be in text order, as {@link #members} lists them.
     */
    public static String rewrite(String text, List<Member> replaced, List<String> literals) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        int at = 0;
        for (int i = 0; i < replaced.size(); i++) {
            Member m = replaced.get(i);
            b.append(text, at, m.start()).append(literals.get(i));
            at = m.end();
        }
        return b.append(text, at, text.length()).toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void space() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private static IllegalArgumentException bad() {
        return new IllegalArgumentException("not JSON");
    }

    /** A value standing under {@code key} in an object named {@code parentKey}, whose scalar members are {@code siblings}. */
    private void value(String key, String parentKey, Map<String, String> siblings, int depth) {
        if (depth > MAX_DEPTH) {
            throw bad();
        }
        char c = text.charAt(pos);
        if (c == '{') {
            object(key, depth + 1);
        } else if (c == '[') {
            pos++;
            space();
            if (text.charAt(pos) == ']') {
                pos++;
                return;
            }
            while (true) {
                space();
                value(key, parentKey, siblings, depth + 1);
                space();
                char d = text.charAt(pos++);
                if (d == ']') {
                    return;
                }
                if (d != ',') {
                    throw bad();
                }
            }
        } else {
            int start = pos;
            Kind kind;
            String v;
            if (c == '"') {
                v = string();
                kind = Kind.STRING;
            } else if (c == '-' || c >= '0' && c <= '9') {
                number();
                v = text.substring(start, pos);
                kind = Kind.NUMBER;
            } else if (text.startsWith("true", pos) || text.startsWith("null", pos)) {
                pos += 4;
                v = text.substring(start, pos);
                kind = Kind.LITERAL;
            } else if (text.startsWith("false", pos)) {
                pos += 5;
                v = "false";
                kind = Kind.LITERAL;
            } else {
                throw bad();
            }
            Map<String, String> own = siblings == null ? Map.of() : siblings;
            members.add(new Member(key, parentKey, start, pos, kind, v, own));
            if (siblings != null && kind != Kind.LITERAL) {
                siblings.put(key, v);
            }
        }
    }

    /** An object, the value of {@code key}: its members stand in an object named {@code key}. */
    private void object(String key, int depth) {
        pos++;
        Map<String, String> own = new HashMap<>();
        space();
        if (text.charAt(pos) == '}') {
            pos++;
            return;
        }
        while (true) {
            space();
            if (text.charAt(pos) != '"') {
                throw bad();
            }
            String name = string();
            space();
            if (text.charAt(pos++) != ':') {
                throw bad();
            }
            space();
            value(name, key, own, depth);
            space();
            char d = text.charAt(pos++);
            if (d == '}') {
                return;
            }
            if (d != ',') {
                throw bad();
            }
        }
    }

    private void number() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == digits || text.charAt(digits) == '0' && pos - digits > 1) {
            throw bad();
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            int f = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == f) {
                throw bad();
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            int e = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == e) {
                throw bad();
            }
        }
        if (pos == start) {
            throw bad();
        }
    }

    /** A string literal at {@code pos}, unescaped; {@code pos} after its closing quote. */
    private String string() {
        pos++;
        StringBuilder b = null;
        int run = pos;
        while (true) {
            char c = text.charAt(pos);
            if (c == '"') {
                String s = b == null ? text.substring(run, pos) : b.append(text, run, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw bad();
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (b == null) {
                b = new StringBuilder();
            }
            b.append(text, run, pos);
            char e = text.charAt(pos + 1);
            pos += 2;
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int d = Character.digit(text.charAt(pos + i), 16);
                        if (d < 0) {
                            throw bad();
                        }
                        code = code * 16 + d;
                    }
                    pos += 4;
                    b.append((char) code);
                }
                default -> throw bad();
            }
            run = pos;
        }
    }
}

package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void membersStandUnderTheirKeyAndTheObjectThatHoldsThem() {
        String text = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\\u00fcller\",\"given\":[\"Anna\",\"Lena\"]}],"
                + "\"telecom\":[{\"system\":\"email\",\"value\":\"a@b.de\"}],\"active\":true,\"n\":-1.5e3}";
        List<JsonText.Member> m = JsonText.members(text);
        assertEquals(List.of("resourceType", "family", "given", "given", "system", "value", "active", "n"),
                m.stream().map(JsonText.Member::key).toList());
        JsonText.Member family = m.get(1);
        assertEquals("name", family.parentKey());
        assertEquals("Müller", family.value(), "escapes read");
        assertEquals("\"M\\u00fcller\"", text.substring(family.start(), family.end()), "the literal as written");
        assertEquals("email", m.get(5).sibling("system"));
        assertEquals("telecom", m.get(5).parentKey());
        assertEquals(JsonText.Kind.LITERAL, m.get(6).kind());
        assertEquals(JsonText.Kind.NUMBER, m.get(7).kind());
        assertEquals("-1.5e3", m.get(7).value());
    }

    @Test
    void anythingButOneDocumentIsNone() {
        for (String bad : new String[] {"", "plain text", "{\"a\":1", "{\"a\":1} trailing", "[1,]", "{a:1}",
                "{\"a\":01}", "{\"a\":\"\\x\"}", "{\"a\":tru}", "[\"unterminated]", "{\"a\":1}{\"b\":2}", "42"}) {
            assertNull(JsonText.members(bad), bad);
        }
        assertNull(JsonText.members("[".repeat(500) + "]".repeat(500)), "nested deeper than the limit");
        assertEquals(0, JsonText.members("  [ ]\n").size());
    }

    @Test
    void rewritingKeepsEveryOtherByteAndQuotesWhatItWrites() throws Exception {
        String text = "{ \"a\" : \"x\",\n  \"b\": [1, \"y\"], \"c\": {\"d\": \"z\"} }";
        List<JsonText.Member> m = JsonText.members(text);
        String out = JsonText.rewrite(text, List.of(m.get(0), m.get(3)), List.of(JsonText.quote("say \"hi\"\n"),
                JsonText.quote("\u0001\\")));
        assertEquals("{ \"a\" : \"say \\\"hi\\\"\\n\",\n  \"b\": [1, \"y\"], \"c\": {\"d\": \"\\u0001\\\\\"} }", out);
        assertEquals("say \"hi\"\n", JSON.readTree(out).get("a").asText());
    }

    @Test
    void randomDocumentsReadAsJacksonReadsThem() throws Exception {
        Random r = new Random(172);
        for (int i = 0; i < 2000; i++) {
            String doc = JSON.writeValueAsString(JSON.readTree(randomDocument(r, 0)));
            List<JsonText.Member> m = JsonText.members(doc);
            assertTrue(m != null, doc);
            List<String> scalars = new java.util.ArrayList<>();
            scalars(JSON.readTree(doc), scalars);
            assertEquals(scalars, m.stream().map(JsonText.Member::value).toList(), doc);
            for (JsonText.Member member : m) {
                assertEquals(member.value(), member.kind() == JsonText.Kind.STRING
                        ? JSON.readTree(doc.substring(member.start(), member.end())).asText()
                        : doc.substring(member.start(), member.end()), doc);
            }
            // a damaged copy is no document, or is read without an exception
            String cut = doc.substring(0, r.nextInt(doc.length()));
            assertFalse(JsonText.members(cut) != null && !cut.isBlank() && !isJson(cut), cut);
        }
    }

    private static void scalars(com.fasterxml.jackson.databind.JsonNode node, List<String> out) {
        if (node.isContainerNode()) {
            node.elements().forEachRemaining(e -> scalars(e, out));
        } else {
            out.add(node.isTextual() ? node.asText() : node.toString());
        }
    }

    private static boolean isJson(String s) {
        try {
            JSON.readTree(s);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String randomDocument(Random r, int depth) {
        if (depth > 0 && (depth > 3 || r.nextInt(3) == 0)) {
            return switch (r.nextInt(4)) {
                case 0 -> JsonText.quote("v" + (char) (r.nextInt(0x2ff) + 1) + "\"\\");
                case 1 -> Integer.toString(r.nextInt(1000) - 500);
                case 2 -> "null";
                default -> "0.5";
            };
        }
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(4);
        if (r.nextBoolean()) {
            b.append('{');
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(randomDocument(r, depth + 1));
            }
            return b.append('}').toString();
        }
        b.append('[');
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append(randomDocument(r, depth + 1));
        }
        return b.append(']').toString();
    }
}

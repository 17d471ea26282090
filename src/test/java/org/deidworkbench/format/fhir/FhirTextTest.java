package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cleaned document is written in its file's form: {@link FhirText#write} writes exactly the bytes of
 * {@link FhirText#render} (decision 0075), whatever the byte order mark, XML declaration, line breaks, final
 * newline and character set.
 */
class FhirTextTest {

    @Test
    void writeGivesTheRenderedBytesInEveryForm() throws Exception {
        List<String> bodies = List.of("{\"resourceType\":\"Patient\"}", "{\n  \"resourceType\": \"Patient\",\n"
                + "  \"name\": [ {\n    \"family\": \"Zoë 张 \uD83D\uDE00\"\n  } ]\n}", "<Patient xmlns=\"http://hl7.org/fhir\">\n"
                + "  <id value=\"é\"/>\n</Patient>", "", "\uD800 lone surrogate\n");
        int cases = 0;
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16)) {
            for (boolean bom : new boolean[] {false, true}) {
                for (String declaration : new String[] {null, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"}) {
                    for (boolean pretty : new boolean[] {false, true}) {
                        for (String newline : List.of("\n", "\r\n")) {
                            for (boolean finalNewline : new boolean[] {false, true}) {
                                FhirText form = new FhirText("", charset, bom, declaration, pretty, newline, finalNewline);
                                for (String body : bodies) {
                                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                                    form.write(body, out);
                                    assertArrayEquals(form.render(body), out.toByteArray(), form + " " + body);
                                    cases++;
                                }
                            }
                        }
                    }
                }
            }
        }
        assertEquals(3 * 2 * 2 * 2 * 2 * 2 * 5, cases);
    }

    @Test
    void aFileReadWithAByteOrderMarkAndCrLfIsWrittenBackSo() throws Exception {
        byte[] file = "\uFEFF{\r\n  \"resourceType\": \"Patient\"\r\n}\r\n".getBytes(StandardCharsets.UTF_8);
        FhirText text = FhirText.of(file, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text.write("{\n  \"resourceType\": \"Patient\"\n}", out);
        assertArrayEquals(file, out.toByteArray());
    }

    @Test
    void aCompactBundleWithAnEntryPerLineIsNotPretty() throws Exception {
        byte[] lines = ("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[\n"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"a\"}},\n"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"b\"}}\n]}\n").getBytes(StandardCharsets.UTF_8);
        assertFalse(FhirText.of(lines, false).pretty());
        byte[] pretty = "{\n  \"resourceType\": \"Patient\"\n}\n".getBytes(StandardCharsets.UTF_8);
        assertTrue(FhirText.of(pretty, false).pretty());
        byte[] tabs = "{\n\t\"resourceType\": \"Patient\"\n}".getBytes(StandardCharsets.UTF_8);
        assertTrue(FhirText.of(tabs, false).pretty());
        assertFalse(FhirText.of("{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8), false).pretty());
    }
}

package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class XmlTextTest {

    private static final String CDA = "<?xml version=\"1.0\"?><!-- a CCD --><ClinicalDocument xmlns=\"urn:hl7-org:v3\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><recordTarget><patientRole>"
            + "<id extension=\"884213\" root=\"2.16.840.1.113883.19.5\"/><patient><name><given>Ren&#233;e</given>"
            + "<family>O&apos;Brien</family></name><birthTime value=\"19570314\"/></patient></patientRole></recordTarget>"
            + "<component><section><text><![CDATA[Seen <with> her]]> daughter &amp; son</text></section></component>"
            + "</ClinicalDocument>";

    @Test
    void textRunsAndAttributesStandUnderTheirNames() {
        List<JsonText.Member> m = XmlText.members(CDA);
        assertEquals(List.of("extension", "root", "given", "family", "birthTime", "text", "text"),
                m.stream().map(JsonText.Member::key).toList(), "namespace declarations are no members");
        assertEquals("id", m.get(0).parentKey());
        assertEquals("2.16.840.1.113883.19.5", m.get(0).sibling("root"));
        assertEquals("name", m.get(2).parentKey());
        assertEquals("Renée", m.get(2).value(), "a character reference read");
        assertEquals("O'Brien", m.get(3).value());
        assertEquals("patient", m.get(4).parentKey(), "a value attribute holds its element's value");
        assertEquals(JsonText.Kind.ATTRIBUTE, m.get(4).kind());
        assertEquals("Seen <with> her", m.get(5).value(), "a CDATA section as written");
        assertEquals(" daughter & son", m.get(6).value());
        assertEquals("section", m.get(6).parentKey());
    }

    @Test
    void aRewrittenMemberIsEscapedForWhereItStands() {
        List<JsonText.Member> m = XmlText.members(CDA);
        String out = JsonText.rewrite(CDA, List.of(m.get(0), m.get(3)),
                List.of(XmlText.escape(CDA, m.get(0), "A\"&<B"), XmlText.escape(CDA, m.get(3), "[NAME] & <x>")));
        assertTrue(out.contains("extension=\"A&quot;&amp;&lt;B\""), out);
        assertTrue(out.contains("<family>[NAME] &amp; &lt;x&gt;</family>"), out);
        assertEquals(XmlText.members(CDA).size(), XmlText.members(out).size(), "still well-formed");
    }

    @Test
    void anythingNotWellFormedIsNone() {
        for (String bad : new String[] {"<a><b></a></b>", "<a>", "<a></a><b></b>", "<a x=1></a>", "<a>&nbsp;</a>",
                "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "<a>text", "plain", "<a><!-- open</a>", "<a>&#xZZ;</a>"}) {
            assertNull(XmlText.members(bad), bad);
        }
        assertNull(XmlText.members("<a>".repeat(300) + "</a>".repeat(300)), "nested deeper than the limit");
        assertEquals(1, XmlText.members("<?xml version='1.0'?>\n<a  b = 'c' />\n").size());
    }
}

package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A C-CDA document a DocumentReference points at (a {@code Binary} of {@code application/xml}, as US EHRs export
 * their summaries of care) is cleaned element by element, as a table's CDA cell is (decision 0216): it was scrubbed as
 * one text, which kept the author's name, the city and the whole ZIP, turned the SNOMED code and the document's time
 * into {@code [NUMBER]} and moved the template's version date and the XML Schema namespace.
 */
class CdaAttachmentTest {

    private static final String MRN = "MR-5581240";

    private static final String CDA = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
            + "  <realmCode code=\"US\"/><typeId root=\"2.16.840.1.113883.1.3\" extension=\"POCD_HD000040\"/>\n"
            + "  <templateId root=\"2.16.840.1.113883.10.20.22.1.2\" extension=\"2015-08-01\"/>\n"
            + "  <code code=\"34133-9\" codeSystem=\"2.16.840.1.113883.6.1\" displayName=\"Summarization of Episode Note\"/>\n"
            + "  <effectiveTime value=\"20230611091500-0400\"/>\n"
            + "  <recordTarget><patientRole>\n"
            + "    <id extension=\"" + MRN + "\" root=\"2.16.840.1.113883.19.5.99999.2\"/>\n"
            + "    <id extension=\"512-44-7731\" root=\"2.16.840.1.113883.4.1\"/>\n"
            + "    <addr use=\"HP\"><streetAddressLine>88 Thistledown Court</streetAddressLine><city>Saugerties</city>"
            + "<state>NY</state><postalCode>12477</postalCode></addr>\n"
            + "    <telecom value=\"tel:+1(845)555-0199\" use=\"HP\"/><telecom value=\"mailto:cfenwick@example.net\"/>\n"
            + "    <patient><name use=\"L\"><given>Cordelia</given><family>Fenwick-Aldous</family></name>"
            + "<birthTime value=\"19480229\"/>\n"
            + "      <guardian><guardianPerson><name><given>Ambrosine</given><family>Fenwick-Aldous</family></name>"
            + "</guardianPerson></guardian></patient>\n"
            + "  </patientRole></recordTarget>\n"
            + "  <author><time value=\"20230611091500-0400\"/><assignedAuthor><id extension=\"1922334455\" "
            + "root=\"2.16.840.1.113883.4.6\"/><assignedPerson><name><prefix>Dr.</prefix><given>Lysander</given>"
            + "<family>Quillfeather</family></name></assignedPerson></assignedAuthor></author>\n"
            + "  <component><structuredBody><component><section>\n"
            + "    <title>Problems</title>\n"
            + "    <text><paragraph>Mrs. Fenwick-Aldous reports polyuria; seen with her daughter on 06/11/2023."
            + "</paragraph></text>\n"
            + "    <entry><observation classCode=\"OBS\" moodCode=\"EVN\"><code code=\"44054006\" "
            + "codeSystem=\"2.16.840.1.113883.6.96\" displayName=\"Diabetes mellitus type 2\"/>"
            + "<effectiveTime><low value=\"20190601\"/></effectiveTime></observation></entry>\n"
            + "  </section></component></structuredBody></component>\n</ClinicalDocument>";

    @TempDir
    Path dir;

    @Test
    void aCdaBinaryOfADocumentKeepsItsCodesAndStructureAndLosesEveryIdentifier() throws Exception {
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", "{\"resourceType\":\"Patient\",\"id\":\"pt-cf\","
                + "\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\","
                + "\"code\":\"MR\"}]},\"system\":\"urn:oid:2.16.840.1.113883.19.5.99999.2\",\"value\":\"" + MRN + "\"}],"
                + "\"name\":[{\"family\":\"Fenwick-Aldous\",\"given\":[\"Cordelia\"]}],\"birthDate\":\"1948-02-29\"}\n");
        Path documents = FhirTestRun.write(dir, "DocumentReference.ndjson", "{\"resourceType\":\"DocumentReference\","
                + "\"id\":\"doc-ccd\",\"status\":\"current\",\"subject\":{\"reference\":\"Patient/pt-cf\"},"
                + "\"date\":\"2023-06-11T09:15:00-04:00\",\"content\":[{\"attachment\":{\"contentType\":"
                + "\"application/xml\",\"url\":\"Binary/bin-ccd\"}}]}\n");
        Path binaries = FhirTestRun.write(dir, "Binary.ndjson", "{\"resourceType\":\"Binary\",\"id\":\"bin-ccd\","
                + "\"contentType\":\"application/xml\",\"data\":\""
                + Base64.getEncoder().encodeToString(CDA.getBytes(StandardCharsets.UTF_8)) + "\"}\n");
        FhirTestRun run = FhirTestRun.safeHarbor();
        List<byte[]> out = run.run(patients, documents, binaries);
        int offset = run.engine.subject(MRN).dateOffsetDays();
        Matcher data = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(new String(out.get(2), StandardCharsets.UTF_8));
        assertTrue(data.find());
        String cda = new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8);

        for (String planted : List.of(MRN, "512-44-7731", "Thistledown", "Saugerties", "12477", "845", "cfenwick",
                "Cordelia", "Fenwick", "Ambrosine", "Lysander", "Quillfeather", "1922334455", "19480229", "20230611",
                "06/11/2023")) {
            assertFalse(cda.contains(planted), planted + " is left in the CDA");
        }
        for (String kept : List.of("xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                "<templateId root=\"2.16.840.1.113883.10.20.22.1.2\" extension=\"2015-08-01\"/>",
                "code=\"44054006\" codeSystem=\"2.16.840.1.113883.6.96\" displayName=\"Diabetes mellitus type 2\"",
                "<state>NY</state><postalCode>124</postalCode>", "<title>Problems</title>",
                "reports polyuria; seen with her daughter")) {
            assertTrue(cda.contains(kept), kept + " is not kept: " + cda);
        }
        DateTimeFormatter ymd = DateTimeFormatter.BASIC_ISO_DATE;
        String moved = LocalDate.of(2023, 6, 11).plusDays(offset).format(ymd);
        assertTrue(cda.contains("<effectiveTime value=\"" + moved + "091500-0400\"/>"),
                "the document's time moved with its patient, its time of day kept: " + cda);
        assertTrue(cda.contains("<low value=\"" + LocalDate.of(2019, 6, 1).plusDays(offset).format(ymd) + "\"/>"), cda);
        assertTrue(new String(out.get(1), StandardCharsets.UTF_8).contains("\"date\":\""
                + LocalDate.of(2023, 6, 11).plusDays(offset) + "T09:15:00-04:00\""), "the document moved alike");
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        assertEquals("ClinicalDocument", f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(cda.getBytes(StandardCharsets.UTF_8))).getDocumentElement().getLocalName(),
                "the document is still well-formed XML");
    }

    @Test
    void aPointInTimeOfAMonthIsNoDateLeftAndAYearIsTheScrubbers() throws Exception {
        TextContent.Scrubber keeps = text -> text;
        String cda = "<ClinicalDocument><effectiveTime value=\"202306\"/><low value=\"2019\"/></ClinicalDocument>";
        assertEquals("<ClinicalDocument><effectiveTime value=\"[DATE]\"/><low value=\"2019\"/></ClinicalDocument>",
                TextContent.cleanCda(cda, keeps));
    }

    @Test
    void xmlThatIsNoCdaAndACdaThatIsNotWellFormedAreScrubbedAsText() throws Exception {
        TextContent.Scrubber marks = text -> text.replace("Quillfeather", "[NAME]");
        String other = "<note><to>Dr Quillfeather</to><code code=\"Quillfeather\"/></note>";
        assertEquals("<note><to>Dr [NAME]</to><code code=\"[NAME]\"/></note>",
                new String(TextContent.scrubAttachment(other.getBytes(StandardCharsets.UTF_8), "application/xml", marks),
                        StandardCharsets.UTF_8));
        String broken = "<ClinicalDocument><title>Quillfeather</ClinicalDocument>";
        assertEquals("<ClinicalDocument><title>[NAME]</ClinicalDocument>",
                new String(TextContent.scrubAttachment(broken.getBytes(StandardCharsets.UTF_8), "text/xml", marks),
                        StandardCharsets.UTF_8));
    }
}

package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.Problem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and writing: the input's layout and encoding, bad input, attachments, marking, extensions. */
class FhirFormatTest {

    @TempDir
    Path dir;

    private String clean(String name, String text) throws Exception {
        Path in = FhirTestRun.write(dir, name, text);
        return new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
    }

    @Test
    void prettyInputGivesPrettyOutput() throws Exception {
        String out = clean("p.json", FhirFixtures.json(FhirFixtures.patient(), true));
        assertTrue(out.startsWith("{\n  \"resourceType\" : \"Patient\"") || out.startsWith("{\n  \"resourceType\": \"Patient\""));
    }

    @Test
    void compactInputGivesCompactOutput() throws Exception {
        String out = clean("p.json", FhirFixtures.json(FhirFixtures.patient(), false));
        assertFalse(out.contains("\n"));
    }

    @Test
    void sameInputAndKeyGiveIdenticalBytes() throws Exception {
        String text = FhirFixtures.json(FhirFixtures.transaction(), true);
        assertEquals(clean("a.json", text), clean("b.json", text));
    }

    @Test
    void xmlKeepsItsDeclaredCharacterSet() throws Exception {
        Patient p = FhirFixtures.patient();
        p.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Größe und Gewicht gemessen</div>");
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + FhirFixtures.xml(p, true);
        Path in = dir.resolve("p.xml");
        Files.write(in, xml.getBytes(Charset.forName("ISO-8859-1")));
        byte[] out = FhirTestRun.safeHarbor().run(in).get(0);
        String text = new String(out, Charset.forName("ISO-8859-1"));
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Patient"));
        assertTrue(text.contains("Größe"), "a Latin-1 character is written in Latin-1");
    }

    @Test
    void malformedJsonIsAFileErrorThatQuotesNothing() throws Exception {
        Path in = FhirTestRun.write(dir, "bad.json", "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Hortensia\" \"x\"}]}");
        FormatException e = assertThrows(FormatException.class, () -> FhirTestRun.safeHarbor().run(in));
        assertEquals("FHIR-PARSE-ERROR", e.code());
        assertFalse((e.getMessage() + e.location()).contains("Hortensia"));
    }

    @Test
    void invalidUtf8IsAFileErrorAndAnEncodedReplacementCharacterIsRead() throws Exception {
        byte[] head = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"Weight ".getBytes(
                StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        Path bad = dir.resolve("bad.json");
        Files.write(bad, concat(head, new byte[] {(byte) 0xC3, (byte) 0x28}, tail)); // a lead byte without its follower
        FormatException e = assertThrows(FormatException.class, () -> FhirTestRun.safeHarbor().run(bad));
        assertEquals("FHIR-ENCODING", e.code());
        Path good = dir.resolve("good.json");
        Files.write(good, concat(head, "\uFFFD kg".getBytes(StandardCharsets.UTF_8), tail));
        String out = new String(FhirTestRun.safeHarbor().run(good).get(0), StandardCharsets.UTF_8);
        assertTrue(out.contains("Weight \uFFFD kg"), out);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void unknownResourceTypeIsAFileError() throws Exception {
        Path in = FhirTestRun.write(dir, "bad.json", "{\"resourceType\":\"Hortensia\",\"id\":\"1\"}");
        FormatException e = assertThrows(FormatException.class, () -> FhirTestRun.safeHarbor().run(in));
        assertEquals("FHIR-UNKNOWN-RESOURCE-TYPE", e.code());
        assertFalse(e.getMessage().contains("Hortensia"));
    }

    @Test
    void valueOfTheWrongTypeIsAFileErrorThatQuotesNothing() throws Exception {
        Path in = FhirTestRun.write(dir, "bad.json", "{\"resourceType\":\"Patient\",\"active\":\"Hortensia\"}");
        FormatException e = assertThrows(FormatException.class, () -> FhirTestRun.safeHarbor().run(in));
        assertEquals("FHIR-INVALID-VALUE", e.code());
        assertFalse((e.getMessage() + e.location()).contains("Hortensia"));
    }

    @Test
    void invalidReferenceIsAFileErrorNamingThePlace() throws Exception {
        Patient p = FhirFixtures.patient();
        p.addGeneralPractitioner().setReference("Hortensia's doctor");
        Path in = FhirTestRun.write(dir, "p.json", FhirFixtures.json(p, false));
        FormatException e = assertThrows(FormatException.class, () -> FhirTestRun.safeHarbor().run(in));
        assertEquals("FHIR-INVALID-REFERENCE", e.code());
        assertTrue(e.location().contains("Patient.generalPractitioner"), e.location());
        assertFalse((e.getMessage() + e.location()).contains("Hortensia"));
    }

    @Test
    void badNdjsonLineIsLeftOutAndReportedByNumber() throws Exception {
        String good = FhirFixtures.json(FhirFixtures.patient(), false);
        Path in = FhirTestRun.write(dir, "x.ndjson", good + "\n{\"resourceType\":\"Patient\",\"name\":Hortensia}\n" + good + "\n");
        FhirTestRun run = FhirTestRun.safeHarbor();
        String out = new String(run.run(in).get(0), StandardCharsets.UTF_8);
        assertEquals(2, out.lines().count());
        List<Problem> warnings = run.lastStats.warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).location().startsWith("line 2"), warnings.get(0).location());
        assertFalse(warnings.get(0).toString().contains("Hortensia"));
    }

    @Test
    void textAttachmentIsScrubbedInsideItsBase64() throws Exception {
        String out = clean("b.json", FhirFixtures.json(FhirFixtures.transaction(), false));
        org.hl7.fhir.r4.model.Bundle b = (org.hl7.fhir.r4.model.Bundle) Fhir.context().newJsonParser().parseResource(out);
        DocumentReference doc = (DocumentReference) b.getEntry().get(4).getResource();
        String text = new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Discharge summary for [NAME]"), "the text is kept around the scrubbed name");
    }

    @Test
    void aBirthDateOverEightyNineYearsBackInTextIsRemovedNotShifted() throws Exception {
        String out = clean("b.json", FhirFixtures.json(FhirFixtures.transaction(), false));
        org.hl7.fhir.r4.model.Bundle b = (org.hl7.fhir.r4.model.Bundle) Fhir.context().newJsonParser().parseResource(out);
        DocumentReference doc = (DocumentReference) b.getEntry().get(4).getResource();
        String text = new String(doc.getContentFirstRep().getAttachment().getData(), StandardCharsets.UTF_8);
        // The patient's birthDate in the note's notation is a known identifier (decision 0074): [DOB], not a shift.
        assertTrue(text.contains("DOB [DOB]"), "a shifted 1931 would still tell an age over 89");
    }

    @Test
    void binaryAttachmentIsRemoved() throws Exception {
        String out = clean("b.json", FhirFixtures.json(FhirFixtures.transaction(), false));
        org.hl7.fhir.r4.model.Bundle b = (org.hl7.fhir.r4.model.Bundle) Fhir.context().newJsonParser().parseResource(out);
        DocumentReference doc = (DocumentReference) b.getEntry().get(4).getResource();
        assertFalse(doc.getContent().get(1).getAttachment().hasData());
        assertEquals("image/png", doc.getContent().get(1).getAttachment().getContentType());
    }

    @Test
    void metaSecurityNamesWhatWasDone() throws Exception {
        Patient p = (Patient) FhirReferenceTest.parse(clean("p.json", FhirFixtures.json(FhirFixtures.patient(), false))
                .getBytes(StandardCharsets.UTF_8));
        List<String> codes = p.getMeta().getSecurity().stream()
                .filter(c -> c.getSystem().equals(ResourceCleaner.SECURITY_SYSTEM)).map(Coding::getCode).toList();
        assertEquals(List.of("ABSTRED", "PSEUDED", "REDACTED"), codes);
    }

    @Test
    void extensionsOutsideTheKeepListAreDropped() throws Exception {
        Patient p = (Patient) FhirReferenceTest.parse(clean("p.json", FhirFixtures.json(FhirFixtures.patient(), false))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex"),
                p.getExtension().stream().map(e -> e.getUrl()).toList());
    }

    /**
     * US Core race as Synthea writes it: a complex extension whose parts have simple names as URLs. Kept with its
     * parts (it was dropped whole: its parts are not in the keep list, and an extension left with nothing is removed),
     * on the JSON token path and through HAPI (XML); a part with a URI of its own is still decided by the policy.
     */
    @Test
    void aKeptComplexExtensionKeepsItsParts() throws Exception {
        Patient in = FhirFixtures.patient();
        Extension race = new Extension("http://hl7.org/fhir/us/core/StructureDefinition/us-core-race");
        race.addExtension(new Extension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", "2106-3", "White")));
        race.addExtension(new Extension("text", new org.hl7.fhir.r4.model.StringType("White")));
        race.addExtension(new Extension("http://example.org/fhir/not-kept", new org.hl7.fhir.r4.model.StringType("x")));
        in.addExtension(race);
        String json = clean("p.json", FhirFixtures.json(in, false));
        String xml = clean("p.xml", Fhir.context().newXmlParser().encodeResourceToString(in));
        for (Patient p : List.of((Patient) FhirReferenceTest.parse(json.getBytes(StandardCharsets.UTF_8)),
                (Patient) Fhir.context().newXmlParser().parseResource(xml))) {
            assertEquals(List.of("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race"),
                    p.getExtension().stream().map(e -> e.getUrl()).toList());
            Extension kept = p.getExtension().get(1);
            assertEquals(List.of("ombCategory", "text"), kept.getExtension().stream().map(e -> e.getUrl()).toList());
            assertEquals("2106-3", ((Coding) kept.getExtension().get(0).getValue()).getCode());
            assertEquals("White", kept.getExtension().get(1).getValue().primitiveValue());
        }
    }

    /**
     * Synthea types every identifier ("Medical Record Number", "Passport Number"). The type of a removed identifier
     * describes it and is shared by every patient: it is no known identifier, so "Medical Record Number" of the kept
     * MRN stays whole (it became "Medical Record [ID-NUMBER]"), while the removed passport's value is still scrubbed
     * from the narrative. On the JSON token path and through HAPI (XML).
     */
    @Test
    void theTypeOfARemovedIdentifierIsNoKnownIdentifier() throws Exception {
        Patient in = FhirFixtures.patient();
        in.getIdentifier().clear();
        in.addIdentifier().setSystem("http://hospital.example.org/mrn").setValue("4711-0815")
                .getType().setText("Medical Record Number").addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("MR").setDisplay("Medical Record Number");
        in.addIdentifier().setSystem("http://standardhealthrecord.org/fhir/StructureDefinition/passportNumber")
                .setValue("X19416767X").getType().setText("Passport Number").addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v2-0203").setCode("PPN").setDisplay("Passport Number");
        in.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Passport Number X19416767X</p></div>");
        String json = clean("p.json", FhirFixtures.json(in, false));
        String xml = clean("p.xml", Fhir.context().newXmlParser().encodeResourceToString(in));
        for (Patient p : List.of((Patient) FhirReferenceTest.parse(json.getBytes(StandardCharsets.UTF_8)),
                (Patient) Fhir.context().newXmlParser().parseResource(xml))) {
            assertEquals(1, p.getIdentifier().size(), "the passport is removed");
            assertEquals("Medical Record Number", p.getIdentifierFirstRep().getType().getText());
            assertEquals("Medical Record Number", p.getIdentifierFirstRep().getType().getCodingFirstRep().getDisplay());
            assertEquals("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Passport Number [ID-NUMBER]</p></div>",
                    p.getText().getDivAsString());
        }
    }

    @Test
    void birthDateOverEightyNineYearsBecomesTheLimitYear() throws Exception {
        Patient p = (Patient) FhirReferenceTest.parse(clean("p.json", FhirFixtures.json(FhirFixtures.patient(), false))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("1936", p.getBirthDateElement().getValueAsString());
    }

    @Test
    void narrativeIsScrubbedAndStaysXhtml() throws Exception {
        Patient p = (Patient) FhirReferenceTest.parse(clean("p.json", FhirFixtures.json(FhirFixtures.patient(), false))
                .getBytes(StandardCharsets.UTF_8));
        // "Given <b>Family</b>" is read as one text with its inline element (decision 0168): the whole name is one
        // match, its replacement where it began, the emptied <b> kept
        assertEquals("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>[NAME]<b/>, [ADDRESS], born [DOB]</p></div>",
                p.getText().getDivAsString());
    }

    @Test
    void previewShowsEachResourceAsATreeBeforeAndAfter() throws Exception {
        Path in = FhirTestRun.write(dir, "b.json", FhirFixtures.json(FhirFixtures.transaction(), true));
        var engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
        FhirProcessor p = new FhirProcessor(engine, false);
        p.scan(in, "b.json", () -> false);
        engine.freezeIdentifiers();
        org.deidworkbench.model.FilePreview preview = p.preview(in, "b.json", 3, () -> false);
        assertEquals(org.deidworkbench.model.FilePreview.Layout.TREE, preview.layout());
        assertEquals(List.of("Bundle", "entry 1 (Patient)", "entry 2 (Practitioner)"),
                preview.records().stream().map(org.deidworkbench.model.PreviewRecord::label).toList());
        assertTrue(preview.truncated());
        org.deidworkbench.model.PreviewField name = preview.records().get(1).fields().stream()
                .filter(f -> f.name().equals("name")).findFirst().orElseThrow().children().stream()
                .filter(f -> f.name().equals("family")).findFirst().orElseThrow();
        assertEquals("Quagmire-Blythe", name.original());
        assertEquals(org.deidworkbench.model.PreviewField.Change.REMOVED, name.change());
        assertEquals("names", name.ruleId());
    }

    @Test
    void base64OfAnAttachmentIsDecodedForTheLeakCheck() {
        String b64 = Base64.getEncoder().encodeToString("Hortensia".getBytes(StandardCharsets.UTF_8));
        assertThrows(AssertionError.class, () -> FhirTestRun.assertNoIdentifier("{\"data\":\"" + b64 + "\"}",
                List.of("Hortensia")));
        assertArrayEquals(new byte[0], new byte[0]);
    }
}

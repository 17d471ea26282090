package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0172: a CSV cell that holds a JSON document — a data lake's table of FHIR resources, an application's event
 * log — is cleaned member by member. The session-start build scrubbed it as prose: it kept the names, the record number,
 * the town and the zip code standing under their keys, and wrote {@code [NUMBER]} and {@code [URL]} over the codes and
 * code systems a researcher needs.
 */
class JsonInCellsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values that must leave every output byte. */
    private static final List<String> PLANTED = List.of("Bartholomew", "Quenneville", "884213", "Larkspur",
            "Poughkeepsie", "12601", "212-555-0187", "bquenn@example.org", "Szczepanski", "Henrietta", "Walburga",
            "551907", "123-45-6789", "Wintergreen", "Kingston", "Ulster", "12401", "845-555-0142", "Featherstonehaugh",
            "Oswin", "1957-03-14", "1949-11-02");

    @TempDir
    Path dir;

    /** A CSV cell holding {@code value}, quoted. */
    private static String cell(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A document written compactly, as a database writes one ({@code '} for {@code "}). */
    private static String json(String document) throws Exception {
        return JSON.writeValueAsString(JSON.readTree(document.replace('\'', '"')));
    }

    private Path lake() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String appEvent = json("{'patient': {'first_name': 'Bartholomew', 'last_name': 'Quenneville', 'dob': '1957-03-14',"
                + " 'mrn': '884213', 'address': {'street': '17 Larkspur Avenue', 'city': 'Poughkeepsie', 'state': 'NY',"
                + " 'zip': '12601'}, 'phone': '212-555-0187', 'email': 'bquenn@example.org'}, 'event': 'admit',"
                + " 'ward': '4B', 'count': 3}");
        String patient = json("{'resourceType': 'Patient', 'id': 'pat-2', 'name': [{'use': 'official', 'family':"
                + " 'Szczepanski', 'given': ['Henrietta', 'Maria']}], 'gender': 'female', 'birthDate': '1949-11-02',"
                + " 'address': [{'line': ['903 Wintergreen Road'], 'city': 'Kingston', 'district': 'Ulster',"
                + " 'state': 'NY', 'postalCode': '12401', 'country': 'US'}], 'identifier': [{'system':"
                + " 'http://hospital.example.org/mrn', 'value': '551907'}, {'system': 'http://hl7.org/fhir/sid/us-ssn',"
                + " 'value': '123-45-6789'}], 'generalPractitioner': [{'display': 'Dr. Oswin Featherstonehaugh'}],"
                + " 'contact': [{'name': {'text': 'Walburga Szczepanski'}, 'telecom': [{'system': 'phone', 'value':"
                + " '845-555-0142'}]}]}");
        String condition = json("{'resourceType': 'Condition', 'subject': {'reference': 'Patient/pat-2'}, 'code':"
                + " {'coding': [{'system': 'http://snomed.info/sct', 'code': '44054006', 'display': 'Diabetes mellitus"
                + " type 2'}, {'system': 'http://hl7.org/fhir/sid/icd-10-cm', 'code': 'E11.9'}]}, 'onsetDateTime':"
                + " '2019-06-01', 'recorder': {'display': 'Featherstonehaugh, Oswin'}, 'note': [{'text': 'Seen with"
                + " her daughter.'}]}");
        String observation = json("{'resourceType': 'Observation', 'status': 'final', 'code': {'coding': [{'system':"
                + " 'http://loinc.org', 'code': '8867-4', 'display': 'Heart rate'}]}, 'valueQuantity': {'value': 72,"
                + " 'unit': '/min', 'system': 'http://unitsofmeasure.org', 'code': '/min'}, 'effectiveDateTime':"
                + " '2023-05-04T10:00:00Z'}");
        StringBuilder csv = new StringBuilder("patient_id,resource_type,resource_json\n");
        for (String[] row : new String[][] {{"P1", "Event", appEvent}, {"P2", "Patient", patient},
                {"P2", "Condition", condition}, {"P2", "Observation", observation}}) {
            csv.append(row[0]).append(',').append(row[1]).append(',').append(cell(row[2])).append('\n');
        }
        Files.writeString(in.resolve("resources.csv"), csv.toString(), StandardCharsets.UTF_8);
        // another table's note names the patient without a cue: known only from the JSON Patient resource
        Files.writeString(in.resolve("notes.csv"), "note_id,patient_id,note_text\n"
                + "1,P2,Szczepanski reported chest pain at 03:00.\n", StandardCharsets.UTF_8);
        return in;
    }

    private static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(csv)).getRecords();
    }

    @Test
    void aJsonDocumentInACellLosesItsIdentifiersAndKeepsItsCodes() throws Exception {
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(lake(), out, key, ProfileLoader.read("csv-template"));
        String resources = Files.readString(out.resolve("resources.csv"), StandardCharsets.UTF_8);
        String notes = Files.readString(out.resolve("notes.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(), NoteRuns.left(PLANTED, resources, notes), resources + notes);
        List<CSVRecord> rows = records(resources);
        JsonNode event = JSON.readTree(rows.get(0).get("resource_json"));
        JsonNode patient = JSON.readTree(rows.get(1).get("resource_json"));
        JsonNode condition = JSON.readTree(rows.get(2).get("resource_json"));
        JsonNode observation = JSON.readTree(rows.get(3).get("resource_json"));
        // what the researcher keeps: codes, systems, displays of codes, values, units, state, structure
        assertEquals("admit", event.get("event").asText());
        assertEquals(3, event.get("count").asInt());
        assertEquals("NY", event.at("/patient/address/state").asText());
        assertEquals("126", event.at("/patient/address/zip").asText(), "a zip code to three digits, as its column");
        assertEquals("124", patient.at("/address/0/postalCode").asText());
        assertEquals("http://snomed.info/sct", condition.at("/code/coding/0/system").asText());
        assertEquals("44054006", condition.at("/code/coding/0/code").asText());
        assertEquals("Diabetes mellitus type 2", condition.at("/code/coding/0/display").asText());
        assertEquals("E11.9", condition.at("/code/coding/1/code").asText());
        assertEquals("Seen with her daughter.", condition.at("/note/0/text").asText());
        assertEquals("8867-4", observation.at("/code/coding/0/code").asText());
        assertEquals("Heart rate", observation.at("/code/coding/0/display").asText());
        assertEquals(72, observation.at("/valueQuantity/value").asInt());
        assertEquals("/min", observation.at("/valueQuantity/unit").asText());
        assertEquals("http://hl7.org/fhir/sid/us-ssn", patient.at("/identifier/1/system").asText());
        assertEquals("female", patient.get("gender").asText());
        assertEquals(2, patient.at("/name/0/given").size(), "the document keeps its shape");
        // the patient's record number is pseudonymized as a record number column is, dates are shifted
        assertTrue(patient.at("/identifier/0/value").asText().matches("[0-9A-Z]{12}"), patient.toString());
        assertFalse(condition.get("onsetDateTime").asText().equals("2019-06-01"));
        assertTrue(condition.get("onsetDateTime").asText().matches("\\d{4}-\\d{2}-\\d{2}"), condition.toString());
        assertTrue(records(notes).get(0).get("note_text").endsWith("reported chest pain at 03:00."), notes);
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
    }

    @Test
    void aTableOfResourcesWithoutAPatientColumnFindsThePatientInTheDocuments() throws Exception {
        // a FHIR gateway's resources table (id, type, data, last_updated_at), exported as it is: no patient column
        Path in = Files.createDirectories(dir.resolve("in"));
        String patient = json("{'resourceType': 'Patient', 'id': 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6', 'name':"
                + " [{'family': 'Szczepanski', 'given': ['Henrietta']}], 'birthDate': '1949-11-02',"
                + " 'managingOrganization': {'reference': 'Organization/o1', 'display': 'Mercy Valley Health System'}}");
        String encounter = json("{'resourceType': 'Encounter', 'id': 'e1', 'subject': {'reference':"
                + " 'Patient/f81d4fae-7dec-11d0-a765-00a0c91e6bf6'}, 'period': {'start': '2023-05-04'},"
                + " 'reasonCode': [{'text': 'Szczepanski fell at home'}]}");
        Files.writeString(in.resolve("resources.csv"), "id,type,data,last_updated_at\n"
                + "f81d4fae-7dec-11d0-a765-00a0c91e6bf6,Patient," + cell(patient) + ",2024-03-01\n"
                + "e1,Encounter," + cell(encounter) + ",2024-03-01\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String csv = Files.readString(out.resolve("resources.csv"), StandardCharsets.UTF_8);
        assertFalse(csv.contains("Szczepanski") || csv.contains("Henrietta") || csv.contains("f81d4fae"), csv);
        List<CSVRecord> rows = records(csv);
        JsonNode p = JSON.readTree(rows.get(0).get("data"));
        JsonNode e = JSON.readTree(rows.get(1).get("data"));
        assertEquals("Patient/" + p.get("id").asText(), e.at("/subject/reference").asText(), "the rows still join");
        assertEquals("Mercy Valley Health System", p.at("/managingOrganization/display").asText());
        assertEquals("[NAME] fell at home", e.at("/reasonCode/0/text").asText(), "known from the Patient's row");
        assertFalse(e.at("/period/start").asText().equals("2023-05-04"), "the patient's dates are shifted");
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
    }

    @Test
    void aResourceInATableGetsTheIdItGetsInAFhirFileAndAPatientItsPseudonym() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String patient = json("{'resourceType': 'Patient', 'id': 'pat-77', 'name': [{'family': 'Quenneville'}]}");
        String encounter = json("{'resourceType': 'Encounter', 'id': 'enc-5', 'status': 'finished', 'class': {'system':"
                + " 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'code': 'AMB'}, 'subject': {'reference':"
                + " 'Patient/pat-77'}}");
        Files.createDirectories(in.resolve("fhir"));
        Files.writeString(in.resolve("fhir/Patient.ndjson"), patient + "\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("fhir/Encounter.ndjson"), encounter + "\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("resources.csv"), "id,type,data\n"
                + "pat-77,Patient," + cell(patient) + "\n"
                + "enc-5,Encounter," + cell(encounter) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        JsonNode filePatient = JSON.readTree(Files.readString(out.resolve("fhir/Patient.ndjson")));
        JsonNode fileEncounter = JSON.readTree(Files.readString(out.resolve("fhir/Encounter.ndjson")));
        List<CSVRecord> rows = records(Files.readString(out.resolve("resources.csv"), StandardCharsets.UTF_8));
        JsonNode cellPatient = JSON.readTree(rows.get(0).get("data"));
        JsonNode cellEncounter = JSON.readTree(rows.get(1).get("data"));
        assertEquals(fileEncounter.get("id").asText(), cellEncounter.get("id").asText());
        assertFalse(cellEncounter.get("id").asText().contains("enc-5"));
        // a Patient is named by the patient's pseudonym, as a patient column names it: the table's rows join on it
        assertEquals("Patient/" + cellPatient.get("id").asText(), cellEncounter.at("/subject/reference").asText());
        assertFalse(cellPatient.get("id").asText().equals(filePatient.get("id").asText()));
        assertTrue(NoteRuns.clean(out, key), "no original id beside the pseudonymized id column");
    }

    @Test
    void theVerifierFindsWhatAJsonCellStillHolds() throws Exception {
        Path in = lake();
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.copy(in.resolve("resources.csv"), planted.resolve("resources.csv"));
        List<String> hits = NoteRuns.hits(planted, key);
        assertTrue(hits.stream().filter(h -> h.contains("resource_json")).count() >= 4, () -> "found at " + hits);
    }

    @Test
    void theVerifierReadsADocumentsNumbersAsValuesNotAsWordsOfText() throws Exception {
        // a table keyed by UUIDs: the key column's originals are in the key file, their digit groups looked for alone
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("resources.csv"), "id,type,data\n"
                + "209186d6-3990-d711-9ace-5bb2bcf80f7f,Observation," + cell(json("{'resourceType': 'Observation',"
                + " 'status': 'final'}")) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        Path other = Files.createDirectories(dir.resolve("other"));
        // a Synthea Patient's quality-adjusted life years: 53.209186, by chance the UUID's first digits
        Files.writeString(other.resolve("resources.csv"), "id,data\nX1," + cell(json("{'resourceType': 'Patient',"
                + " 'extension': [{'url': 'http://synthetichealth.github.io/synthea/quality-adjusted-life-years',"
                + " 'valueDecimal': 53.209186}], 'gender': 'female'}")) + "\n",
                StandardCharsets.UTF_8);
        assertEquals(List.of(), NoteRuns.hits(other, key), "a document's number is a value, as in a FHIR file");
        Files.writeString(other.resolve("resources.csv"), "id,data\nX1," + cell(json("{'resourceType': 'Observation',"
                + " 'note': [{'text': 'see the old record 209186d6-3990-d711-9ace-5bb2bcf80f7f'}]}"))
                + "\n", StandardCharsets.UTF_8);
        assertEquals(1, NoteRuns.hits(other, key).size(), "the whole original in a document's text is found");
    }

    @Test
    void aCdaDocumentInACellLosesItsIdentifiersAndKeepsItsCodes() throws Exception {
        // an interface engine's message table: a CCD per row, as Mirth or an HIE keeps it
        String cda = ("<?xml version='1.0' encoding='UTF-8'?><ClinicalDocument xmlns='urn:hl7-org:v3'>"
                + "<code code='34133-9' codeSystem='2.16.840.1.113883.6.1' displayName='Summarization of Episode Note'/>"
                + "<effectiveTime value='20230506143000-0500'/><recordTarget><patientRole>"
                + "<id extension='884213' root='2.16.840.1.113883.19.5.99999.2'/>"
                + "<id extension='123-45-6789' root='2.16.840.1.113883.4.1'/><addr use='HP'><streetAddressLine>17"
                + " Larkspur Avenue</streetAddressLine><city>Poughkeepsie</city><state>NY</state><postalCode>12601"
                + "</postalCode></addr><telecom value='tel:+1(212)555-0187' use='HP'/><telecom"
                + " value='mailto:bquenn@example.org'/><patient><name><given>Bartholomew</given><family>Quenneville"
                + "</family></name><administrativeGenderCode code='M' codeSystem='2.16.840.1.113883.5.1'/>"
                + "<birthTime value='19570314'/><guardian><guardianPerson><name><given>Walburga</given><family>"
                + "Quenneville</family></name></guardianPerson></guardian></patient></patientRole></recordTarget>"
                + "<author><time value='20230506143000-0500'/><assignedAuthor><assignedPerson><name><given>Oswin"
                + "</given><family>Featherstonehaugh</family></name></assignedPerson></assignedAuthor></author>"
                + "<component><structuredBody><component><section><title>Problems</title><text>Quenneville has type 2"
                + " diabetes.</text><entry><observation classCode='OBS' moodCode='EVN'><code code='44054006'"
                + " codeSystem='2.16.840.1.113883.6.96' displayName='Diabetes mellitus type 2'/><effectiveTime><low"
                + " value='20190601'/></effectiveTime></observation></entry></section></component></structuredBody>"
                + "</component></ClinicalDocument>").replace('\'', '"');
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("documents.csv"), "doc_id,patient_id,document_xml\nD1,P001,"
                + cell(cda) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String doc = records(Files.readString(out.resolve("documents.csv"), StandardCharsets.UTF_8)).get(0)
                .get("document_xml");
        List<String> left = new ArrayList<>();
        for (String planted : PLANTED) {
            if (doc.contains(planted) || doc.contains(planted.replace("-", ""))) {
                left.add(planted);
            }
        }
        assertEquals(List.of(), left, doc);
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new org.xml.sax.InputSource(new StringReader(doc)));
        assertEquals("ClinicalDocument", xml.getDocumentElement().getTagName(), "still well-formed");
        for (String kept : new String[] {"code=\"44054006\"", "codeSystem=\"2.16.840.1.113883.6.96\"",
                "displayName=\"Diabetes mellitus type 2\"", "displayName=\"Summarization of Episode Note\"",
                "<title>Problems</title>", "has type 2 diabetes.", "<state>NY</state>", "<postalCode>126</postalCode>",
                "root=\"2.16.840.1.113883.4.1\""}) {
            assertTrue(doc.contains(kept), kept + " in " + doc);
        }
        assertFalse(doc.contains("20230506") || doc.contains("20190601"), "points in time shifted: " + doc);
        assertTrue(doc.matches("(?s).*<effectiveTime value=\"\\d{14}-0500\"/>.*"), doc);
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.copy(in.resolve("documents.csv"), planted.resolve("documents.csv"));
        assertTrue(NoteRuns.hits(planted, key).size() >= 5, "the verifier reads the document's members");
    }

    @Test
    void anHtmlNoteIsTextWithMarkupNotADocument() throws Exception {
        // decision 0168: a name split by formatting runs is one word, which a document's text runs would not be
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,last_name\nP1,Quenneville\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("notes.csv"), "note_id,patient_id,note_html\n"
                + "1,P1,<div><p>Seen <b>Quen</b>neville today.</p></div>\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        NoteRuns.run(in, out, dir.resolve("k.deidkey"), ProfileLoader.read("csv-template"));
        String notes = Files.readString(out.resolve("notes.csv"), StandardCharsets.UTF_8);
        assertFalse(notes.contains("Quen") || notes.contains("neville"), notes);
        assertTrue(notes.contains("<div><p>") && notes.contains("</b> today.</p></div>"), notes);
    }

    @Test
    void aDocumentWrittenInsideAJsonStringIsReadAsOne() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String inner = "{\"patient\":{\"last_name\":\"Quenneville\",\"mrn\":\"884213\"},\"code\":\"I10\"}";
        String outer = JSON.writeValueAsString(java.util.Map.of("type", "ADT", "body", inner));
        Files.writeString(in.resolve("log.csv"), "patient_id,payload\nP1," + cell(outer) + "\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        NoteRuns.run(in, out, dir.resolve("k.deidkey"), ProfileLoader.read("csv-template"));
        String log = Files.readString(out.resolve("log.csv"), StandardCharsets.UTF_8);
        assertFalse(log.contains("Quenneville") || log.contains("884213"), log);
        JsonNode body = JSON.readTree(JSON.readTree(records(log).get(0).get("payload")).get("body").asText());
        assertEquals("[NAME]", body.at("/patient/last_name").asText());
        assertEquals("I10", body.get("code").asText());
    }

    @Test
    void aDamagedDocumentIsScrubbedAsText() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("log.csv"), "patient_id,payload\n"
                + "P1,\"{\"\"note\"\": \"\"Pt Bartholomew Quenneville called from 212-555-0187\"\", \"\"cut\"\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        NoteRuns.run(in, out, dir.resolve("k.deidkey"), ProfileLoader.read("csv-template"));
        String log = Files.readString(out.resolve("log.csv"), StandardCharsets.UTF_8);
        assertFalse(log.contains("Quenneville") || log.contains("212-555-0187"), log);
        assertTrue(log.contains("\"\"cut"), log);
    }
}

package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0210: a Cerner Millennium extract keeps a person's MRN, FIN and SSN as rows of {@code PERSON_ALIAS}
 * ({@code ALIAS} under {@code ALIAS_POOL_CD}/{@code PERSON_ALIAS_TYPE_CD}), and every other table refers to the person
 * by {@code PERSON_ID}. The classifier removed {@code ALIAS} whole: the MRN that the PACS's images and the FHIR server's
 * Patient carry was lost, so nothing joined the person's tables to them, and the person had two date offsets (the
 * tables' under {@code PERSON_ID}, the FHIR record's under the MRN). Read as a name/value table, an MRN row's alias is
 * the patient's pseudonym, the same as in FHIR, and links the two ids, so every table and format moves by one offset;
 * an SSN row's is the national id rule's label, a FIN row's a pseudonym of its own rule. Synthetic data.
 */
class AliasTableTest {

    private static final DateTimeFormatter ORACLE = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH);
    private static final String[] LAST = {"HALVORSEN-PRYCE", "QUIMBLEWORTH", "OKONJO", "PENNYWHISTLE", "VANTREASE",
        "OTTERSBY"};
    private static final String[] FIRST = {"BRYNJA", "XANDER", "DESMOND", "TOBIAH", "MILDRED", "EBERHARD"};

    @Test
    void anMrnRowKeepsThePatientsPseudonymAndOneOffsetAcrossTablesAndFormats(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("cerner"));
        StringBuilder person = new StringBuilder("PERSON_ID,NAME_LAST_KEY,NAME_FIRST_KEY,BIRTH_DT_TM,SEX_CD\n");
        StringBuilder alias = new StringBuilder(
                "PERSON_ALIAS_ID,PERSON_ID,ALIAS_POOL_CD,PERSON_ALIAS_TYPE_CD,ALIAS,BEG_EFFECTIVE_DT_TM,ACTIVE_IND\n");
        StringBuilder encounter = new StringBuilder("ENCNTR_ID,PERSON_ID,ENCNTR_TYPE_CD,REG_DT_TM\n");
        int people = 6;
        for (int p = 0; p < people; p++) {
            String id = (18830412 + p * 565) + ".00";
            person.append(id).append(',').append(LAST[p].replace("-", "")).append(',').append(FIRST[p]).append(',')
                    .append(oracle(LocalDate.of(1940 + p * 5, 1 + p, 3 + p))).append(',').append(p % 2 == 0 ? "Female" : "Male")
                    .append('\n');
            String begin = oracle(LocalDate.of(2015, 1 + p, 1));
            alias.append(30551207 + p * 21).append(".00,").append(id).append(",MRN,MRN,").append(mrn(p)).append(',')
                    .append(begin).append(",1\n");
            alias.append(30551214 + p * 21).append(".00,").append(id).append(",FIN NBR,FIN NBR,").append(987654321 + p * 7)
                    .append(',').append(begin).append(",1\n");
            alias.append(30551221 + p * 21).append(".00,").append(id).append(",SSN,SSN,").append(512447913 + p * 11)
                    .append(',').append(begin).append(",1\n");
            encounter.append(40112233 + p).append(',').append(id).append(",Inpatient,")
                    .append(oracle(LocalDate.of(2023, 3, 1 + p))).append('\n');
        }
        Files.writeString(in.resolve("person.csv"), person, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("person_alias.csv"), alias, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("encounter.csv"), encounter, StandardCharsets.UTF_8);
        // the first person's record on the FHIR server, under the MRN: an encounter on the day of the Cerner one
        Files.writeString(in.resolve("patient-0.json"), "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"fullUrl\":\"urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e\",\"resource\":{\"resourceType\":\"Patient\","
                + "\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\","
                + "\"code\":\"MR\"}]},\"value\":\"" + mrn(0) + "\"}]}},"
                + "{\"resource\":{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"code\":\"IMP\"},"
                + "\"subject\":{\"reference\":\"urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e\"},"
                + "\"period\":{\"start\":\"2023-03-01\"}}}]}", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), "alias-table-test".toCharArray());

        List<CSVRecord> aliasOut = SampleData.records(out.resolve("person_alias.csv"));
        assertTrue(aliasOut.get(0).isMapped("ALIAS"), "the alias column is kept: " + aliasOut.get(0).toMap().keySet());
        JsonNode bundle = new ObjectMapper().readTree(out.resolve("patient-0.json").toFile());
        String fhirMrn = bundle.get("entry").get(0).get("resource").get("identifier").get(0).get("value").asText();
        assertNotEquals(mrn(0), fhirMrn);
        assertEquals(fhirMrn, aliasOut.get(0).get("ALIAS"), "the MRN row holds the patient's pseudonym, as in FHIR");
        for (int p = 0; p < people; p++) {
            assertTrue(aliasOut.get(3 * p + 2).get("ALIAS").matches("\\[[A-Z-]+]"), "an SSN row: a label");
            assertFalse(aliasOut.get(3 * p + 1).get("ALIAS").contains(String.valueOf(987654321 + p * 7)), "a FIN row");
        }

        List<CSVRecord> encountersIn = SampleData.records(in.resolve("encounter.csv"));
        List<CSVRecord> encountersOut = SampleData.records(out.resolve("encounter.csv"));
        Map<Integer, Long> offsets = new HashMap<>();
        for (int p = 0; p < people; p++) {
            offsets.put(p, SampleData.daysBetween(iso(encountersIn.get(p).get("REG_DT_TM")),
                    iso(encountersOut.get(p).get("REG_DT_TM"))));
        }
        String start = bundle.get("entry").get(1).get("resource").get("period").get("start").asText();
        assertEquals(offsets.get(0), SampleData.daysBetween("2023-03-01", start),
                "the FHIR record under the MRN moves with the person's Cerner tables");
        assertNotEquals(1, new java.util.HashSet<>(offsets.values()).size(), "people keep offsets of their own");
        String written = Files.readString(out.resolve("person_alias.csv"));
        for (int p = 0; p < people; p++) {
            assertFalse(written.contains(mrn(p)) || written.contains(String.valueOf(512447913 + p * 11)));
        }
    }

    /**
     * Epic Clarity's {@code IDENTITY_ID} joined with its type's name: the same reading. The MRN rows are the patients'
     * pseudonyms, the SSN rows labels, and a type the profile names nothing for ({@code EPI}) keeps the column's own
     * decision (here a pseudonym: the analysis takes {@code IDENTITY_ID} for the table's key).
     */
    @Test
    void anEpicIdentityTableWithItsTypesNamesIsReadTheSameWay(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("clarity"));
        StringBuilder ids = new StringBuilder("PAT_ID,LINE,IDENTITY_ID,IDENTITY_TYPE_NAME\n");
        StringBuilder mrns = new StringBuilder("MRN,ADMIT_DATE\n");
        for (int p = 0; p < 5; p++) {
            String patId = "Z" + (7401230 + p * 17);
            ids.append(patId).append(",1,").append(mrn(p)).append(",MRN\n");
            ids.append(patId).append(",2,").append(100443210 + p).append(",EPI\n");
            ids.append(patId).append(",3,").append(613204477 + p * 3).append(",SSN\n");
            mrns.append(mrn(p)).append(",2023-04-0").append(1 + p).append('\n');
        }
        Files.writeString(in.resolve("IDENTITY_ID.csv"), ids, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("radiology_admits.csv"), mrns, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), "alias-table-test".toCharArray());
        List<CSVRecord> idsOut = SampleData.records(out.resolve("IDENTITY_ID.csv"));
        List<CSVRecord> admitsOut = SampleData.records(out.resolve("radiology_admits.csv"));
        for (int p = 0; p < 5; p++) {
            assertEquals(admitsOut.get(p).get("MRN"), idsOut.get(3 * p).get("IDENTITY_ID"), "the MRN joins");
            assertNotEquals(mrn(p), idsOut.get(3 * p).get("IDENTITY_ID"));
            assertFalse(idsOut.get(3 * p + 1).get("IDENTITY_ID").contains(String.valueOf(100443210 + p)), "an EPI row");
            assertTrue(idsOut.get(3 * p + 2).get("IDENTITY_ID").matches("\\[[A-Z-]+]"), "an SSN row: a label");
        }
    }

    private static String mrn(int p) {
        return String.valueOf(4471205 + p * 131);
    }

    private static String oracle(LocalDate d) {
        return ORACLE.format(d.atTime(8, 30)).toUpperCase(Locale.ROOT);
    }

    private static String iso(String oracle) {
        return LocalDate.parse(oracle.substring(0, 11), new java.time.format.DateTimeFormatterBuilder()
                .parseCaseInsensitive().appendPattern("dd-MMM-yyyy").toFormatter(Locale.ENGLISH)).toString();
    }
}

package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0120: an i2b2 star schema. Before, {@code observation_fact.provider_id} ({@code LCS-I2B2:D000109064}, a few
 * providers over many facts) was kept in clear as a category while {@code provider_dimension} pseudonymized its key, so
 * the facts no longer joined their provider; {@code instance_num}, the number of a fact's part, was removed as an id;
 * {@code name_char} ({@code Szabo, Ferenc MD}) and the provider's path kept the name. The data are synthetic; failure
 * messages name tables, columns and rows, never values.
 */
class I2b2StarSchemaTest {

    private static final char[] PASSPHRASE = "i2b2-star-schema-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void factsJoinTheirProviderAndKeepTheirPartNumbers() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("provider_dimension.csv"), """
                provider_id,provider_path,name_char
                LCS-I2B2:D000109064,"\\i2b2\\Providers\\Endocrinology\\Achebe-Lowry, Constance MD\\","Achebe-Lowry, Constance MD"
                LCS-I2B2:D000112280,"\\i2b2\\Providers\\Cardiology\\Szabo, Ferenc MD\\","Szabo, Ferenc MD"
                """, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("patient_dimension.csv"), """
                patient_num,birth_date,sex_cd
                1000000017,1950-02-03 00:00:00,F
                1000000023,1962-07-21 00:00:00,M
                """, StandardCharsets.UTF_8);
        StringBuilder facts = new StringBuilder("encounter_num,patient_num,concept_cd,provider_id,start_date,modifier_cd,"
                + "instance_num,valtype_cd,tval_char,nval_num,units_cd\n");
        String[] concepts = {"ICD10:E11.9", "LOINC:4548-4", "NDC:00378018001", "LOINC:2160-0"};
        for (int i = 0; i < 12; i++) {
            facts.append(472901 + i / 4).append(',').append(i < 8 ? "1000000017" : "1000000023").append(',')
                    .append(concepts[i % 4]).append(',').append(i % 3 == 0 ? "LCS-I2B2:D000112280" : "LCS-I2B2:D000109064")
                    .append(",2023-03-0").append(1 + i / 4).append(" 09:00:00,@,").append(1 + i % 2).append(",N,E,")
                    .append(i + 1).append(".5,mg/dL\n");
        }
        facts.append("472904,1000000023,NOTE:CLINIC,LCS-I2B2:D000112280,2023-03-04 16:20:00,@,1,T,")
                .append("Seen by Dr. Szabo. Pt Lindqvist-Abara reachable at 508-555-0119.,,\n");
        Files.writeString(in.resolve("observation_fact.csv"), facts.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);

        for (String f : List.of("provider_dimension.csv", "observation_fact.csv")) {
            String text = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            for (String planted : List.of("D000109064", "D000112280", "Achebe-Lowry", "Constance", "Szabo", "Ferenc",
                    "Lindqvist", "1000000017")) {
                assertFalse(text.contains(planted), f + ": a planted identifier is in the output");
            }
        }
        List<CSVRecord> providers = SampleData.records(out.resolve("provider_dimension.csv"));
        List<CSVRecord> rows = SampleData.records(out.resolve("observation_fact.csv"));
        List<String> keys = providers.stream().map(r -> r.get("provider_id")).toList();
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(keys.contains(rows.get(i).get("provider_id")), "observation_fact.csv row " + i + " provider_id joins");
        }
        assertNotEquals(rows.get(0).get("provider_id"), rows.get(1).get("provider_id"), "two providers keep two ids");
        assertTrue(rows.get(0).isMapped("instance_num"), "instance_num is kept as a column");
        List<String> parts = rows.stream().map(r -> r.get("instance_num")).toList();
        for (int i = 0; i < 12; i++) {
            assertEquals(Integer.toString(1 + i % 2), parts.get(i), "instance_num row " + i);
            assertEquals(i + 1 + ".5", rows.get(i).get("nval_num"), "nval_num row " + i);
        }
        assertEquals(List.of("ICD10:E11.9", "LOINC:4548-4"), List.of(rows.get(0).get("concept_cd"), rows.get(1).get("concept_cd")));
    }
}

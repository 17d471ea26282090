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
 * Decision 0111: an identifier that repeats in its table but is unique with a part number (Epic's {@code NOTE_ID} over
 * its {@code LINE}s, a Medicare claim's {@code CLM_ID} over its {@code SEGMENT}s) is the table's key with that number:
 * pseudonymized, the same on every part, so the researcher can put a note or a claim back together. Before, it was an
 * unknown identifier and removed, and the lines of two notes of one visit could no longer be told apart. The data are
 * synthetic; failure messages name columns and rows, never values.
 */
class PartNumberedRowsTest {

    private static final char[] PASSPHRASE = "part-numbered-rows-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aNoteIdOverItsLinesIsPseudonymizedAlikeOnEveryLine() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        // two notes of one encounter: only NOTE_ID (not NOTE_CSN_ID) is unique with LINE
        Files.writeString(in.resolve("HNO_NOTE_TEXT.csv"), """
                NOTE_ID,NOTE_CSN_ID,PAT_ID,LINE,NOTE_TEXT,CONTACT_DATE
                1500987,700012345678,Z1043387,1,"Seen today, T2DM.",2023-01-09 00:00:00
                1500987,700012345678,Z1043387,2,"Discharge to home.",2023-01-09 00:00:00
                1500988,700012345678,Z1043387,1,"Nursing note, stable.",2023-01-09 00:00:00
                1500988,700012345678,Z1043387,2,"Ambulating.",2023-01-09 00:00:00
                1500988,700012345678,Z1043387,3,"No complaints.",2023-01-09 00:00:00
                1501555,700012555500,Z3318840,1,"Septic shock.",2023-05-20 00:00:00
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("HNO_NOTE_TEXT.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("1500987", "1500988", "1501555", "Z1043387", "700012345678")) {
            assertFalse(text.contains(planted), "a planted identifier is in HNO_NOTE_TEXT.csv");
        }
        List<CSVRecord> notes = SampleData.records(out.resolve("HNO_NOTE_TEXT.csv"));
        assertTrue(notes.get(0).isMapped("NOTE_ID"), "NOTE_ID is kept as a column");
        String first = notes.get(0).get("NOTE_ID");
        String second = notes.get(2).get("NOTE_ID");
        assertFalse(first.isEmpty(), "NOTE_ID row 1 has a pseudonym");
        assertEquals(first, notes.get(1).get("NOTE_ID"), "NOTE_ID rows 1 and 2 (one note)");
        assertEquals(second, notes.get(3).get("NOTE_ID"), "NOTE_ID rows 3 and 4 (one note)");
        assertEquals(second, notes.get(4).get("NOTE_ID"), "NOTE_ID rows 3 and 5 (one note)");
        assertNotEquals(first, second, "two notes of one encounter keep two ids");
        assertNotEquals(second, notes.get(5).get("NOTE_ID"), "notes of two patients keep two ids");
        assertEquals(List.of("1", "2", "1", "2", "3", "1"), notes.stream().map(r -> r.get("LINE")).toList(), "LINE");
    }

    @Test
    void aClaimIdOverItsSegmentsIsPseudonymizedAlikeOnEverySegment() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("inpatient_claims.csv"), """
                DESYNPUF_ID,CLM_ID,SEGMENT,CLM_FROM_DT,CLM_THRU_DT,ICD9_DGNS_CD_1,CLM_PMT_AMT
                00013D2EFD8E45D1,196661176988405,1,20100312,20100313,4580,4000.00
                00013D2EFD8E45D1,196661176988405,2,20100312,20100313,4580,0.00
                00016F745862898F,196201177000368,1,20090412,20090418,7866,26000.00
                00016F745862898F,196661177015632,1,20090831,20090902,6186,5000.00
                00016F745862898F,196661177015632,2,20090831,20090902,6186,0.00
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("inpatient_claims.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("196661176988405", "196201177000368", "196661177015632", "00013D2EFD8E45D1")) {
            assertFalse(text.contains(planted), "a planted identifier is in inpatient_claims.csv");
        }
        List<CSVRecord> claims = SampleData.records(out.resolve("inpatient_claims.csv"));
        assertTrue(claims.get(0).isMapped("CLM_ID"), "CLM_ID is kept as a column");
        assertEquals(claims.get(0).get("CLM_ID"), claims.get(1).get("CLM_ID"), "CLM_ID segments 1 and 2 of one claim");
        assertEquals(claims.get(3).get("CLM_ID"), claims.get(4).get("CLM_ID"), "CLM_ID segments 1 and 2 of one claim");
        assertNotEquals(claims.get(2).get("CLM_ID"), claims.get(3).get("CLM_ID"), "two claims of one beneficiary");
        assertFalse(claims.get(0).get("CLM_ID").isEmpty(), "CLM_ID row 1 has a pseudonym");
        assertEquals("4580", claims.get(0).get("ICD9_DGNS_CD_1"), "the diagnosis code is kept");
    }

    @Test
    void anIdThatRepeatsWithItsLineNumberOrBesideATextLineIsNotAKey() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        // TRANSFER_ID repeats with the same LINE: no part key; ADDRESS_LINE_1 is text, not a part number
        Files.writeString(in.resolve("transfers.csv"), """
                TRANSFER_ID,LINE,ADDRESS_LINE_1,UNIT
                88201937,1,12 Elm Ave,ICU
                88201937,1,12 Elm Ave,Ward 4
                88201940,1,877 Oak St,ICU
                """);
        Files.writeString(in.resolve("contacts.csv"), """
                CONTACT_ID,ADDRESS_LINE_1,RELATION
                55120001,12 Elm Ave,spouse
                55120001,877 Oak St,daughter
                55120002,4 Birch Rd,son
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        for (String f : List.of("transfers.csv", "contacts.csv")) {
            String text = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            for (String planted : List.of("88201937", "88201940", "55120001", "55120002")) {
                assertFalse(text.contains(planted), f + ": a planted identifier is in the output");
            }
            assertFalse(SampleData.records(out.resolve(f)).get(0).isMapped(f.startsWith("t") ? "TRANSFER_ID" : "CONTACT_ID"),
                    f + ": a repeating identifier without a part number is removed, as before");
        }
    }
}

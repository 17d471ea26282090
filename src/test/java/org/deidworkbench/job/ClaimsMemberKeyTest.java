package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payer's claims extract keyed by {@code MEMBER_ID} (decision 0173's second finding). The session-start build removed
 * the member id as an insurance number and took the claim number, unique per row, for the patient: every claim had its
 * own date offset, so a member's claims drifted apart, the member's birth date came out different on every claim (their
 * mean tells the true one), and nothing joined a member's claims.
 */
class ClaimsMemberKeyTest {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    Path dir;

    @Test
    void aMembersClaimsKeepOneKeyOneBirthDateAndTheirIntervals() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder claims = new StringBuilder("MEMBER_ID|MEMBER_LAST|MEMBER_FIRST|DOB|SSN|CLAIM_NO|SVC_FROM|SVC_TO"
                + "|DX1|CPT|BILLED_AMT\n");
        String[][] members = {{"M00912345", "WHITFIELD", "JOANNE", "19580312", "123-45-6789"},
            {"M00912352", "ODUYA", "FEMI", "19720715", "234-56-7890"}};
        int claim = 0;
        for (int day = 1; day <= 25; day += 3) {
            for (String[] m : members) {
                String date = String.format("202303%02d", day);
                claims.append(String.join("|", m[0], m[1], m[2], m[3], m[4], String.format("C2023%06d", ++claim), date,
                        date, claim % 2 == 0 ? "E119" : "I10", "99213", "120.00")).append('\n');
            }
        }
        Files.writeString(in.resolve("claims.txt"), claims.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String written = Files.readString(out.resolve("claims.txt"), StandardCharsets.UTF_8);
        for (String planted : List.of("M00912345", "M00912352", "WHITFIELD", "JOANNE", "ODUYA", "FEMI", "19580312",
                "19720715", "123-45-6789", "234-56-7890")) {
            assertFalse(written.contains(planted), planted);
        }
        List<CSVRecord> before = CSVFormat.DEFAULT.builder().setDelimiter('|').setHeader().build()
                .parse(new StringReader(claims.toString())).getRecords();
        List<CSVRecord> after = CSVFormat.DEFAULT.builder().setDelimiter('|').setHeader().build()
                .parse(new StringReader(written)).getRecords();
        Map<String, Set<String>> keys = new HashMap<>();
        Map<String, Set<String>> births = new HashMap<>();
        Map<String, Set<Long>> offsets = new HashMap<>();
        for (int i = 0; i < before.size(); i++) {
            String member = before.get(i).get("MEMBER_ID");
            keys.computeIfAbsent(member, m -> new HashSet<>()).add(after.get(i).get("MEMBER_ID"));
            births.computeIfAbsent(member, m -> new HashSet<>()).add(after.get(i).get("DOB"));
            offsets.computeIfAbsent(member, m -> new HashSet<>()).add(ChronoUnit.DAYS.between(
                    LocalDate.parse(before.get(i).get("SVC_FROM"), BASIC),
                    LocalDate.parse(after.get(i).get("SVC_FROM"), BASIC)));
        }
        for (String[] m : members) {
            assertEquals(1, keys.get(m[0]).size(), "one pseudonym per member: " + keys);
            assertTrue(keys.get(m[0]).iterator().next().matches("[0-9A-Z]{12}"), keys.toString());
            assertEquals(1, births.get(m[0]).size(), "one birth date per member: " + births);
            assertEquals(1, offsets.get(m[0]).size(), "one date offset per member: " + offsets);
        }
        assertEquals("E119", after.get(1).get("DX1"));
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
    }
}

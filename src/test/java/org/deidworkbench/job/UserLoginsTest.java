package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0197: the login of the user who entered, changed or signed a row ({@code ENTERED_BY akittredge}), a member
 * of staff's name as the system writes it, was kept as a category beside the staff's names, which are removed. It is
 * pseudonymized in the domain {@code user}, so a researcher still groups rows by who entered them; a column after
 * another "by" ({@code PAID_BY medicare}) stays. Synthetic data.
 */
class UserLoginsTest {

    private static final String[] LOGINS = {"akittredge", "pabernathy", "gwinterbourne", "rmacavity", "i.thorncastle2"};

    @Test
    void aUsersLoginIsPseudonymizedAndRowsStillGroupByIt(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("ehr");
        Files.createDirectories(in);
        StringBuilder csv = new StringBuilder("NOTE_ID,PAT_ID,NOTE_DATE,ENTERED_BY,LastModifiedBy,PAID_BY,NOTE_TEXT\n");
        for (int i = 0; i < 40; i++) {
            csv.append(900_000 + i).append(",Z").append(4_800_000 + i % 12).append(",2023-0").append(1 + i % 9)
                    .append("-1").append(i % 10).append(',').append(LOGINS[i % 5]).append(',').append(LOGINS[(i + 2) % 5])
                    .append(',').append(i % 3 == 0 ? "medicare" : "self").append(",Patient seen for follow-up.\n");
        }
        Files.writeString(in.resolve("notes.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), "user-logins-test".toCharArray());
        String written = Files.readString(out.resolve("notes.csv"));
        for (String login : LOGINS) {
            assertFalse(written.contains(login), login);
        }
        List<CSVRecord> rowsIn = SampleData.records(in.resolve("notes.csv"));
        List<CSVRecord> rowsOut = SampleData.records(out.resolve("notes.csv"));
        Map<String, String> pseudonym = new HashMap<>();
        for (int i = 0; i < rowsIn.size(); i++) {
            String before = pseudonym.putIfAbsent(rowsIn.get(i).get("ENTERED_BY"), rowsOut.get(i).get("ENTERED_BY"));
            assertTrue(before == null || before.equals(rowsOut.get(i).get("ENTERED_BY")), "one login, one pseudonym");
        }
        for (int i = 0; i < rowsIn.size(); i++) {
            assertEquals(pseudonym.get(rowsIn.get(i).get("LastModifiedBy")), rowsOut.get(i).get("LastModifiedBy"),
                    "the same user in both columns is the same pseudonym");
            assertNotEquals(rowsIn.get(i).get("ENTERED_BY"), rowsOut.get(i).get("ENTERED_BY"));
            assertEquals(rowsIn.get(i).get("PAID_BY"), rowsOut.get(i).get("PAID_BY"), "a payer is no user");
        }
        assertEquals(5, pseudonym.size());
    }
}

package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0221: a state immunization information system's export, one row per dose. The session-start build removed
 * the child's registry id ({@code IIS_ID}) with a warning that it linked to no table, so a child's doses no longer
 * joined; removed the vaccines' lot numbers, which a safety study needs, and the twins' birth order; and kept the
 * birth facility, whose name holds the county ({@code Kittitas Valley Healthcare}), as a category.
 */
class ImmunizationRegistryTest {

    @TempDir
    Path dir;

    @Test
    void aChildsDosesJoinAndKeepTheirLotsAndIntervals() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("iis_export.csv"), "IIS_ID,PATIENT_FIRST_NAME,PATIENT_LAST_NAME,BIRTH_DATE,"
                + "BIRTH_ORDER,BIRTH_FACILITY,VACCINE_CVX,ADMIN_DATE,LOT_NUMBER,MVX\n"
                + "7700419305,Thaddeus,Vantassel,2022-11-03,1,Kittitas Valley Healthcare,08,2022-11-04,X3K82,MSD\n"
                + "7700419305,Thaddeus,Vantassel,2022-11-03,1,Kittitas Valley Healthcare,20,2023-01-05,U7016AA,PMC\n"
                + "7700418822,Zander,Hollenbeck,2023-02-14,2,Valley Regional Medical Center,20,2023-04-18,U7016AA,PMC\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        RunResult r = NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String text = Files.readString(out.resolve("iis_export.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(), NoteRuns.left(List.of("7700419305", "7700418822", "Thaddeus", "Vantassel", "Zander",
                "Hollenbeck", "Kittitas", "Valley Regional"), text), text);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(text)).getRecords();
        assertEquals(rows.get(0).get("IIS_ID"), rows.get(1).get("IIS_ID"));
        assertTrue(!rows.get(0).get("IIS_ID").equals(rows.get(2).get("IIS_ID")));
        assertEquals(List.of("X3K82", "U7016AA", "U7016AA"), rows.stream().map(x -> x.get("LOT_NUMBER")).toList());
        assertEquals(List.of("1", "1", "2"), rows.stream().map(x -> x.get("BIRTH_ORDER")).toList());
        assertTrue(!rows.get(0).isMapped("BIRTH_FACILITY"));
        // the registry id ties each child's rows (before, no column did: one offset for every child of the file), and
        // one offset per child keeps the second dose 63 days after birth
        assertEquals(2, r.subjects());
        assertEquals(63, ChronoUnit.DAYS.between(LocalDate.parse(rows.get(1).get("BIRTH_DATE")),
                LocalDate.parse(rows.get(1).get("ADMIN_DATE"))));
        assertEquals(List.of(), NoteRuns.problems(r, "UNRESOLVED-LINK"));
        assertTrue(NoteRuns.clean(out, key));
    }
}

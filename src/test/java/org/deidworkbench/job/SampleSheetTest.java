package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0219: a sequencing core's sample sheets, as Illumina's software writes and reads them. The session-start
 * build wrote each [Header] line's label and value into one quoted field ({@code "IEMFileVersion,4"}), which no
 * demultiplexer reads; kept the investigator's name and the proband's parents' given names in the sample names
 * ({@code Danuta_[NAME]_mother}); and removed the index adapters' names ({@code N701}, {@code S502}) and the plate
 * as identifiers, with a warning that they linked to no table.
 */
class SampleSheetTest {

    static final String SHEET = "[Header],,,,,,,,,\r\n"
            + "IEMFileVersion,4,,,,,,,,\r\n"
            + "Investigator Name,Helga Brandstetter,,,,,,,,\r\n"
            + "Date,3/14/2024,,,,,,,,\r\n"
            + "Assay,Nextera DNA Flex,,,,,,,,\r\n"
            + "Description,Trio for proband Marek Kowalczyk DOB 1987-06-02 MRN 70044812,,,,,,,,\r\n"
            + ",,,,,,,,,\r\n"
            + "[Reads],,,,,,,,,\r\n"
            + "151,,,,,,,,,\r\n"
            + ",,,,,,,,,\r\n"
            + "[Data],,,,,,,,,\r\n"
            + "Sample_ID,Sample_Name,Sample_Plate,Sample_Well,I7_Index_ID,index,I5_Index_ID,index2,Sample_Project,"
            + "Description\r\n"
            + "KOW-70044812-P,Marek_Kowalczyk_proband,PL0042,A01,N701,TAAGGCGA,S502,CTCTCTAT,WES_2024_03,proband affected\r\n"
            + "KOW-70044813-M,Danuta_Kowalczyk_mother,PL0042,B01,N702,CGTACTAG,S502,CTCTCTAT,WES_2024_03,"
            + "mother unaffected\r\n"
            + "KOW-70044814-F,Tadeusz_Kowalczyk_father,PL0042,C01,N703,AGGCAGAA,S502,CTCTCTAT,WES_2024_03,"
            + "father unaffected\r\n";

    private static final List<String> PLANTED = List.of("Brandstetter", "Helga", "Kowalczyk", "Marek", "Danuta",
            "Tadeusz", "70044812", "70044813", "70044814", "1987-06-02", "3/14/2024");

    @TempDir
    Path dir;

    @Test
    void aSampleSheetRunAloneKeepsItsLayoutAndItsReagentsAndLosesItsPeople() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("SampleSheet.csv"), SHEET, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        RunResult r = NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String text = Files.readString(out.resolve("SampleSheet.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(), NoteRuns.left(PLANTED, text));
        List<String> lines = List.of(text.split("\r\n"));
        // a label and its value stay two fields, padded as before
        assertEquals("IEMFileVersion,4,,,,,,,,", lines.get(1));
        assertEquals("Investigator Name,[NAME],,,,,,,,", lines.get(2));
        assertEquals("Assay,Nextera DNA Flex,,,,,,,,", lines.get(4));
        assertTrue(lines.get(5).startsWith("Description,Trio for proband [NAME] [NAME] DOB "), lines.get(5));
        assertEquals("[Reads],,,,,,,,,", lines.get(7));
        assertEquals("Sample_ID,Sample_Name,Sample_Plate,Sample_Well,I7_Index_ID,index,I5_Index_ID,index2,Sample_Project,"
                + "Description", lines.get(11));
        String[] row = lines.get(14).split(",", -1);
        assertEquals(List.of("[NAME]_[NAME]_father", "PL0042", "C01", "N703", "AGGCAGAA", "S502", "CTCTCTAT",
                "WES_2024_03", "father unaffected"), List.of(row).subList(1, row.length));
        assertEquals(List.of(), NoteRuns.problems(r, "UNRESOLVED-LINK"));
        assertTrue(NoteRuns.clean(out, key));
    }

    /**
     * A NovaSeq X sheet (v2: sections without padding, two data sections) beside the biobank's table of patients: the
     * sample ids, which hold the patient's MRN, come out with the MRN's pseudonym in both sections and in the library
     * name, so they still join each other and the patient's rows; the run named after the patient loses the name.
     */
    @Test
    void aNovaSeqSheetBesideItsPatientsKeepsItsSamplesJoined() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,mrn,last_name,first_name,birth_date\n"
                + "BB-0002,55102938,Oyelaran,Adebayo,1979-08-14\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("SampleSheet_NovaSeqX.csv"), "[Header]\nFileFormatVersion,2\n"
                + "RunName,NOVASEQ_2024-05-21_Oyelaran_Adebayo_tumor\n"
                + "RunDescription,Adebayo Oyelaran relapse; ordered by Dr. Ingeborg Falkenrath\n\n"
                + "[BCLConvert_Data]\nLane,Sample_ID,Index,Index2\n1,ONC-55102938-T,GAACTGAGCG,TCGTGGAGCG\n\n"
                + "[Cloud_Data]\nSample_ID,ProjectName,LibraryName\n"
                + "ONC-55102938-T,Oyelaran_relapse,ONC-55102938-T_GAACTGAGCG_TCGTGGAGCG\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String text = Files.readString(out.resolve("SampleSheet_NovaSeqX.csv"), StandardCharsets.UTF_8);
        String patients = Files.readString(out.resolve("patients.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(), NoteRuns.left(List.of("Oyelaran", "Adebayo", "Falkenrath", "55102938", "2024-05-21"),
                text, patients));
        String mrn = patients.split("\n")[1].split(",")[1];
        assertTrue(text.contains("1,ONC-" + mrn + "-T,GAACTGAGCG,TCGTGGAGCG\n"), text);
        assertTrue(text.contains("ONC-" + mrn + "-T,[NAME]_relapse,ONC-" + mrn + "-T_GAACTGAGCG_TCGTGGAGCG"), text);
        assertTrue(text.contains("RunDescription,[NAME] [NAME] relapse; ordered by Dr. [NAME]\n"), text);
        assertTrue(NoteRuns.clean(out, key));
    }
}

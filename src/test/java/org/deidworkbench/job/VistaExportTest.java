package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.deid.classify.FileManDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0181: a VA export with the default profile — the Corporate Data Warehouse's tables keyed by
 * {@code PatientSID} (with the VistA {@code PatientIEN} and the enterprise {@code PatientICN}), a TIU note table, a
 * VistA lab extract keyed by the {@code DFN} with FileMan dates ({@code 3230312.1445}), and a FileMan export file
 * ({@code ^} between fields, dates as {@code FEB 14,1931}). The lab's dates move by the patient's offset and stay
 * FileMan dates, its DFN joins the warehouse's PatientIEN, the FileMan file is read, and the notes lose what VistA
 * writes. The data are synthetic; failure messages name files and columns, never values.
 */
class VistaExportTest {

    private static final char[] PASSPHRASE = "vista-export-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aVistaExportKeepsItsJoinsAndIntervalsAndLosesWhatVistaWrites() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("SPatient.csv"), """
                PatientSID,PatientIEN,Sta3n,PatientICN,PatientName,PatientSSN,DateOfBirth,Gender,PatientLast4
                1400012345,7169812,663,1012345678V123456,"QUACKENBUSH,ELDRIDGE T",543219876,1931-02-14 00:00:00.000,M,Q9876
                1400012346,7169813,663,1012349921V654321,"FAIRWEATHER,PRUDENCE A",412558903,1952-07-30 00:00:00.000,F,F8903
                1400012347,7169814,663,1012350007V998877,"DUNSWORTH,CORNELIUS",301667214,1968-11-05 00:00:00.000,M,D7214
                """);
        Files.writeString(in.resolve("Outpat_Visit.csv"), """
                VisitSID,PatientSID,Sta3n,VisitDateTime,LocationName,PrimaryDiagnosisCode
                800091234,1400012345,663,2023-03-12 14:30:00.000,SEA PRIMARY CARE,I10
                800091235,1400012346,663,2023-03-14 09:00:00.000,SEA CARDIOLOGY,I50.22
                800091236,1400012347,663,2023-03-15 10:45:00.000,SEA MH CLINIC,F43.10
                """);
        Files.writeString(in.resolve("TIU_TIUDocument.csv"), """
                TIUDocumentSID,PatientSID,ReferenceDateTime,ReportText
                9000001,1400012345,2023-03-12 14:30:00.000,"DATE OF NOTE: MAR 12, 2023@14:30
                Patient: QUACKENBUSH,ELDRIDGE T   DOB: FEB 14,1931 (92)
                RTC MAR 29,2023@10:00.
                /es/ AMBROSE THISTLEWAITE"
                9000002,1400012346,2023-03-14 09:00:00.000,"Pt FAIRWEATHER, PRUDENCE. Last 4 8903. ICN 1012349921V654321.
                Receipt Acknowledged By: 03/14/2023 13:01  /es/ GUNNAR HALVORSEN"
                """);
        Files.writeString(in.resolve("LAB_FM.csv"), """
                DFN,ACCESSION,DATE/TIME SPECIMEN TAKEN,TEST,RESULT,UNITS
                7169812,CH 0312 14,3230312.1445,POTASSIUM,4.1,mmol/L
                7169813,CH 0314 3,3230314.0905,BNP,1840,pg/mL
                7169814,CH 0315 22,3230315.1102,GLUCOSE,112,mg/dL
                """);
        Files.writeString(in.resolve("PATIENT_FM.txt"), """
                NAME^SEX^DATE OF BIRTH^SOCIAL SECURITY NUMBER^CITY^ZIP CODE
                QUACKENBUSH,ELDRIDGE T^MALE^FEB 14,1931^543219876^PUYALLUP^98371
                FAIRWEATHER,PRUDENCE A^FEMALE^JUL 30,1952^412558903^TACOMA^98403
                DUNSWORTH,CORNELIUS^MALE^NOV 5,1968^301667214^LAKEWOOD^98499
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);

        for (String f : List.of("SPatient.csv", "Outpat_Visit.csv", "TIU_TIUDocument.csv", "LAB_FM.csv",
                "PATIENT_FM.txt")) {
            String text = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            for (String planted : List.of("QUACKENBUSH", "FAIRWEATHER", "DUNSWORTH", "THISTLEWAITE", "HALVORSEN",
                    "543219876", "412558903", "1012345678V123456", "1012349921V654321", "7169812", "7169813",
                    "1400012345", "8903", "FEB 14,1931", "JUL 30,1952", "2310214", "(92)", "PUYALLUP")) {
                assertFalse(text.contains(planted), f + ": a planted identifier is in the output");
            }
        }
        List<CSVRecord> patients = SampleData.records(out.resolve("SPatient.csv"));
        List<CSVRecord> visits = SampleData.records(out.resolve("Outpat_Visit.csv"));
        List<CSVRecord> labs = SampleData.records(out.resolve("LAB_FM.csv"));
        for (int i = 0; i < 3; i++) {
            // the lab's DFN is the warehouse's PatientIEN: one pseudonym, so the tables still join
            assertEquals(patients.get(i).get("PatientIEN"), labs.get(i).get("DFN"), "LAB_FM.csv row " + (i + 1));
            // the specimen was taken the day of the visit: after the shift too, one offset per patient
            LocalDate visit = LocalDate.parse(visits.get(i).get("VisitDateTime").substring(0, 10));
            String taken = labs.get(i).get("DATE/TIME SPECIMEN TAKEN");
            assertEquals(visit, FileManDates.date(taken), "LAB_FM.csv row " + (i + 1) + ": the specimen's day");
            assertTrue(taken.matches("\\d{7}\\.\\d{4}"), "LAB_FM.csv row " + (i + 1) + ": a FileMan date with its time");
        }
        assertTrue(ChronoUnit.DAYS.between(LocalDate.of(2023, 3, 12), FileManDates.date(labs.get(0)
                .get("DATE/TIME SPECIMEN TAKEN"))) != 0, "LAB_FM.csv row 1: the date is shifted");

        List<String> fileMan = Files.readAllLines(out.resolve("PATIENT_FM.txt"), StandardCharsets.UTF_8);
        assertEquals("SEX^DATE OF BIRTH^ZIP CODE", fileMan.get(0), "PATIENT_FM.txt: read with ^, identifiers removed");
        assertEquals("MALE^<=1936^983", fileMan.get(1), "PATIENT_FM.txt row 1: sex kept, the birth date of a 92-year-old"
                + " aggregated, the ZIP code's three digits");
        assertEquals(4, fileMan.size(), "PATIENT_FM.txt: every row written");

        String notes = Files.readString(out.resolve("TIU_TIUDocument.csv"), StandardCharsets.UTF_8);
        assertTrue(notes.contains("DOB: [DOB] (90+)"), "the birth date and the age over 89 in the note");
        assertTrue(notes.contains("/es/ [NAME] [NAME]"), "the electronic signatures' names");
        // the last four of the SSN go; the ICN, a key of the patient's, becomes its pseudonym as in SPatient.csv
        assertTrue(notes.contains("Last 4 [ID]. ICN " + patients.get(1).get("PatientICN") + "."),
                "the last four of the SSN and the ICN");
    }
}

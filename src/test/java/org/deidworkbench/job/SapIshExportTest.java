package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0114: a German hospital export in SAP IS-H's conventions (Windows-1252, {@code ;}, CRLF, {@code dd.MM.yyyy},
 * decimal commas; {@code PATNR} and {@code FALNR} as ten-digit zero-padded register numbers; discharge letters in
 * German). Before, both numbers were classified as plain numbers and kept in clear in every table, the letters' dates
 * became {@code [DATE]} (their case did not join a patient), and "(91 Jahre)" kept an age over 89. The data are
 * synthetic; failure messages name tables, columns and rows, never values.
 */
class SapIshExportTest {

    private static final char[] PASSPHRASE = "sap-ish-export-test-passphrase".toCharArray();
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private static final DateTimeFormatter DE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @TempDir
    Path dir;

    private static void write(Path file, String... lines) throws Exception {
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", CP1252);
    }

    private static List<String[]> rows(Path file) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, CP1252)) {
            out.add(line.split(";", -1));
        }
        return out;
    }

    @Test
    void registerNumbersArePseudonymizedAndJoinAndTheLettersFollowTheirPatient() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        write(in.resolve("PATIENTEN.csv"),
                "PATNR;NACHNAME;VORNAME;GEBDAT;GESCHLECHT;STRASSE;PLZ;ORT;TELEFON;KASSE;VERSNR",
                "0000412233;Kowalczyk;Renate;14.03.1941;w;Lindenstraße 12;76133;Karlsruhe;0721 556677;AOK;A123456780",
                "0000412234;Brandstätter;Hans-Jürgen;02.11.1930;m;Am Mühlbach 3;79098;Freiburg;+49 761 4455667;TK;B987654321",
                "0000412299;Öztürk;Ayse;27.07.1988;w;Hauptstr. 101a;68159;Mannheim;0621/123456;Barmer;C112233445");
        write(in.resolve("FAELLE.csv"),
                "FALNR;PATNR;AUFNDAT;ENTLDAT;FACHABTEILUNG;HAUPTDIAGNOSE;OPS",
                "0010077001;0000412233;01.02.2023 08:15;14.02.2023 11:00;Innere Medizin;E11.90;5-469.21",
                "0010077002;0000412233;20.09.2023 22:40;23.09.2023 10:00;Kardiologie;I48.0;1-275.0",
                "0010077003;0000412234;05.05.2022 09:00;19.05.2022 14:30;Geriatrie;S72.01;5-790.2f",
                "0010077004;0000412299;11.11.2023 13:20;11.11.2023 18:00;Notaufnahme;R07.4;");
        write(in.resolve("LABOR.csv"),
                "FALNR;ENTNAHME;ANALYT;ERGEBNIS;EINHEIT;REFERENZ",
                "0010077001;01.02.2023 09:02;HbA1c;8,1;%;4,0-6,0",
                "0010077002;21.09.2023 07:10;NT-proBNP;2340;pg/ml;<125",
                "0010077003;06.05.2022 06:45;Hämoglobin;10,2;g/dl;12-16");
        write(in.resolve("ARZTBRIEFE.csv"),
                "FALNR;BRIEFDATUM;BRIEFTEXT",
                "0010077001;14.02.2023;\"Wir berichten über Frau Renate Kowalczyk, geb. 14.03.1941, die vom 01.02.2023 bis"
                        + " 14.02.2023 stationär behandelt wurde. Die Tochter Sabine Kowalczyk (Tel. 0721 998877) ist"
                        + " informiert. Sonographie: Leber und Galle unauffällig, Puls 80.\"",
                "0010077003;19.05.2022;\"Herr Brandstätter (91 Jahre) wurde nach Sturz aufgenommen. Ehefrau Gertrud"
                        + " Brandstätter, erreichbar unter +49 761 4455668. Der Vater verstarb an Herzinfarkt.\"");
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);

        for (String f : List.of("PATIENTEN.csv", "FAELLE.csv", "LABOR.csv", "ARZTBRIEFE.csv")) {
            String text = Files.readString(out.resolve(f), CP1252);
            for (String planted : List.of("0000412233", "0000412234", "0000412299", "412233", "0010077001", "0010077003",
                    "10077001", "Kowalczyk", "Brandstätter", "Renate", "Sabine", "Gertrud", "Lindenstraße", "998877",
                    "4455668", "761 4455667", "0621/123456", "A123456780", "14.03.1941", "(91 Jahre)")) {
                assertFalse(text.contains(planted), f + ": a planted identifier is in the output");
            }
        }
        List<String[]> patients = rows(out.resolve("PATIENTEN.csv"));
        List<String[]> cases = rows(out.resolve("FAELLE.csv"));
        List<String[]> labs = rows(out.resolve("LABOR.csv"));
        List<String[]> letters = rows(out.resolve("ARZTBRIEFE.csv"));
        assertEquals("PATNR", patients.get(0)[0]);
        assertEquals(List.of("FALNR", "PATNR"), List.of(cases.get(0)[0], cases.get(0)[1]));
        // the joins: patient → cases (PATNR), case → labs and letters (FALNR), all pseudonymized
        assertEquals(patients.get(1)[0], cases.get(1)[1], "FAELLE.csv row 1 PATNR");
        assertEquals(patients.get(1)[0], cases.get(2)[1], "FAELLE.csv row 2 PATNR");
        assertEquals(patients.get(2)[0], cases.get(3)[1], "FAELLE.csv row 3 PATNR");
        assertNotEquals(cases.get(1)[0], cases.get(2)[0], "two cases keep two numbers");
        assertEquals(cases.get(1)[0], labs.get(1)[0], "LABOR.csv row 1 FALNR");
        assertEquals(cases.get(3)[0], labs.get(3)[0], "LABOR.csv row 3 FALNR");
        assertEquals(cases.get(1)[0], letters.get(1)[0], "ARZTBRIEFE.csv row 1 FALNR");
        // the letter's dates move with its patient, as the case's admission and discharge do
        String admitted = cases.get(1)[2].substring(0, 10);
        String discharged = cases.get(1)[3].substring(0, 10);
        assertTrue(letters.get(1)[2].contains("vom " + admitted + " bis " + discharged),
                "ARZTBRIEFE.csv row 1: the stay's dates in the letter are the case's shifted dates");
        assertEquals(ChronoUnit.DAYS.between(LocalDate.of(2023, 2, 1), LocalDate.parse(admitted, DE)),
                ChronoUnit.DAYS.between(LocalDate.of(2023, 2, 14), LocalDate.parse(letters.get(1)[1], DE)),
                "ARZTBRIEFE.csv row 1 BRIEFDATUM moves with the patient");
        // an age over 89 is banded; German clinical words and the codes and values stay
        assertTrue(letters.get(2)[2].contains("(90+ Jahre)"), "ARZTBRIEFE.csv row 2: the age is banded");
        assertTrue(letters.get(1)[2].contains("Leber und Galle unauffällig, Puls 80."), "ARZTBRIEFE.csv row 1 findings");
        assertTrue(letters.get(2)[2].contains("Der Vater verstarb an Herzinfarkt."), "ARZTBRIEFE.csv row 2 history");
        assertEquals(List.of("E11.90", "5-469.21"), List.of(cases.get(1)[5], cases.get(1)[6]), "FAELLE.csv row 1 codes");
        assertEquals(List.of("HbA1c", "8,1", "%", "4,0-6,0"),
                List.of(labs.get(1)[2], labs.get(1)[3], labs.get(1)[4], labs.get(1)[5]), "LABOR.csv row 1 result");
    }
}

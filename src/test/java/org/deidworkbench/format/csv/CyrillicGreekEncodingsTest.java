package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows-1251, KOI8-R, Windows-1253 and ISO-8859-7 exports (decision 0131): detected from their words, read back. */
class CyrillicGreekEncodingsTest {

    @TempDir
    Path dir;

    private static final String RUSSIAN = "№ карты;Фамилия;Имя;Отчество;Дата рождения;Адрес\r\n"
            + "000451;Смирнова;Анна;Петровна;12.03.1958;г. Москва, ул. Тверская, д. 7, кв. 12\r\n"
            + "000518;Белозёров;Олег;Игоревич;05.09.1967;г. Казань, ул. Баумана, д. 19, кв. 3\r\n";
    private static final String RUSSIAN_KOI8 = "Номер карты;ФИО;Дата рождения;Отделение\n"
            + "000451;Смирнова Анна Петровна;12.03.1958;Кардиология\n"
            + "000518;Белозёров Олег Игоревич;05.09.1967;Пульмонология\n";
    private static final String UKRAINIAN = "Прізвище;Ім'я;По батькові;Дата народження\r\n"
            + "Шевченко;Олена;Іванівна;12.03.1958\r\nКовальчук;Юрій;Петрович;05.09.1967\r\n";
    private static final String GREEK = "Ονοματεπώνυμο;Ημερομηνία γέννησης;ΑΜΚΑ;Διεύθυνση;Τ.Κ.\r\n"
            + "Παπαδοπούλου Μαρία;12/03/1958;12035801234;Λεωφόρος Αλεξάνδρας 42, Αθήνα;11473\r\n"
            + "Καραγιάννης Νικόλαος;05/09/1967;05096704561;Οδός Τσιμισκή 18, Θεσσαλονίκη;54624\r\n";

    private CsvDialect sniff(String text, Charset cs) throws IOException, FormatException {
        Path file = dir.resolve("export.csv");
        Files.write(file, text.getBytes(cs));
        return CsvSniffer.sniff(file);
    }

    private static String sample(String name) {
        return switch (name) {
            case "RUSSIAN" -> RUSSIAN;
            case "RUSSIAN_KOI8" -> RUSSIAN_KOI8;
            case "UKRAINIAN" -> UKRAINIAN;
            default -> GREEK;
        };
    }

    @ParameterizedTest
    @CsvSource({"RUSSIAN,windows-1251", "RUSSIAN_KOI8,KOI8-R", "UKRAINIAN,windows-1251", "GREEK,windows-1253"})
    void anExportIsReadInItsOwnEncoding(String sample, String charset) throws Exception {
        String text = sample(sample);
        CsvDialect d = sniff(text, Charset.forName(charset));
        assertEquals(Charset.forName(charset), d.charset());
        assertEquals(';', d.delimiter());
    }

    @Test
    void aGreekExportWithoutTheBytesTheTwoGreekEncodingsWriteApartReadsTheSameInEither() throws Exception {
        byte[] b = GREEK.getBytes(Charset.forName("ISO-8859-7"));
        CsvDialect d = sniff(GREEK, Charset.forName("ISO-8859-7"));
        assertTrue(d.charset().equals(Charset.forName("windows-1253")) || d.charset().equals(Charset.forName("ISO-8859-7")));
        assertEquals(GREEK, new String(b, d.charset()));
    }

    @Test
    void aGreekExportWithAnAccentedCapitalAlphaIsToldByTheBytesTheTwoEncodingsDoNotShare() throws Exception {
        // Ά is 0xA2 in Windows-1253 and 0xB6 in ISO-8859-7 (where 0xA2 is ’ and Windows-1253's 0xB6 is ¶)
        String text = "Επώνυμο;Όνομα\r\nΆγγελος;Άννα\r\nΑνδρέου;Άρτεμις\r\n";
        assertEquals(Charset.forName("windows-1253"), sniff(text, Charset.forName("windows-1253")).charset());
        assertEquals(Charset.forName("ISO-8859-7"), sniff(text, Charset.forName("ISO-8859-7")).charset());
    }

    @ParameterizedTest
    @CsvSource({"windows-1251,Фамилия;Имя", "KOI8-R,Фамилия;Имя", "windows-1253,Επώνυμο;Όνομα"})
    void aHeaderOnlyFileIsReadInItsEncoding(String charset, String header) throws Exception {
        assertEquals(Charset.forName(charset), sniff(header + "\r\n", Charset.forName(charset)).charset());
    }

    @Test
    void westernAndCentralEuropeanExportsStayInTheirEncodings() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        String french = "nom;prénom;ville;remarque\r\nLefèvre;Hélène;Besançon;à revoir\r\nMüller;Jürgen;Zürich;où ?\r\n"
                + "Œuvray;Zoé;Rhône;déjà vu, reçu\r\n";
        assertEquals(cp1252, sniff(french, cp1252).charset());
        String german = "Nachname;Vorname;Straße;Bemerkung\r\nMÜLLER-LÜDENSCHEIDT;Hannelore;Hauptstraße 5;Ärztin\r\n"
                + "Größer;Jürgen;Schloßallee 1;Übelkeit, Schwindel\r\n";
        assertEquals(StandardCharsets.ISO_8859_1, sniff(german, cp1252).charset()); // no byte 0x80-0x9F: as before
        String spanish = "apellido;nombre;nota\r\nNúñez;Íñigo;¿Dolor? Sí, años\r\nPeña;Begoña;Niño, ÑANDÚ\r\n";
        assertFalse(CyrillicGreekEncodings.isOne(sniff(spanish, cp1252).charset()));
        Charset cp1250 = Charset.forName("windows-1250");
        String polish = "nazwisko;miasto\r\nWąsowski;Łódź\r\nŚliwiński;Kraśnik\r\nMichał;Żółkiewka\r\n";
        assertEquals(cp1250, sniff(polish, cp1250).charset());
    }

    @Test
    void upperCaseWordsOfAccentedLettersAloneAreNotTakenForCyrillic() throws Exception {
        // a Western export in capitals: words such as "ÉTÉ" are all high bytes in Windows-1252
        Charset cp1252 = Charset.forName("windows-1252");
        String text = "SAISON;MOT\r\nÉTÉ;CAFÉ\r\nHIVER;NOËL\r\n";
        assertNotEquals(Charset.forName("windows-1251"), sniff(text, cp1252).charset());
    }

    @Test
    void aWindows1251FileReadAsKoi8WouldSwapItsCases() {
        byte[] b = "Дата".getBytes(Charset.forName("windows-1251"));
        String koi8 = new String(b, Charset.forName("KOI8-R"));
        assertTrue(Character.isLowerCase(koi8.charAt(0)) && Character.isUpperCase(koi8.charAt(1)), koi8);
    }

    @Test
    void russianAndGreekInCapitalsThatReadAlikeAreUnsure() {
        // ΑΒΓ in capitals read in Windows-1253 are capitals in Windows-1251 too (Б, В, Г): nothing tells them apart
        byte[] b = "ΣΤΟΙΧΕΙΑ;ΚΩΔΙΚΟΣ\r\nΑΡΘΡΟ;ΠΙΝΑΚΑΣ\r\n".getBytes(Charset.forName("windows-1253"));
        String asCyrillic = new String(b, Charset.forName("windows-1251"));
        FormatException e = assertThrows(FormatException.class, () -> {
            Path file = dir.resolve("caps.csv");
            Files.write(file, b);
            CsvSniffer.sniff(file);
        }, asCyrillic);
        assertEquals("CSV-ENCODING-UNSURE", e.code());
    }

    @ParameterizedTest
    @CsvSource({"RUSSIAN,windows-1251", "RUSSIAN_KOI8,KOI8-R", "GREEK,windows-1253", "GREEK,ISO-8859-7"})
    void aFileReadAndWrittenBackUnchangedIsByteIdentical(String sample, String charset) throws Exception {
        Charset cs = Charset.forName(charset);
        Path file = dir.resolve("in.csv");
        Files.write(file, sample(sample).getBytes(cs));
        CsvDialect d = CsvSniffer.sniff(file);
        List<String[]> records = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(file, d)) {
            records.add(r.header().toArray(String[]::new));
            String[] rec;
            while ((rec = r.next()) != null) {
                records.add(rec.clone());
            }
        }
        Path out = dir.resolve("out.csv");
        try (OutputStream os = Files.newOutputStream(out); CsvRecordWriter w = new CsvRecordWriter(os, d)) {
            for (String[] rec : records) {
                w.write(rec);
            }
        }
        assertEquals(3, records.size());
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), Files.readAllBytes(out)), charset);
    }
}

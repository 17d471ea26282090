package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows-1256 (Arabic, Persian) and Windows-1255 (Hebrew) exports: told from the European code pages by their words. */
class MiddleEasternEncodingsTest {

    @TempDir
    Path dir;

    private static final String ARABIC = "رقم الملف,الاسم,تاريخ الميلاد,التشخيص\r\n"
            + "DXB-77120,سلطان بن راشد المزروعي,12/03/1985,الربو\r\n"
            + "DXB-77134,مريم بنت خليفة الكعبي,05/09/1990,التهاب الزائدة الدودية\r\n";
    private static final String PERSIAN = "شماره پرونده,نام,نام خانوادگی,تشخیص\r\n"
            + "PR-140203,علیرضا,حسینی,سکته مغزی\r\nPR-140377,زهرا,گلپایگانی,ذات الریه\r\n";
    private static final String HEBREW = "מספר תיק,שם משפחה,שם פרטי,תאריך לידה,קופת חולים\r\n"
            + "IL-0098123,בן-שטרית,אביטל,12.03.1958,כללית\r\n"
            + "IL-0098177,רוזנצוויג,יהונתן,05.09.1967,מכבי\r\n";

    private CsvDialect sniff(String text, Charset cs) throws IOException, FormatException {
        Path file = dir.resolve("export.csv");
        Files.write(file, text.getBytes(cs));
        return CsvSniffer.sniff(file);
    }

    @ParameterizedTest
    @CsvSource({"ARABIC,windows-1256", "PERSIAN,windows-1256", "HEBREW,windows-1255"})
    void anExportIsReadInItsOwnCodePage(String sample, String charset) throws Exception {
        String text = sample.equals("ARABIC") ? ARABIC : sample.equals("PERSIAN") ? PERSIAN : HEBREW;
        CsvDialect d = sniff(text, Charset.forName(charset));
        assertEquals(Charset.forName(charset), d.charset());
        assertEquals(',', d.delimiter());
    }

    @Test
    void westernAndCentralEuropeanExportsStayInTheirCodePages() throws Exception {
        // Every byte of these decodes in Windows-1256 too (é, è, ç, à, ü are Latin there as well; ä, ö, ß are Arabic
        // letters): glued to ASCII letters they are no Arabic words.
        String french = "nom,ville,remarque\r\nLefèvre,Besançon,à revoir\r\nMüller,Zürich,Bär Größe\r\nŒuvray,Rhône,"
                + "élevé fièvre\r\nHélène Lefèbvre,Orléans,très fatiguée\r\nJürgen Schäfer,Köln,Schwäche Übelkeit\r\n";
        assertEquals(Charset.forName("windows-1252"), sniff(french, Charset.forName("windows-1252")).charset());
        String polish = "nazwisko,miasto\r\nWąsowski,Łódź\r\nŚliwiński,Kraśnik\r\nMichał,Żółkiewka\r\n";
        assertEquals(Charset.forName("windows-1250"), sniff(polish, Charset.forName("windows-1250")).charset());
    }

    @Test
    void aWesternTextOfAccentedCapitalsAloneIsNoArabic() throws Exception {
        // Words of upper-case accented letters only (ÉÈÀ: Arabic letters in Windows-1256) are too few to decide.
        String text = "code,label\r\nA1,ÉTÉ\r\nA2,ÀÖ\r\nA3,ÉÈÊ ÔÛ\r\n";
        Charset read = sniff(text, Charset.forName("windows-1252")).charset();
        assertTrue(!read.equals(MiddleEasternEncodings.WINDOWS_1256) && !read.equals(MiddleEasternEncodings.WINDOWS_1255),
                read.name());
    }

    @Test
    void anArabicSampleScoresOnlyInItsOwnScript() {
        byte[] arabic = ARABIC.getBytes(MiddleEasternEncodings.WINDOWS_1256);
        assertTrue(MiddleEasternEncodings.score(MiddleEasternEncodings.WINDOWS_1256, Character.UnicodeScript.ARABIC,
                arabic, 0, arabic.length, true) >= MiddleEasternEncodings.MIN_SCORE);
        assertTrue(MiddleEasternEncodings.score(MiddleEasternEncodings.WINDOWS_1255, Character.UnicodeScript.HEBREW,
                arabic, 0, arabic.length, true) < MiddleEasternEncodings.MIN_SCORE);
        byte[] hebrew = HEBREW.getBytes(MiddleEasternEncodings.WINDOWS_1255);
        assertTrue(MiddleEasternEncodings.score(MiddleEasternEncodings.WINDOWS_1256, Character.UnicodeScript.ARABIC,
                hebrew, 0, hebrew.length, true) < MiddleEasternEncodings.MIN_SCORE);
    }

    @Test
    void aFewArabicLettersDecideNothing() throws Exception {
        byte[] few = "id,x\r\n1,الربو\r\n".getBytes(MiddleEasternEncodings.WINDOWS_1256);
        assertNull(MiddleEasternEncodings.detect(few, 0, few.length, true));
    }

    @ParameterizedTest
    @CsvSource({"windows-1256", "windows-1255"})
    void aFileReadAndWrittenBackUnchangedIsByteIdentical(String charset) throws Exception {
        Charset cs = Charset.forName(charset);
        Path file = dir.resolve("in.csv");
        Files.write(file, (charset.equals("windows-1256") ? ARABIC : HEBREW).getBytes(cs));
        CsvDialect d = CsvSniffer.sniff(file);
        assertEquals(cs, d.charset());
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

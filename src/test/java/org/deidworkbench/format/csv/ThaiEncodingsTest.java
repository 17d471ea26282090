package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import org.junit.jupiter.params.provider.ValueSource;

/** Decision 0133: a Thai export in TIS-620 or Windows-874 is read as such, and no European export is taken for one. */
class ThaiEncodingsTest {

    @TempDir
    Path dir;

    private static final Charset WINDOWS_874 = Charset.forName("x-windows-874");
    private static final String THAI = "HN,คำนำหน้า,ชื่อ,นามสกุล,วันเกิด,บันทึก\r\n"
            + "12345/66,นาย,สมชาย,ใจดีมาก,12/03/2501,12 มี.ค. 2566 เจ็บหน้าอก ภรรยา นางมาลัย ใจดีมาก\r\n"
            + "20871/65,นางสาว,พิมพ์ชนก,ศรีสวัสดิ์,05/09/2510,จำหน่ายวันที่ ๓ ม.ค. ๒๕๖๖ ปอดอักเสบดีขึ้น\r\n";

    private CsvDialect sniff(byte[] bytes) throws IOException, FormatException {
        Path file = dir.resolve("export.csv");
        Files.write(file, bytes);
        return CsvSniffer.sniff(file);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x-windows-874", "TIS-620"})
    void aThaiExportIsReadAsWindows874(String charset) throws Exception {
        CsvDialect d = sniff(THAI.getBytes(Charset.forName(charset)));
        assertEquals(WINDOWS_874, d.charset());
        assertEquals(',', d.delimiter());
    }

    @Test
    void aThaiExportInUtf8StaysUtf8() throws Exception {
        assertEquals(Charset.forName("UTF-8"), sniff(THAI.getBytes(Charset.forName("UTF-8"))).charset());
    }

    /** Bytes that also decode in Windows-874: accented letters alone, and Portuguese "ção" (0xE7 0xE3) in pairs. */
    @ParameterizedTest
    @ValueSource(strings = {
        "nom;ville\r\nLefèvre;Besançon\r\nMüller;Zürich\r\nŒuvray;Rhône\r\nDuchâteau;Périgueux\r\n",
        "NOME;MUNICIPIO\r\nConceição;São João\r\nGonçalves;Maranhão\r\nAssunção;Paraíba\r\nInternação;Cirurgião\r\n",
        "APELLIDO;NOTA\r\nNúñez;Diagnóstico: neumonía\r\nIbáñez;Señora María José\r\nMuñoz;Evolución favorable\r\n",
        "name;note\r\n«ÀÉÎÕÜ»;ÀÁÂÃÄÅÆÇÈÉÊË ÌÍÎÏ ÐÑÒÓÔÕÖ\r\n"}) // the last: capitals and symbols in runs
    void aWindows1252ExportIsNotTakenForThai(String text) throws Exception {
        Charset read = sniff(text.getBytes(Charset.forName("windows-1252"))).charset();
        assertNotEquals(WINDOWS_874, read);
    }

    @Test
    void aThaiFileReadAndWrittenBackUnchangedIsByteIdentical() throws Exception {
        byte[] original = THAI.getBytes(WINDOWS_874);
        Path file = dir.resolve("in.csv");
        Files.write(file, original);
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
        assertArrayEquals(original, Files.readAllBytes(out));
    }
}

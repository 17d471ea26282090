package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

/** Shift_JIS (CP932), CP949, GB18030 and Big5 exports: detected from their text, read and written back byte for byte. */
class EastAsianEncodingsTest {

    @TempDir
    Path dir;

    private static final String JAPANESE = "患者ID,氏名,フリガナ,生年月日,住所\r\n"
            + "P0012345,月影 花江,ツキカゲ ハナエ,1958/03/12,東京都千代田区千代田1-1-1\r\n"
            + "P0012388,鷹野真琴,タカノ マコト,昭和20年8月1日,大阪府大阪市北区梅田3-1-1\r\n";
    private static final String KOREAN = "환자번호,성명,생년월일,주소\r\n"
            + "K55120873,서문지윤,1958-03-12,서울특별시 종로구 세종대로 175\r\n"
            + "K55121904,황보민재,1967-09-05,부산광역시 해운대구 해운대로 264\r\n";
    private static final String CHINESE = "住院号,姓名,出生日期,地址,病程记录\r\n"
            + "ZY2023001,诸葛明月,1958-03-12,北京市海淀区中关村大街27号,患者诸葛明月女士，丈夫诸葛建国陪同。\r\n"
            + "ZY2023002,欧阳志远,1967-09-05,广东省深圳市福田区深南大道6008号,术后恢复良好。\r\n";
    private static final String TAIWANESE = "病歷號,姓名,出生日期,地址,病程紀錄\r\n"
            + "TW2023001,陳美玲,1958-03-12,臺北市中正區重慶南路一段122號,患者陳美玲女士，由丈夫陪同來院。\r\n"
            + "TW2023002,林志明,1967-09-05,高雄市前鎮區中山二路2號,術後恢復良好，血壓正常。\r\n";

    private CsvDialect sniff(String text, Charset cs) throws IOException, FormatException {
        Path file = dir.resolve("export.csv");
        Files.write(file, text.getBytes(cs));
        return CsvSniffer.sniff(file);
    }

    @ParameterizedTest
    @CsvSource({"JAPANESE,windows-31j", "KOREAN,x-windows-949", "CHINESE,GB18030", "TAIWANESE,x-windows-950"})
    void anExportIsReadInItsOwnEncoding(String sample, String charset) throws Exception {
        String text = switch (sample) {
            case "JAPANESE" -> JAPANESE;
            case "KOREAN" -> KOREAN;
            case "CHINESE" -> CHINESE;
            default -> TAIWANESE;
        };
        CsvDialect d = sniff(text, Charset.forName(charset));
        assertEquals(Charset.forName(charset), d.charset());
        assertEquals(',', d.delimiter());
        assertEquals("\r\n", d.recordSeparator());
    }

    @Test
    void aKoreanExportInPlainEucKrIsReadAsCp949() throws Exception {
        assertEquals(EastAsianEncodings.CP949, sniff(KOREAN, Charset.forName("EUC-KR")).charset());
    }

    @Test
    void aChineseExportInGbkIsReadAsGb18030() throws Exception {
        assertEquals(EastAsianEncodings.GB18030, sniff(CHINESE, Charset.forName("GBK")).charset());
    }

    @Test
    void halfWidthKatakanaAloneIsShiftJis() throws Exception {
        // An older Japanese system: names in half-width katakana only, which also pair up as valid GBK bytes.
        String text = "ｶﾙﾃNO,ｶﾅ氏名\r\nP1,ﾀｶﾉﾏｺﾄ\r\nP2,ｵｵｺｳﾁﾁｻﾄ\r\nP3,ｻｻｷｹﾝｲﾁ\r\n";
        String halfOnly = text.replace("氏名", "ｼﾒｲ");
        assertEquals(EastAsianEncodings.CP932, sniff(halfOnly, EastAsianEncodings.CP932).charset());
    }

    @Test
    void aShortSampleThatReadsAsKoreanAndAsChineseIsNotGuessed() {
        // Two Hangul syllables are also two common hanzi in GBK and in Big5: too little to tell.
        FormatException e = assertThrows(FormatException.class,
                () -> sniff("id,name\r\n1,서문\r\n", Charset.forName("EUC-KR")));
        assertEquals("CSV-ENCODING-UNSURE", e.code());
        assertTrue(e.getMessage().contains("offset 11"), e.getMessage()); // after "id,name\r\n1,"
    }

    @Test
    void westernAndCentralEuropeanExportsAreNotTakenForEastAsian() throws Exception {
        String french = "nom,ville\r\nLefèvre,Besançon\r\nMüller,Zürich\r\nŒuvray,Rhône\r\n";
        assertEquals(Charset.forName("windows-1252"), sniff(french, Charset.forName("windows-1252")).charset());
        String polish = "nazwisko,miasto\r\nWąsowski,Łódź\r\nŚliwiński,Kraśnik\r\nMichał,Żółkiewka\r\n";
        assertEquals(Charset.forName("windows-1250"), sniff(polish, Charset.forName("windows-1250")).charset());
    }

    @ParameterizedTest
    @CsvSource({"windows-31j", "x-windows-949", "GB18030"})
    void aFileReadAndWrittenBackUnchangedIsByteIdentical(String charset) throws Exception {
        Charset cs = Charset.forName(charset);
        String text = charset.equals("windows-31j") ? JAPANESE : charset.equals("x-windows-949") ? KOREAN : CHINESE;
        Path file = dir.resolve("in.csv");
        Files.write(file, text.getBytes(cs));
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

    @Test
    void aTrailByteThatIsAPipeDoesNotSplitASingleColumn() throws Exception {
        // 竹 is 0x92 0x7C in Shift_JIS: its second byte is '|', once on every line; read as bytes, a pipe-delimited file.
        String text = "氏名\r\n竹内 明子\r\n竹田 道夫\r\n小竹 和代\r\n";
        assertEquals((byte) 0x7C, "竹".getBytes(EastAsianEncodings.CP932)[1]);
        CsvDialect d = sniff(text, EastAsianEncodings.CP932);
        assertEquals(EastAsianEncodings.CP932, d.charset());
        assertTrue(d.delimiter() != '|', "the trail byte was taken for a delimiter");
    }
}

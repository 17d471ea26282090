package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomDumperTest {

    private static List<String> lines() throws Exception {
        return DicomDumper.lines(new DicomReader().read(DicomTestFiles.fixture("ct_explicit_le.dcm")));
    }

    private static String lineFor(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(prefix));
    }

    @Test
    void showsTagVrValueLengthAndKeyword() throws Exception {
        String l = lineFor(lines(), "(0010,0020) LO [MRN-000123]");
        assertTrue(l.endsWith("#   10, 1 PatientID"), l);
    }

    @Test
    void indentsItemsAndTheirElementsByDepth() throws Exception {
        List<String> lines = lines();
        lineFor(lines, "(0008,1115) SQ (Sequence with undefined length #=1)");
        lineFor(lines, "  (FFFE,E000) na (Item with undefined length #=2)");
        lineFor(lines, "    (0008,1140) SQ (Sequence with undefined length #=2)");
        lineFor(lines, "      (FFFE,E000) na (Item with explicit length #=2)");
        lineFor(lines, "        (0008,1155) UI [2.25.1000000000000000000003]");
    }

    @Test
    void showsNumbersTagsAndPrivateCreators() throws Exception {
        List<String> lines = lines();
        lineFor(lines, "(0028,0106) SS -1024");
        lineFor(lines, "(0020,9165) AT (0020,0032)\\(0018,9151)");
        assertTrue(lineFor(lines, "(0009,1001) LO [private text]").endsWith("Private[DEIDWB TEST]"));
        lineFor(lines, "(0018,0050) DS [2.5]");
        assertEquals("# Used TransferSyntax: Explicit VR Little Endian (1.2.840.10008.1.2.1)", lines.get(13));
    }

    @Test
    void showsFragmentsAndBulkValuesWithoutLoadingThem(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("ct.dcm");
        Files.write(f, DicomTestFiles.fixture("ct_explicit_le.dcm"));
        List<String> bulk = DicomDumper.lines(new DicomReader().withBulkThreshold(16).read(f));
        lineFor(bulk, "(7FE0,0010) OW (not loaded)");
        List<String> rle = DicomDumper.lines(new DicomReader().read(DicomTestFiles.fixture("sc_rle.dcm")));
        lineFor(rle, "(7FE0,0010) OB (PixelSequence #=2)");
        lineFor(rle, "  (FFFE,E000) pi (no value available)");
        lineFor(rle, "  (FFFE,E000) pi 01\\00\\00\\00\\40");
    }

    @Test
    void dumpsAFileToAWriter(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("sc.dcm");
        Files.write(f, DicomTestFiles.fixture("sc_rle.dcm"));
        StringWriter w = new StringWriter();
        DicomDumper.dump(f, w);
        assertTrue(w.toString().contains("(0010,0010) PN [Roe^Richard]"), w.toString());
        assertTrue(w.toString().startsWith("# Dicom-File-Format\n"));
    }
}

package org.deidworkbench.format.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision 0182: a file of HL7 v2 messages is read as messages and lines that write it back byte for byte. */
class Hl7FileTest {

    @TempDir
    Path dir;

    private List<Hl7File.Piece> pieces(String content, java.nio.charset.Charset cs) throws Exception {
        Path f = dir.resolve("m.hl7");
        Files.write(f, content.getBytes(cs));
        List<Hl7File.Piece> out = pieces(f);
        StringBuilder again = new StringBuilder();
        out.forEach(p -> again.append(p.before()).append(p.text()).append(p.after()));
        assertEquals(content, again.toString(), "written back as read");
        return out;
    }

    /** Every piece of a file, in order. */
    private static List<Hl7File.Piece> pieces(Path path) throws Exception {
        List<Hl7File.Piece> out = new java.util.ArrayList<>();
        try (Hl7File f = new Hl7File(path)) {
            for (Hl7File.Piece p = f.next(); p != null; p = f.next()) {
                out.add(p);
            }
        }
        return out;
    }

    @Test
    void messagesEndedByCarriageReturnsAreOnePieceEach() throws Exception {
        List<Hl7File.Piece> p = pieces("MSH|^~\\&|A|B|||20230312||ADT^A01|1|P|2.5.1\rPID|1||7^^^X^MR\r"
                + "MSH|^~\\&|A|B|||20230313||ADT^A08|2|P|2.5.1\rPID|1||8^^^X^MR\r", StandardCharsets.US_ASCII);
        assertEquals(2, p.size());
        assertTrue(p.get(0).message() && p.get(1).message());
        assertEquals("MSH|^~\\&|A|B|||20230312||ADT^A01|1|P|2.5.1\rPID|1||7^^^X^MR", p.get(0).text());
        assertEquals("\r", p.get(0).after());
        assertEquals(2, p.get(1).number());
        assertEquals(3, p.get(1).line());
    }

    @Test
    void framesBatchLinesAndBlankLinesStayOutsideTheMessages() throws Exception {
        List<Hl7File.Piece> p = pieces("FHS|^~\\&|LAB\nBHS|^~\\&|LAB\n\u000bMSH|^~\\&|LAB|X\nOBX|1|TX|N||first line\n"
                + "second line of the same text\n\u001c\r\nBTS|1\nFTS|1\n", StandardCharsets.US_ASCII);
        assertEquals(List.of(false, false, true, false, false, false),
                p.stream().map(Hl7File.Piece::message).toList());
        Hl7File.Piece m = p.get(2);
        assertEquals("\u000b", m.before());
        // a line that is no segment is a field's text broken by a line feed: the segment goes on
        assertEquals("MSH|^~\\&|LAB|X\nOBX|1|TX|N||first line\nsecond line of the same text", m.text());
        assertEquals("\n", m.after());
        assertEquals("\u001c", p.get(3).before()); // the frame's end on a line of its own
        assertEquals("BTS|1", p.get(4).text());
    }

    @Test
    void utf8AndWindows1252AreReadAndTheOutputKeepsThem() throws Exception {
        pieces("MSH|^~\\&|A|B\rPID|1||7^^^X^MR||M\u00dcLLER^J\u00dcRGEN\r", StandardCharsets.UTF_8);
        pieces("MSH|^~\\&|A|B\rPID|1||7^^^X^MR||M\u00dcLLER^J\u00dcRGEN\r", Charset1252.CS);
        Path f = dir.resolve("latin.hl7");
        Files.write(f, "MSH|^~\\&|A|B\rPID|1||7^^^X^MR||M\u00dcLLER\r".getBytes(Charset1252.CS));
        assertEquals("windows-1252", Hl7File.charsetOf(f).name());
        assertTrue(pieces(f).get(0).text().contains("M\u00dcLLER"));
    }

    @Test
    void aSegmentIsThreeCapitalsOrDigitsAndItsSeparator() {
        assertTrue(Hl7File.isSegment("PID|1"));
        assertTrue(Hl7File.isSegment("ZPD|1"));
        assertTrue(Hl7File.isSegment("MSH#^~\\&"));
        assertFalse(Hl7File.isSegment("PID#1"));
        assertFalse(Hl7File.isSegment("second line"));
        assertFalse(Hl7File.isSegment("1PD|1"));
    }

    private static final class Charset1252 {
        static final java.nio.charset.Charset CS = java.nio.charset.Charset.forName("windows-1252");
    }
}

package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** NDJSON lines as the processor reads them, in blocks. */
class LineReaderTest {

    private static List<String> lines(String text) throws Exception {
        FhirProcessor.LineReader r = new FhirProcessor.LineReader(new StringReader(text));
        List<String> out = new ArrayList<>();
        String line;
        while ((line = r.next()) != null) {
            out.add(line);
        }
        return out;
    }

    @Test
    void splitsAtLineFeedsAndDropsTheCarriageReturnBeforeThem() throws Exception {
        assertEquals(List.of("a", "b\rc", "", "d"), lines("a\r\nb\rc\n\nd"));
    }

    @Test
    void emptyTextHasNoLines() throws Exception {
        assertNull(new FhirProcessor.LineReader(new StringReader("")).next());
    }

    @Test
    void remembersTheFirstLineBreakStyle() throws Exception {
        FhirProcessor.LineReader r = new FhirProcessor.LineReader(new StringReader("a\r\nb\n"));
        r.next();
        r.next();
        assertEquals("\r\n", r.newline());
    }

    @Test
    void readsLinesLongerThanItsBlock() throws Exception {
        String longLine = "x".repeat(200_000);
        assertEquals(List.of(longLine, "y"), lines(longLine + "\ny\n"));
    }

    @Test
    void aShortLineIsNotTooLong() throws Exception {
        FhirProcessor.LineReader r = new FhirProcessor.LineReader(new StringReader("abc\n"));
        r.next();
        assertFalse(r.tooLong());
    }
}

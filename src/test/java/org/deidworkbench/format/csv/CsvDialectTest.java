package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The dialect record refuses combinations that could not be read back. */
class CsvDialectTest {

    @Test
    void rfc4180ConstantIsCommaQuoteCrlfUtf8WithoutBomAndFinalSeparator() {
        assertEquals(new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_8, false, true), CsvDialect.RFC4180_UTF8);
    }

    @Test
    void utf16WithByteOrderMarkIsAccepted() {
        assertEquals(StandardCharsets.UTF_16LE,
                new CsvDialect(',', '"', "\n", StandardCharsets.UTF_16LE, true, true).charset());
    }

    @Test
    void otherCharsetThatIsNotAsciiCompatibleIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CsvDialect(',', '"', "\n", Charset.forName("UTF-32LE"), false, true));
    }

    @Test
    void byteOrderMarkIsRejectedOutsideUtf8() {
        assertThrows(IllegalArgumentException.class,
                () -> new CsvDialect(',', '"', "\n", Charset.forName("windows-1252"), true, true));
    }

    @Test
    void delimiterEqualToQuoteIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CsvDialect('"', '"', "\n", StandardCharsets.UTF_8, false, true));
    }

    @Test
    void lineBreakAsDelimiterIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CsvDialect('\n', '"', "\n", StandardCharsets.UTF_8, false, true));
    }

    @Test
    void recordSeparatorOtherThanALineBreakIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CsvDialect(',', '"', ";", StandardCharsets.UTF_8, false, true));
    }

    @Test
    void withCharsetKeepsTheLayout() {
        CsvDialect latin1 = new CsvDialect(';', '\'', "\n", StandardCharsets.ISO_8859_1, false, false);
        assertEquals(new CsvDialect(';', '\'', "\n", StandardCharsets.UTF_8, true, false),
                latin1.withCharset(StandardCharsets.UTF_8, true));
    }
}

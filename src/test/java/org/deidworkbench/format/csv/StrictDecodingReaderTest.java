package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The place a decoding failure names: its byte offset, however the reads cut the text, and the line found from
 * it, whatever the mix of CR, LF and CRLF (a CRLF split between two buffers is one line end).
 */
class StrictDecodingReaderTest {

    @Test
    void decodingFailureNamesTheLineAsCrLfAndCrlfCountIt() throws Exception {
        Random random = new Random(7);
        char[] alphabet = {'a', ',', '"', '\r', '\n', '\u00e9', '\u20ac', ' '};
        for (int round = 0; round < 3_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] valid = text.toString().getBytes(StandardCharsets.UTF_8);
            bytes.write(valid);
            bytes.write(0xFF); // never valid in UTF-8
            bytes.write('x');
            long expectedLine = 1 + lineEnds(text);
            byte[] file = bytes.toByteArray();
            try (StrictDecodingReader reader = new StrictDecodingReader(new ByteArrayInputStream(file),
                    StandardCharsets.UTF_8, Long.MAX_VALUE)) {
                char[] buffer = new char[64];
                DecodingFailure failure = assertThrows(DecodingFailure.class, () -> {
                    while (reader.read(buffer, 0, 1 + random.nextInt(buffer.length)) >= 0) {
                        // read on to the bad byte, in reads of random lengths
                    }
                });
                assertEquals(valid.length, failure.byteOffset(), "offset of the failure in text #" + round);
                assertEquals(expectedLine, StrictDecodingReader.lineAt(new ByteArrayInputStream(file),
                        StandardCharsets.UTF_8, failure.byteOffset()), "line of the failure in text #" + round);
            }
        }
    }

    @Test
    void lineAtSkipsTheByteOrderMarkAndCountsUtf16Characters() throws Exception {
        byte[] utf8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\r', '\n', 'b', '\n', (byte) 0xFF};
        assertEquals(3, StrictDecodingReader.lineAt(new ByteArrayInputStream(utf8), StandardCharsets.UTF_8, 8));
        ByteArrayOutputStream utf16 = new ByteArrayOutputStream();
        utf16.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.write("a\rb\r\nc\n".getBytes(StandardCharsets.UTF_16LE));
        int offset = utf16.size();
        utf16.write(new byte[] {0x00, (byte) 0xDC}); // a lone low surrogate
        assertEquals(4, StrictDecodingReader.lineAt(new ByteArrayInputStream(utf16.toByteArray()),
                StandardCharsets.UTF_16LE, offset));
    }

    /** CR, LF and CRLF each end one line: the parser's count, written the plain way. */
    private static long lineEnds(CharSequence text) {
        long ends = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                ends++;
            } else if (c == '\n' && (i == 0 || text.charAt(i - 1) != '\r')) {
                ends++;
            }
        }
        return ends;
    }
}

package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line a decoding failure names, whatever the mix of CR, LF and CRLF and however the reads cut the text
 * (a CRLF split between two reads is one line end).
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
            try (StrictDecodingReader reader = new StrictDecodingReader(new ByteArrayInputStream(bytes.toByteArray()),
                    StandardCharsets.UTF_8, Long.MAX_VALUE)) {
                char[] buffer = new char[64];
                DecodingFailure failure = assertThrows(DecodingFailure.class, () -> {
                    while (reader.read(buffer, 0, 1 + random.nextInt(buffer.length)) >= 0) {
                        // read on to the bad byte, in reads of random lengths
                    }
                });
                assertEquals(expectedLine, failure.line(), "line of the failure in text #" + round);
                assertEquals(valid.length, failure.byteOffset(), "offset of the failure in text #" + round);
            }
        }
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

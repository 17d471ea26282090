package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The manifest's SHA-256 of a part is the same whether its bytes were hashed inline or on the part's thread. */
class OffloadedDigestTest {

    private static void check(int size, long inline, long seed) throws Exception {
        byte[] data = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        random.nextBytes(data);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OffloadedDigest out = new OffloadedDigest(sink, MessageDigest.getInstance("SHA-256"), inline);
        for (int at = 0; at < data.length; ) {
            int n = Math.min(data.length - at, random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(3 << 20));
            if (n == 1) {
                out.write(data[at]);
            } else {
                out.write(data, at, n);
            }
            at += n;
        }
        assertThrows(IllegalStateException.class, out::digest, "no digest before the part is closed");
        out.close();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), out.digest(), "size " + size);
        assertArrayEquals(data, sink.toByteArray());
    }

    @Test
    void sameDigestAndBytesInlineAndOffloaded() throws Exception {
        check(0, 1 << 20, 1);
        check(1000, 1 << 20, 2); // below the threshold: inline only
        check(1 << 20, 1 << 20, 3); // exactly at it
        check((9 << 20) + 12345, 1 << 20, 4); // offloaded, several full buffers and a partial one
        check((5 << 20) + 7, 0, 5); // offloaded from the first byte
    }
}

package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.SplittableRandom;
import org.deidworkbench.io.LeavesOpen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Writes {@code data} to {@code out} in random pieces: single bytes, arrays, and buffers (direct and on the
     * heap) through the stream's channel side, as {@code DicomOutput} copies unchanged values (decision 0088).
     */
    private static void mixed(OutputStream out, byte[] data, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        WritableByteChannel channel = (WritableByteChannel) out;
        for (int at = 0; at < data.length; ) {
            int kind = random.nextInt(4);
            int n = Math.min(data.length - at, kind == 0 ? 1 : 1 + random.nextInt(300_000));
            if (kind == 0) {
                out.write(data[at]);
            } else if (kind == 1) {
                out.write(data, at, n);
            } else {
                ByteBuffer b = kind == 2 ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
                b.put(data, at, n).flip();
                assertEquals(n, channel.write(b));
                assertEquals(0, b.remaining(), "a buffer is written whole");
            }
            at += n;
        }
    }

    @Test
    void buffersWrittenThroughAPartsStreamsGiveTheSameBytesAndDigest(@TempDir Path dir) throws Exception {
        // The streams FileWork puts over a part's channel; inline, offloaded after some bytes, offloaded at once.
        long[] inlines = {OffloadedDigest.INLINE, 1 << 20, 0};
        for (int i = 0; i < inlines.length; i++) {
            byte[] data = new byte[(3 << 20) + 4321 * i];
            new SplittableRandom(40 + i).nextBytes(data);
            Path part = dir.resolve("part-" + i);
            OffloadedDigest hashed;
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                hashed = new OffloadedDigest(new PartBuffer(new EarlyWriteback(
                        new LeavesOpen(Channels.newOutputStream(ch)), ch, 1 << 20)), MessageDigest.getInstance("SHA-256"),
                        inlines[i]);
                mixed(hashed, data, i);
                hashed.close();
            }
            assertArrayEquals(data, Files.readAllBytes(part), "inline " + inlines[i]);
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), hashed.digest(), "inline " + inlines[i]);
        }
    }

    @Test
    void buffersToAStreamThatIsNoChannelGoThroughArrays() throws Exception {
        byte[] data = new byte[(2 << 20) + 99];
        new SplittableRandom(7).nextBytes(data);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OffloadedDigest hashed = new OffloadedDigest(new PartBuffer(sink), MessageDigest.getInstance("SHA-256"));
        mixed(hashed, data, 8);
        hashed.close();
        assertArrayEquals(data, sink.toByteArray());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), hashed.digest());
    }
}

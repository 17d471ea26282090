package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.SplittableRandom;
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
     * Regions of a source file (a value copied unchanged) interleaved with buffered writes land in the part
     * in order, and the digest covers them, inline and past the threshold, through the part's channel as a
     * run writes it and through the stream alone.
     */
    private static void checkRegions(Path dir, int size, long inline, long seed, boolean direct) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] source = new byte[size];
        random.nextBytes(source);
        Path src = dir.resolve("source-" + seed);
        Files.write(src, source);
        Path part = dir.resolve("part-" + seed + "-" + direct);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        OffloadedDigest out;
        try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ);
                FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            EarlyWriteback toChannel = new EarlyWriteback(Channels.newOutputStream(channel), channel);
            out = direct ? new OffloadedDigest(new BufferedOutputStream(toChannel, 1 << 16),
                    MessageDigest.getInstance("SHA-256"), inline, toChannel)
                    : new OffloadedDigest(new BufferedOutputStream(toChannel, 1 << 16),
                            MessageDigest.getInstance("SHA-256"), inline);
            for (int at = 0; at < size; ) {
                int n = Math.min(size - at, 1 + random.nextInt(1 << 20));
                if (random.nextBoolean()) {
                    out.writeRegion(in, at, n);
                } else {
                    out.write(source, at, n);
                }
                expected.write(source, at, n);
                byte[] header = {(byte) random.nextInt(), (byte) random.nextInt(), (byte) random.nextInt()};
                out.write(header); // a few bytes between regions stay in the buffer until the next region
                expected.write(header);
                at += n;
            }
            assertThrows(EOFException.class, () -> out.writeRegion(in, size - 10, 20), "a region past the source's end");
            out.close();
        }
        byte[] want = expected.toByteArray();
        byte[] got = Files.readAllBytes(part);
        assertArrayEquals(want, java.util.Arrays.copyOf(got, want.length), "size " + size);
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(got), out.digest(), "digest of every byte written");
    }

    @Test
    void regionsOfASourceFileAreWrittenInOrderAndHashed(@TempDir Path dir) throws Exception {
        checkRegions(dir, 1000, 1 << 20, 6, true);
        checkRegions(dir, (5 << 20) + 3, 1 << 20, 7, true); // crosses the threshold inside a region or a write
        checkRegions(dir, (3 << 20) + 11, 0, 8, true); // offloaded from the first byte
        checkRegions(dir, (3 << 20) + 11, 1 << 20, 9, false); // no channel given: regions go through the stream
    }
}

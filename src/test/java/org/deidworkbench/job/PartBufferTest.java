package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A part's buffered stream passes every byte in order, whichever part its thread wrote before. */
class PartBufferTest {

    /** Writes {@code data} through a part buffer in writes of random sizes (single bytes, small, larger than the buffer). */
    private static byte[] through(byte[] data, long seed, List<Integer> writesSeen) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
                writesSeen.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
                writesSeen.add(len);
            }
        };
        SplittableRandom sizes = new SplittableRandom(seed);
        try (OutputStream out = new PartBuffer(counting)) {
            for (int at = 0; at < data.length; ) {
                int n = Math.min(data.length - at, sizes.nextInt(4) == 0 ? 1 : 1 + sizes.nextInt(3 * PartBuffer.SIZE / 2));
                if (n == 1) {
                    out.write(data[at]);
                } else {
                    out.write(data, at, n);
                }
                at += n;
            }
        }
        return sink.toByteArray();
    }

    @Test
    void partsWrittenOneAfterAnotherOnOneThreadKeepTheirOwnBytes() throws IOException {
        // The second and third parts reuse the first one's buffer: none may carry another part's bytes.
        for (int i = 0; i < 3; i++) {
            byte[] data = new byte[300_000 + 7 * i];
            new SplittableRandom(100 + i).nextBytes(data);
            List<Integer> writes = new ArrayList<>();
            assertArrayEquals(data, through(data, i, writes));
            assertEquals(true, writes.stream().allMatch(n -> n > 0), "no empty writes reach the part");
        }
    }

    @Test
    void smallWritesReachThePartInWholeBuffers() throws IOException {
        byte[] data = new byte[PartBuffer.SIZE * 3 + 10];
        new SplittableRandom(5).nextBytes(data);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        List<Integer> writes = new ArrayList<>();
        try (OutputStream out = new PartBuffer(new OutputStream() {
            @Override
            public void write(int b) {
                sink.write(b);
                writes.add(1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sink.write(b, off, len);
                writes.add(len);
            }
        })) {
            for (int at = 0; at < data.length; at += 10) {
                out.write(data, at, Math.min(10, data.length - at));
            }
        }
        assertArrayEquals(data, sink.toByteArray());
        int full = PartBuffer.SIZE - PartBuffer.SIZE % 10; // as BufferedOutputStream: flushed when a write no longer fits
        assertEquals(List.of(full, full, full), writes.subList(0, 3));
    }
}

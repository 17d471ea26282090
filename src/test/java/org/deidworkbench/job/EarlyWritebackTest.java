package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Early write-backs of a large part leave its bytes as a plain stream writes them. */
class EarlyWritebackTest {

    @Test
    void aLargePartIsWrittenBackAlongTheWayWithTheSameBytes(@TempDir Path dir) throws Exception {
        byte[] data = new byte[3 << 20];
        new SplittableRandom(7).nextBytes(data);
        Path part = dir.resolve("part");
        long before = EarlyWriteback.STARTED.get();
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new EarlyWriteback(Channels.newOutputStream(ch), ch, 256 << 10)) {
            SplittableRandom sizes = new SplittableRandom(11);
            for (int at = 0; at < data.length; ) {
                int n = Math.min(data.length - at, 1 + sizes.nextInt(100_000));
                if (n == 1) {
                    out.write(data[at]);
                } else {
                    out.write(data, at, n);
                }
                at += n;
            }
        }
        assertArrayEquals(data, Files.readAllBytes(part));
        assertTrue(EarlyWriteback.STARTED.get() - before >= 1, "at least one write-back started on a 3 MB part");
    }

    @Test
    void aSmallPartNeverStartsOne(@TempDir Path dir) throws Exception {
        Path part = dir.resolve("part");
        long before = EarlyWriteback.STARTED.get();
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new EarlyWriteback(Channels.newOutputStream(ch), ch)) {
            out.write(new byte[512 << 10]);
        }
        assertEquals(512 << 10, Files.size(part));
        assertEquals(before, EarlyWriteback.STARTED.get(), "a CT-sized part is forced once, by the run");
    }
}

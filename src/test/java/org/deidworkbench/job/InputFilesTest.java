package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.job.InputFiles.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run finds in its input folders: names, order, sizes and formats, however many threads detect them. */
class InputFilesTest {

    @TempDir
    Path dir;

    /** 128 bytes of preamble, then the DICOM prefix: detected as DICOM whatever the name. */
    private static byte[] dicom(int extra) {
        byte[] b = new byte[132 + extra];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, b, 128, 4);
        return b;
    }

    @Test
    void filesLinksAndFormatsAreTheSameOnOneThreadAndOnTheWorkers() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> expected = new ArrayList<>();
        // More files than two detection slices, across nested folders, in an order the walk does not give.
        for (int i = 0; i < 3 * InputFiles.DETECT_SLICE; i++) {
            Path sub = Files.createDirectories(in.resolve("s" + (i % 5)).resolve("t" + (i % 2)));
            if (i % 3 == 0) {
                Files.write(sub.resolve("f" + i + ".csv"), ("id,name\n" + i + ",x\n").getBytes(StandardCharsets.UTF_8));
            } else {
                Files.write(sub.resolve("f" + i + ".bin"), dicom(i));
            }
        }
        Files.write(in.resolve("empty.csv"), new byte[0]);
        boolean links = true;
        try {
            Files.createSymbolicLink(in.resolve("link-to-file.dcm"), in.resolve("s1/t1/f1.bin"));
            Files.createSymbolicLink(in.resolve("link-to-folder"), in.resolve("s2"));
        } catch (UnsupportedOperationException | IOException e) {
            links = false;
        }
        List<InputFile> alone = InputFiles.walk(List.of(in));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<InputFile> pooled;
        try {
            pooled = InputFiles.walk(List.of(in), null, null, pool, 2);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(alone, pooled);
        assertEquals(3 * InputFiles.DETECT_SLICE + 1 + (links ? 2 : 0), pooled.size());
        for (int i = 0; i < pooled.size(); i++) {
            InputFile f = pooled.get(i);
            assertEquals(i, f.index());
            if (i > 0) {
                assertEquals(true, pooled.get(i - 1).relative().compareTo(f.relative()) < 0, "sorted by name");
            }
            String name = f.path().getFileName().toString();
            if (name.startsWith("link-")) {
                // A link is listed, never followed: no size, no format (the run withholds it as unknown).
                assertEquals(0, f.size());
                assertEquals(FileFormat.UNKNOWN, f.format());
            } else {
                assertEquals(Files.size(f.path()), f.size());
                assertEquals(name.endsWith(".bin") ? FileFormat.DICOM : name.equals("empty.csv")
                        ? FormatDetector.detect(f.path()) : FileFormat.CSV, f.format(), name);
            }
            expected.add(f.relative());
        }
        assertEquals("empty.csv", expected.get(0));
        assumeTrue(links, "symbolic links are not supported here: their part of the test did not run");
    }
}

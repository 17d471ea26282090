package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.dicom.DicomReader;
import org.junit.jupiter.api.Test;

/**
 * A run on one machine keeps the headers its scan read for the transform ({@link ScannedHeaders}). The
 * output must be the same bytes as when every transform reads its file again: checked on the sample
 * studies and on every file of pydicom's test corpus (all transfer syntaxes, deflated, RT, SR,
 * multi-frame, character sets, nested private sequences), with a budget that keeps them all and with one
 * that keeps none.
 */
class ScannedHeadersTest {

    private static final Path PYDICOM = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private static List<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(Path.of("sample-data/dicom"), PYDICOM)) {
            if (!Files.isDirectory(root)) {
                System.err.println("ScannedHeadersTest: " + root + " absent (apt-get install python3-pydicom); the sample"
                        + " studies alone are compared");
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".py")).sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** What each file's transform gave: its bytes, or the problem's code and message. */
    private static List<String> outcomes(List<Path> files, long budget, int[] kept) throws Exception {
        Deidentifier engine = DicomProcessorTest.engine(DicomProcessorTest.basic());
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false);
        if (budget >= 0) {
            p.scansFeedTransforms();
            p.useHeaderBudget(budget);
        }
        for (Path f : files) {
            try {
                p.scan(f, f.getFileName().toString(), () -> false);
            } catch (Exception e) {
                // not DICOM, or refused: its transform says so again
            }
        }
        kept[0] = p.keptHeaders();
        engine.freezeIdentifiers();
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                p.transform(f, f.getFileName().toString(), bytes, () -> false);
                out.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(bytes.toByteArray())));
            } catch (Exception e) {
                out.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        assertEquals(0, p.keptHeaders(), "every kept header is handed to its transform once");
        return out;
    }

    @Test
    void transformsFromScannedHeadersGiveTheSameBytesAsTransformsThatReadAgain() throws Exception {
        List<Path> files = corpus();
        int[] none = new int[1];
        int[] all = new int[1];
        int[] tiny = new int[1];
        List<String> reread = outcomes(files, -1, none);
        List<String> fromScan = outcomes(files, 1L << 30, all);
        List<String> overBudget = outcomes(files, 4_000, tiny);
        assertEquals(0, none[0]);
        long written = reread.stream().filter(s -> s.matches("[0-9a-f]{64}")).count();
        assertTrue(written >= 10, "the corpus has DICOM files the profile writes: " + written);
        assertTrue(all[0] >= written, "a large budget keeps every file the scan read: " + all[0] + " of " + written);
        assertTrue(tiny[0] < all[0], "a small budget keeps fewer");
        for (int i = 0; i < files.size(); i++) {
            assertEquals(reread.get(i), fromScan.get(i), files.get(i).toString());
            assertEquals(reread.get(i), overBudget.get(i), files.get(i).toString());
        }
    }

    @Test
    void deflatedFilesAreNotKeptTheirSpoolIsDeletedAtOnce() throws Exception {
        Path deflated = PYDICOM.resolve("image_dfl.dcm");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(deflated),
                "pydicom's deflated test file absent (apt-get install python3-pydicom)");
        ScannedHeaders headers = new ScannedHeaders(1L << 30);
        try (var file = new DicomReader().read(deflated)) {
            assertTrue(file.spool() != null);
            assertEquals(false, headers.offer(deflated, file));
        }
        assertEquals(0, headers.size());
    }

    @Test
    void theBudgetIsGivenBackWhenAHeaderIsTaken() throws Exception {
        Path ct = Files.list(Path.of("sample-data/dicom")).filter(Files::isDirectory).flatMap(d -> {
            try {
                return Files.walk(d);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        var file = new DicomReader().read(ct);
        long size = ScannedHeaders.estimate(file.fileMeta()) + ScannedHeaders.estimate(file.dataset());
        ScannedHeaders headers = new ScannedHeaders(size);
        assertTrue(headers.offer(ct, file));
        assertEquals(false, headers.offer(ct.resolveSibling("other"), new DicomReader().read(ct)), "budget spent");
        assertTrue(headers.take(ct) == file);
        assertEquals(null, headers.take(ct), "handed out once");
        assertTrue(headers.offer(ct.resolveSibling("other"), new DicomReader().read(ct)), "budget back");
        assertArrayEquals(new int[] {1}, new int[] {headers.size()});
    }
}

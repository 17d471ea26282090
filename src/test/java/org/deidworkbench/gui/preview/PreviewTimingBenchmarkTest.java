package org.deidworkbench.gui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.DefaultJobService;
import org.deidworkbench.model.FilePreview;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark-style: how long the first preview of a file takes in the workbench — from selecting it
 * to the result being handed to the view — with the real engine, for the sample export and for a
 * synthetic 10 MB CSV export. Prints the numbers (see {@code src/site/markdown/performance-gui.md});
 * asserts only what was previewed, never a time.
 */
class PreviewTimingBenchmarkTest {

    @TempDir
    Path dir;

    private static long firstPreviewMillis(Path export, Path file, int[] records) throws Exception {
        try (BackgroundTasks tasks = BackgroundTasks.withWorkers(1, Runnable::run)) {
            PreviewViewModel vm = new PreviewViewModel(new DefaultJobService(), tasks);
            CountDownLatch done = new CountDownLatch(1);
            long[] millis = {-1};
            vm.setListener((f, preview, ms, failure) -> {
                millis[0] = ms;
                records[0] = preview == null ? -1 : preview.records().size();
                done.countDown();
            });
            vm.profileProperty().set(ProfileLoader.read("csv-template"));
            vm.context().setAll(List.of(export));
            vm.fileProperty().set(file);
            assertTrue(done.await(120, TimeUnit.SECONDS));
            return millis[0];
        }
    }

    /** A synthetic export: one CSV of about {@code megabytes} MB with names, dates and free text. */
    static Path syntheticExport(Path dir, int megabytes) throws IOException {
        Path export = Files.createDirectories(dir.resolve("export"));
        Path csv = export.resolve("visits.csv");
        Random random = new Random(7);
        String[] first = {"Ada", "Bela", "Cosima", "Dorian", "Elif", "Fenna", "Gus", "Hanne"};
        String[] last = {"Abernathy", "Brannigan", "Castellanos", "Delacroix", "Eriksen", "Fairweather"};
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("patient_id,first_name,last_name,date_of_birth,visit_date,department,notes\n");
            long bytes = 0;
            for (int i = 0; bytes < megabytes * 1_000_000L; i++) {
                String f = first[random.nextInt(first.length)];
                String l = last[random.nextInt(last.length)];
                String row = (100000 + i % 5000) + "," + f + "," + l + ",19" + (40 + random.nextInt(60)) + "-0"
                        + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + ",2024-0" + (1 + random.nextInt(9))
                        + "-2" + random.nextInt(10) + ",Cardiology," + f + " " + l + " seen for follow-up; call 555-"
                        + (1000 + random.nextInt(9000)) + " if worse.\n";
                w.write(row);
                bytes += row.length();
            }
        }
        return export;
    }

    @Test
    void firstPreviewOfTheSampleExportIsTimed() throws Exception {
        Path export = Path.of("sample-data", "csv").toAbsolutePath();
        int[] records = new int[1];
        long ms = firstPreviewMillis(export, export.resolve("encounters.csv"), records);
        System.out.printf("first preview, sample-data/csv/encounters.csv (cold JVM, context scanned): %d ms%n", ms);
        assertEquals(60, records[0]);
    }

    @Test
    void firstPreviewOfATenMegabyteCsvIsTimed() throws Exception {
        Path export = syntheticExport(dir, 10);
        Path file = export.resolve("visits.csv");
        int[] records = new int[1];
        long ms = firstPreviewMillis(export, file, records);
        System.out.printf("first preview, %d MB CSV (context = its folder, scanned first): %d ms%n",
                Files.size(file) / 1_000_000, ms);
        assertEquals(PreviewViewModel.MAX_RECORDS, records[0]);
    }

    @Test
    void previewOfAFileOfAnOpenExportIsTimed() throws Exception {
        Path export = syntheticExport(dir, 10);
        try (BackgroundTasks tasks = BackgroundTasks.withWorkers(1, Runnable::run)) {
            PreviewViewModel vm = new PreviewViewModel(new DefaultJobService(), tasks);
            CountDownLatch[] done = {new CountDownLatch(1)};
            long[] millis = {-1};
            vm.setListener((f, preview, ms, failure) -> {
                millis[0] = ms;
                done[0].countDown();
            });
            vm.profileProperty().set(ProfileLoader.read("csv-template"));
            vm.context().setAll(List.of(export, Path.of("sample-data", "csv").toAbsolutePath()));
            vm.fileProperty().set(Path.of("sample-data", "csv", "patients.csv").toAbsolutePath());
            assertTrue(done[0].await(120, TimeUnit.SECONDS));
            long opening = millis[0];
            done[0] = new CountDownLatch(1);
            vm.fileProperty().set(export.resolve("visits.csv"));
            assertTrue(done[0].await(120, TimeUnit.SECONDS));
            System.out.printf("session open (10 MB export scanned) + first preview: %d ms; next file, 10 MB CSV: %d ms%n",
                    opening, millis[0]);
            FilePreview p = vm.previewProperty().get();
            assertTrue(p.truncated());
        }
    }
}

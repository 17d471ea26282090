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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark-style: how long the first preview of a file takes in the workbench — from selecting it
 * to the result being handed to the view, partial (everything but free text) and complete — with the
 * real engine and the application's two workers, for the sample export and a synthetic 10 MB CSV
 * export. Prints the numbers (recorded in {@code src/site/markdown/performance-gui.md}); asserts what
 * was previewed, never a time.
 */
class PreviewTimingBenchmarkTest {

    @TempDir
    Path dir;

    /** One preview as the window makes it; returns {first shown, complete} in ms. */
    private static long[] time(PreviewViewModel vm, Path file, int[] records) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        long[] millis = {-1, -1};
        vm.setListener((f, preview, first, ms, failure) -> {
            millis[0] = first;
            millis[1] = ms;
            records[0] = preview == null ? -1 : preview.records().size();
            done.countDown();
        });
        vm.fileProperty().set(file);
        assertTrue(done.await(120, TimeUnit.SECONDS));
        return millis;
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
    void firstPreviewTimesAreMeasured() throws Exception {
        Path sample = Path.of("sample-data", "csv").toAbsolutePath();
        Path export = syntheticExport(dir, 10);
        Path big = export.resolve("visits.csv");
        int[] records = new int[1];
        try (BackgroundTasks tasks = BackgroundTasks.withWorkers(2, Runnable::run)) {
            PreviewViewModel vm = new PreviewViewModel(new DefaultJobService(), tasks);
            vm.profileProperty().set(ProfileLoader.read("csv-template"));

            long warmUpStart = System.nanoTime();
            new DefaultJobService().warmUp();
            long warmUp = (System.nanoTime() - warmUpStart) / 1_000_000;
            vm.context().setAll(List.of(sample));
            long[] cold = time(vm, sample.resolve("encounters.csv"), records);
            assertEquals(60, records[0]);
            long[] next = time(vm, sample.resolve("patients.csv"), records);

            vm.fileProperty().set(null);
            vm.context().setAll(List.of(export));
            long[] tenMb = time(vm, big, records);
            assertEquals(PreviewViewModel.MAX_RECORDS, records[0]);
            vm.fileProperty().set(null);
            long[] tenMbAgain = time(vm, big, records);

            System.out.printf("warm-up at start (on a worker while the steward picks a folder): %d ms%n", warmUp);
            System.out.printf("sample export, first preview after the warm-up: shown %d ms, complete %d ms%n",
                    cold[0], cold[1]);
            System.out.printf("sample export, next file: %d ms%n", next[1]);
            System.out.printf("%d MB CSV export just opened: shown %d ms, complete (export scanned) %d ms%n",
                    Files.size(big) / 1_000_000, tenMb[0], tenMb[1]);
            System.out.printf("%d MB CSV of the open export, selected again: %d ms%n", Files.size(big) / 1_000_000,
                    tenMbAgain[1]);
        }
    }
}

package org.deidworkbench.job;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.deidworkbench.format.fhir.FhirBaseline;
import org.deidworkbench.config.LoadedProfile;

/**
 * Measures the FHIR pipeline against a plain HAPI parse and serialize of the same files, separately
 * for Bundles (and single resources: JSON and XML files) and for NDJSON bulk exports, in the same
 * JVM after a warm-up of both, keeping the best of several rounds; also the peak heap of the
 * pipeline. Can generate synthetic NDJSON and single-Bundle files of a given size to show bounded
 * memory. Numbers belong in {@code performance.md}, never in tests.
 */
public final class FhirBenchmark {

    /**
     * One measurement of a group of files.
     *
     * @param group {@code bundles} (JSON and XML files) or {@code NDJSON}
     * @param files FHIR files measured
     * @param resources resources read (Bundle entries, NDJSON lines)
     * @param bytes total size of the files
     * @param baselineSeconds HAPI parse + serialize of every file (wall time, best round)
     * @param pipelineSeconds the run's scan and transform phases (wall time, best round)
     * @param baselineCpuSeconds process CPU time of the baseline (best round; steadier than wall time on a shared machine)
     * @param pipelineCpuSeconds process CPU time of scan + transform (best round)
     * @param peakHeapBytes sum of the heap pools' peak usage during the measured runs (an upper bound;
     *     with a small maximum heap the collector lets it fill, so see {@code liveHeapBytes})
     * @param liveHeapBytes the most heap still in use just after a garbage collection during the
     *     measured runs: what the pipeline keeps, plus garbage not yet collected
     * @param maxHeapBytes the JVM's maximum heap
     * @param largestFileBytes the largest file measured
     */
    public record Result(String group, int files, long resources, long bytes, double baselineSeconds,
            double pipelineSeconds, double baselineCpuSeconds, double pipelineCpuSeconds, long peakHeapBytes,
            long liveHeapBytes, long maxHeapBytes, long largestFileBytes) {

        /** Pipeline throughput relative to the baseline, by wall time. */
        public double ratio() {
            return baselineSeconds / pipelineSeconds;
        }

        /** The same by process CPU time. */
        public double cpuRatio() {
            return baselineCpuSeconds / pipelineCpuSeconds;
        }
    }

    private FhirBenchmark() {
    }

    /**
     * Measures the FHIR files under {@code input}, Bundles and NDJSON apart ({@code rounds} times
     * each, keeping the fastest of each side), with scratch output in {@code work}.
     *
     * @param warmUp whether to run both sides once before measuring (off for inputs many times the heap)
     * @param baseline whether to time the baseline too (off to measure the pipeline's memory on a Bundle
     *     larger than the heap, which the baseline, parsing it whole, cannot read); its times are then NaN
     */
    public static List<Result> run(Path input, Path work, LoadedProfile profile, int rounds, boolean warmUp,
            boolean baseline) throws IOException, JobException {
        List<Path> bundles = new ArrayList<>();
        List<Path> ndjson = new ArrayList<>();
        for (Path f : fhirFiles(input)) {
            (FhirBaseline.isNdjson(f) ? ndjson : bundles).add(f);
        }
        Files.createDirectories(work);
        List<Result> results = new ArrayList<>();
        if (!bundles.isEmpty()) {
            results.add(measure("bundles", bundles, work, profile, rounds, warmUp, baseline));
        }
        if (!ndjson.isEmpty()) {
            results.add(measure("NDJSON", ndjson, work, profile, rounds, warmUp, baseline));
        }
        return results;
    }

    private static Result measure(String group, List<Path> files, Path work, LoadedProfile profile, int rounds,
            boolean warmUp, boolean withBaseline) throws IOException, JobException {
        long bytes = 0;
        long largest = 0;
        for (Path f : files) {
            bytes += Files.size(f);
            largest = Math.max(largest, Files.size(f));
        }
        if (warmUp) {
            // HAPI's context, the structure definitions FHIRPath needs, and the JIT.
            if (withBaseline) {
                baseline(files, work);
            }
            pipeline(files, work.resolve("warm-up"), profile);
        }
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        long resources = 0;
        long peak = 0;
        long live = 0;
        for (int i = 0; i < rounds; i++) {
            if (withBaseline) {
                double c0 = ProcessCpu.seconds();
                long t0 = System.nanoTime();
                resources = baseline(files, work);
                best[0] = Math.min(best[0], (System.nanoTime() - t0) / 1e9);
                best[1] = Math.min(best[1], ProcessCpu.seconds() - c0);
            } else {
                best[0] = Double.NaN;
                best[1] = Double.NaN;
            }
            double[] p = pipeline(files, work.resolve("round-" + i), profile);
            best[2] = Math.min(best[2], p[0]);
            best[3] = Math.min(best[3], p[1]);
            peak = Math.max(peak, (long) p[2]);
            live = Math.max(live, (long) p[4]);
            if (!withBaseline) {
                resources = (long) p[3]; // resources written: the same count where every file was cleaned
            }
        }
        return new Result(group, files.size(), resources, bytes, best[0], best[2], best[1], best[3], peak, live,
                Runtime.getRuntime().maxMemory(), largest);
    }

    private static List<Path> fhirFiles(Path input) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (FhirBaseline.isFhir(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static long baseline(List<Path> files, Path work) throws IOException {
        long n = 0;
        for (Path f : files) {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(work.resolve("baseline.out")), 1 << 16)) {
                n += FhirBaseline.parseAndPrint(f, o);
            }
        }
        return n;
    }

    /**
     * Wall and CPU seconds of scan + transform, the peak heap of the whole run, the records written,
     * and the most heap in use after a collection.
     */
    private static double[] pipeline(List<Path> files, Path dir, LoadedProfile profile) throws IOException, JobException {
        Map<String, double[]> start = new ConcurrentHashMap<>();
        Map<String, double[]> end = new ConcurrentHashMap<>();
        RunListener timing = new RunListener() {
            private volatile String current;

            @Override
            public void phase(String name, int count, long phaseBytes) {
                double[] now = {System.nanoTime() / 1e9, ProcessCpu.seconds()};
                if (current != null) {
                    end.put(current, now);
                }
                start.put(name, now);
                current = name;
            }
        };
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AfterCollections live = new AfterCollections();
        Files.createDirectories(dir);
        RunResult result = new RunJob(new RunRequest(files, dir.resolve("out"), dir.resolve("out.deidkey"), true,
                "benchmark-passphrase".toCharArray(), profile, 1), timing).sealingKeyFirst().run();
        long records = result.files().stream().mapToLong(org.deidworkbench.model.FileReport::records).sum();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long liveMax = live.stop();
        double wall = 0;
        double cpu = 0;
        for (String phase : List.of(RunPhase.SCAN.id(), RunPhase.TRANSFORM.id())) {
            if (start.containsKey(phase) && end.containsKey(phase)) {
                wall += end.get(phase)[0] - start.get(phase)[0];
                cpu += end.get(phase)[1] - start.get(phase)[1];
            }
        }
        Folders.deleteTree(dir);
        return new double[] {wall, cpu, peak, records, liveMax};
    }

    /** The largest heap in use just after a garbage collection, from the collectors' notifications. */
    private static final class AfterCollections implements javax.management.NotificationListener {
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final List<javax.management.NotificationEmitter> emitters = new ArrayList<>();

        AfterCollections() {
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter e) {
                    e.addNotificationListener(this, null, null);
                    emitters.add(e);
                }
            }
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                return;
            }
            com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
                    .from((javax.management.openmbean.CompositeData) n.getUserData());
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                java.lang.management.MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && after != null) {
                    used += after.getUsed();
                }
            }
            max.accumulateAndGet(used, Math::max);
        }

        long stop() {
            for (javax.management.NotificationEmitter e : emitters) {
                try {
                    e.removeNotificationListener(this);
                } catch (javax.management.ListenerNotFoundException ignored) {
                    // already gone
                }
            }
            return max.get();
        }
    }

    /**
     * Writes synthetic FHIR files of about {@code bytes} each into {@code dir}: an NDJSON bulk export
     * of Observations for 5,000 patients plus their Patients, or one patient's everything as a
     * single pretty-printed Bundle.
     */
    public static void generate(Path dir, long ndjsonBytes, long bundleBytes) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(42);
        if (ndjsonBytes > 0) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("Patient.ndjson"), StandardCharsets.UTF_8)) {
                for (int p = 0; p < 5000; p++) {
                    w.write(patient(p, rng, false));
                    w.write('\n');
                }
            }
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("Observation.ndjson"), StandardCharsets.UTF_8)) {
                long written = 0;
                for (long i = 0; written < ndjsonBytes; i++) {
                    String line = observation(i, "Patient/p" + rng.nextInt(5000), rng);
                    w.write(line);
                    w.write('\n');
                    written += line.length() + 1;
                }
            }
        }
        if (bundleBytes > 0) {
            try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("everything-bundle.json"), StandardCharsets.UTF_8)) {
                w.write("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n  \"entry\": [\n");
                w.write("    {\"fullUrl\": \"urn:uuid:00000000-0000-4000-8000-000000000001\", \"resource\": "
                        + patient(1, rng, true) + "}");
                long written = 0;
                for (long i = 0; written < bundleBytes; i++) {
                    String entry = ",\n    {\"fullUrl\": \"urn:uuid:" + String.format(Locale.ROOT, "%08x-0000-4000-9000-%012x",
                            i >>> 32, i) + "\", \"resource\": "
                            + observation(i, "urn:uuid:00000000-0000-4000-8000-000000000001", rng) + "}";
                    w.write(entry);
                    written += entry.length();
                }
                w.write("\n  ]\n}\n");
            }
        }
    }

    private static String patient(int p, Random rng, boolean uuid) {
        String[] given = {"Avery", "Jordan", "Maribel", "Tobias", "Lucía", "Zoë"};
        String[] family = {"Quillfeather", "Marchetti", "Okonkwo-Lind", "Brannigan", "O'Shaughnessy"};
        return String.format(Locale.ROOT, "{\"resourceType\":\"Patient\",\"id\":\"p%d\",\"identifier\":[{\"type\":{\"coding\":"
                + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"system\":"
                + "\"http://hospital.example.org/mrn\",\"value\":\"%d\"}],\"name\":[{\"family\":\"%s\",\"given\":[\"%s\"]}],"
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"555-%03d-%04d\"}],\"gender\":\"female\",\"birthDate\":\"%s\","
                + "\"address\":[{\"line\":[\"%d Oak Street\"],\"city\":\"Springfield\",\"state\":\"IL\",\"postalCode\":\"62704\"}]}",
                p, 200000 + p, family[p % family.length].replace("'", "\\u0027"), given[p % given.length], rng.nextInt(1000),
                rng.nextInt(10000), LocalDate.of(1930, 1, 1).plusDays(rng.nextInt(30000)), 1 + rng.nextInt(9000));
    }

    private static String observation(long i, String subject, Random rng) {
        String[] comments = {"Specimen re-drawn", "hemolysed, repeat requested", "Called result to ward 4B",
            "Patient Brannigan informed by phone 555-703-7411"};
        return String.format(Locale.ROOT, "{\"resourceType\":\"Observation\",\"id\":\"o%d\",\"status\":\"final\",\"code\":"
                + "{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2345-7\",\"display\":\"Glucose\"}]},\"subject\":"
                + "{\"reference\":\"%s\"},\"effectiveDateTime\":\"%sT%02d:%02d:00Z\",\"valueQuantity\":{\"value\":%.1f,"
                + "\"unit\":\"mg/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg/dL\"},\"note\":[{\"text\":\"%s\"}]}",
                i, subject, LocalDate.of(2020, 1, 1).plusDays(rng.nextInt(1500)), rng.nextInt(24), rng.nextInt(60),
                rng.nextDouble() * 200, comments[rng.nextInt(comments.length)]);
    }
}

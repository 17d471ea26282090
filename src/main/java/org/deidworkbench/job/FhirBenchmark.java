package org.deidworkbench.job;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.deidworkbench.format.fhir.FhirBaseline;
import org.deidworkbench.io.LeavesOpen;
import org.deidworkbench.config.LoadedProfile;

/**
 * Measures the FHIR pipeline against a plain HAPI parse and serialize of the same files, separately
 * for Bundles (and single resources: JSON and XML files) and for NDJSON bulk exports, in the same
 * JVM after the same warm-up passes of both, reporting the best and the median of several rounds (and
 * the JIT's compilation time during them, to show they were past it); also the peak heap of the
 * pipeline. Can generate synthetic NDJSON and single-Bundle files of a given size to show bounded
 * memory. Numbers belong in {@code performance.md}, never in tests.
 */
public final class FhirBenchmark {

    /**
     * The measured rounds of one side (after the warm-up passes), in the order they ran.
     *
     * @param wall wall seconds of each round
     * @param cpu process CPU seconds of each round (every thread: the JIT compilers and the collector too)
     * @param jitSeconds the JIT's compilation time during each round ({@code CompilationMXBean}; NaN where the
     *     JVM does not say): near zero once the side's code is compiled, which is the steady state measured
     * @param threadCpu CPU seconds of the process's Java threads in each round ({@link JavaThreadsCpu}): the
     *     side's own work, without the JIT's compiler threads and the collector's threads that {@code cpu}
     *     counts too (NaN where not measured: the +sync side, whose forcing threads end within the round)
     */
    public record Rounds(double[] wall, double[] cpu, double[] jitSeconds, double[] threadCpu) {

        /** No rounds: a side that was not measured. */
        static final Rounds NONE = new Rounds(new double[0], new double[0], new double[0], new double[0]);

        /** Rounds without the Java threads' CPU (NaN for each). */
        public Rounds(double[] wall, double[] cpu, double[] jitSeconds) {
            this(wall, cpu, jitSeconds, nan(wall.length));
        }

        private static double[] nan(int n) {
            double[] v = new double[n];
            java.util.Arrays.fill(v, Double.NaN);
            return v;
        }

        /** The least Java-thread CPU time of a round (NaN if not measured). */
        public double bestThreadCpu() {
            return best(threadCpu);
        }

        /** The median Java-thread CPU time of the rounds. */
        public double medianThreadCpu() {
            return median(threadCpu);
        }

        /** Whether the side was measured. */
        public boolean measured() {
            return wall.length > 0;
        }

        /** The fastest round's wall time (NaN if not measured). */
        public double bestWall() {
            return best(wall);
        }

        /** The median round's wall time (the mean of the two middle ones for an even count). */
        public double medianWall() {
            return median(wall);
        }

        /** The least CPU time of a round. */
        public double bestCpu() {
            return best(cpu);
        }

        /** The median CPU time of the rounds. */
        public double medianCpu() {
            return median(cpu);
        }

        /** The JIT's compilation time over all measured rounds. */
        public double jitTotal() {
            double t = 0;
            for (double j : jitSeconds) {
                t += j;
            }
            return t;
        }

        static double best(double[] v) {
            return v.length == 0 ? Double.NaN : java.util.Arrays.stream(v).min().getAsDouble();
        }

        static double median(double[] v) {
            if (v.length == 0) {
                return Double.NaN;
            }
            double[] s = v.clone();
            java.util.Arrays.sort(s);
            int m = s.length / 2;
            return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
        }
    }

    /**
     * One measurement of a group of files.
     *
     * @param group {@code bundles} (JSON and XML files) or {@code NDJSON}
     * @param files FHIR files measured
     * @param resources resources read (Bundle entries, NDJSON lines)
     * @param bytes total size of the files
     * @param warmUpPasses passes of each side (baseline, then pipeline) before the measured rounds
     * @param baseline HAPI parse + serialize of every file, each measured round
     * @param pipeline the run's scan and transform phases, each measured round
     * @param durable the baseline written as deid writes its parts: each file into a new file of its own, each
     *     forced to disk by the run's syncer ({@code PartSyncer}), all forced before the round ends (decision 0075)
     * @param peakHeapBytes sum of the heap pools' peak usage during the measured runs (an upper bound;
     *     with a small maximum heap the collector lets it fill, so see {@code liveHeapBytes})
     * @param liveHeapBytes the most heap still in use just after a garbage collection during the
     *     measured runs: what the pipeline keeps, plus garbage not yet collected
     * @param maxHeapBytes the JVM's maximum heap
     * @param largestFileBytes the largest file measured
     */
    public record Result(String group, int files, long resources, long bytes, int warmUpPasses, Rounds baseline,
            Rounds pipeline, long peakHeapBytes, long liveHeapBytes, long maxHeapBytes, long largestFileBytes,
            Rounds durable) {

        /** HAPI parse + serialize, wall time of the fastest round (NaN when the baseline was not measured). */
        public double baselineSeconds() {
            return baseline.bestWall();
        }

        /** Scan + transform, wall time of the fastest round. */
        public double pipelineSeconds() {
            return pipeline.bestWall();
        }

        /** Pipeline throughput relative to the baseline, by the best rounds' wall time. */
        public double ratio() {
            return baseline.bestWall() / pipeline.bestWall();
        }

        /** The same by the best rounds' process CPU time. */
        public double cpuRatio() {
            return baseline.bestCpu() / pipeline.bestCpu();
        }

        /** Pipeline throughput relative to the baseline, by the median rounds' wall time. */
        public double medianRatio() {
            return baseline.medianWall() / pipeline.medianWall();
        }

        /** The same by the median rounds' process CPU time. */
        public double medianCpuRatio() {
            return baseline.medianCpu() / pipeline.medianCpu();
        }

        /**
         * The same by the best rounds' CPU of the Java threads alone (the baseline's thread against the run's
         * threads): what the pipeline's own code costs against HAPI's, without the JIT and the collector.
         */
        public double threadCpuRatio() {
            return baseline.bestThreadCpu() / pipeline.bestThreadCpu();
        }

        /** The same by the median rounds' Java-thread CPU. */
        public double medianThreadCpuRatio() {
            return baseline.medianThreadCpu() / pipeline.medianThreadCpu();
        }

        /** Pipeline throughput relative to the baseline written and forced as deid writes, by the best rounds' wall time. */
        public double durableRatio() {
            return durable.bestWall() / pipeline.bestWall();
        }

        /** The same by the median rounds' wall time. */
        public double durableMedianRatio() {
            return durable.medianWall() / pipeline.medianWall();
        }
    }

    /** Warm-up passes of each side before the measured rounds unless told otherwise. */
    public static final int DEFAULT_WARM_UP = 5;

    private FhirBenchmark() {
    }

    /**
     * Measures the FHIR files under {@code input}, Bundles and NDJSON apart ({@code rounds} times
     * each side, interleaved: baseline, pipeline, baseline, pipeline…), with scratch output in {@code work}.
     *
     * @param warmUp passes of each side, interleaved the same way, before the measured rounds: both sides
     *     get the same (0 for inputs many times the heap, where one pass is long). The JIT keeps compiling
     *     the pipeline's larger code for several passes; the rounds' JIT time shows whether it still was
     * @param baseline whether to time the baseline too (off to measure the pipeline's memory on a Bundle
     *     larger than the heap, which the baseline, parsing it whole, cannot read); its rounds are then empty
     */
    public static List<Result> run(Path input, Path work, LoadedProfile profile, int rounds, int warmUp,
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
            int warmUp, boolean withBaseline) throws IOException, JobException {
        long bytes = 0;
        long largest = 0;
        for (Path f : files) {
            bytes += Files.size(f);
            largest = Math.max(largest, Files.size(f));
        }
        // HAPI's context, the structure definitions FHIRPath needs, and the JIT: the same passes for both sides
        for (int i = 0; i < warmUp; i++) {
            if (withBaseline) {
                baseline(files, work);
                durable(files, work.resolve("durable"));
            }
            pipeline(files, work.resolve("warm-up"), profile);
        }
        int n = Math.max(1, rounds);
        double[][] base = new double[4][withBaseline ? n : 0];
        double[][] pipe = new double[4][n];
        double[][] forced = new double[3][withBaseline ? n : 0];
        long resources = 0;
        long peak = 0;
        long live = 0;
        for (int i = 0; i < n; i++) {
            if (withBaseline) {
                double j0 = JitClock.seconds();
                double c0 = ProcessCpu.seconds();
                Map<Long, Long> h0 = JavaThreadsCpu.snapshot();
                long t0 = System.nanoTime();
                resources = baseline(files, work);
                base[0][i] = (System.nanoTime() - t0) / 1e9;
                base[1][i] = ProcessCpu.seconds() - c0;
                base[2][i] = JitClock.seconds() - j0;
                base[3][i] = JavaThreadsCpu.since(h0);
                j0 = JitClock.seconds();
                c0 = ProcessCpu.seconds();
                t0 = System.nanoTime();
                durable(files, work.resolve("durable"));
                forced[0][i] = (System.nanoTime() - t0) / 1e9;
                forced[1][i] = ProcessCpu.seconds() - c0;
                forced[2][i] = JitClock.seconds() - j0;
                Folders.deleteTree(work.resolve("durable")); // untimed, as the pipeline's round folder
            }
            double[] p = pipeline(files, work.resolve("round-" + i), profile);
            pipe[0][i] = p[0];
            pipe[1][i] = p[1];
            pipe[2][i] = p[5];
            pipe[3][i] = p[6];
            peak = Math.max(peak, (long) p[2]);
            live = Math.max(live, (long) p[4]);
            if (!withBaseline) {
                resources = (long) p[3]; // resources written: the same count where every file was cleaned
            }
        }
        return new Result(group, files.size(), resources, bytes, warmUp,
                withBaseline ? new Rounds(base[0], base[1], base[2], base[3]) : Rounds.NONE,
                new Rounds(pipe[0], pipe[1], pipe[2], pipe[3]),
                peak, live, Runtime.getRuntime().maxMemory(), largest,
                withBaseline ? new Rounds(forced[0], forced[1], forced[2]) : Rounds.NONE);
    }

    /** The JIT's total compilation time so far, in seconds (NaN where the JVM does not say). */
    private static final class JitClock {
        private static final java.lang.management.CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

        private JitClock() {
        }

        static double seconds() {
            return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() / 1e3
                    : Double.NaN;
        }
    }

    /**
     * The CPU time of the process's Java threads, thread by thread ({@link #snapshot}), and the time they spent
     * between two snapshots ({@link #since}): each thread alive at the second one counts from the first (or from
     * its start, if it began since), so a thread that ends in between (a run's workers after their run, a
     * syncer's threads) neither takes its earlier time away nor adds it. The JIT's compiler threads are hidden
     * from {@code ThreadMXBean} and the collector's are not Java threads, so neither is counted. A thread that
     * starts and ends between the two snapshots is not counted: read only around work whose threads outlive it
     * (the baseline's own thread; a run's main thread, workers and part syncers, alive from the scan's start to
     * the transform's end).
     */
    static final class JavaThreadsCpu {
        private static final java.lang.management.ThreadMXBean MX = ManagementFactory.getThreadMXBean();

        private JavaThreadsCpu() {
        }

        /** Each live thread's CPU nanoseconds by its id; null where the JVM does not measure them. */
        static Map<Long, Long> snapshot() {
            if (!(MX instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadCpuTimeSupported()
                    || !threads.isThreadCpuTimeEnabled()) {
                return null;
            }
            long[] ids = threads.getAllThreadIds();
            long[] cpu = threads.getThreadCpuTime(ids);
            Map<Long, Long> out = new java.util.HashMap<>();
            for (int i = 0; i < ids.length; i++) {
                if (cpu[i] >= 0) { // -1: ended since the ids were listed
                    out.put(ids[i], cpu[i]);
                }
            }
            return out;
        }

        /** Seconds of CPU the threads alive now spent since {@code before} (NaN if either was not measured). */
        static double since(Map<Long, Long> before) {
            return between(before, snapshot());
        }

        /** Seconds of CPU the threads alive at {@code after} spent since {@code before}. */
        static double between(Map<Long, Long> before, Map<Long, Long> after) {
            if (before == null || after == null) {
                return Double.NaN;
            }
            long sum = 0;
            for (Map.Entry<Long, Long> t : after.entrySet()) {
                sum += Math.max(0, t.getValue() - before.getOrDefault(t.getKey(), 0L));
            }
            return sum / 1e9;
        }
    }

    private static List<Path> fhirFiles(Path input) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
            for (Path p : walk.filter(BenchRuns::readByARun).sorted().toList()) {
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
     * The baseline written as deid writes its parts (decision 0075): each file parsed and printed by HAPI into
     * a new file of its own in {@code dir}, handed to a {@link PartSyncer} as a run with one worker has (which
     * forces it, {@code fdatasync}, on its own threads), and every file forced before this returns. What deid
     * does beyond that (the parts' SHA-256, the scan pass, the cleaning) is the pipeline's own work.
     */
    private static long durable(List<Path> files, Path dir) throws IOException {
        Folders.deleteTree(dir);
        Files.createDirectories(dir);
        long n = 0;
        try (PartSyncer syncer = PartSyncer.forWorkers(1)) {
            for (int i = 0; i < files.size(); i++) {
                Path out = dir.resolve(i + ".out");
                // As a run's part: written through a channel that is handed, open, to the syncer (decision 0076).
                FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                try (OutputStream o = new BufferedOutputStream(new LeavesOpen(Channels.newOutputStream(channel)), 1 << 16)) {
                    n += FhirBaseline.parseAndPrint(files.get(i), o);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                syncer.submit(i, out, channel);
            }
            Map<Integer, IOException> failed = syncer.awaitAll();
            if (!failed.isEmpty()) {
                throw failed.values().iterator().next();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while forcing the baseline's files", e);
        }
        return n;
    }

    /**
     * Wall and CPU seconds of scan + transform, the peak heap of the whole run, the records written,
     * the most heap in use after a collection, the JIT's compilation seconds during scan + transform, and the
     * Java threads' CPU seconds during them.
     */
    private static double[] pipeline(List<Path> files, Path dir, LoadedProfile profile) throws IOException, JobException {
        Map<String, double[]> start = new ConcurrentHashMap<>();
        Map<String, double[]> end = new ConcurrentHashMap<>();
        Map<String, Map<Long, Long>> threadsAtStart = new ConcurrentHashMap<>();
        Map<String, Map<Long, Long>> threadsAtEnd = new ConcurrentHashMap<>();
        RunListener timing = new RunListener() {
            private volatile String current;

            @Override
            public void phase(String name, int count, long phaseBytes) {
                double[] now = {System.nanoTime() / 1e9, ProcessCpu.seconds(), JitClock.seconds()};
                Map<Long, Long> threads = JavaThreadsCpu.snapshot();
                if (current != null) {
                    end.put(current, now);
                    if (threads != null) {
                        threadsAtEnd.put(current, threads);
                    }
                }
                start.put(name, now);
                if (threads != null) {
                    threadsAtStart.put(name, threads);
                }
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
        BenchRuns.requireAllWritten(result, f -> true, files.size());
        long records = result.files().stream().mapToLong(org.deidworkbench.model.FileReport::records).sum();
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long liveMax = live.stop();
        double wall = 0;
        double cpu = 0;
        double jit = 0;
        double threads = 0;
        for (String phase : List.of(RunPhase.SCAN.id(), RunPhase.TRANSFORM.id())) {
            if (start.containsKey(phase) && end.containsKey(phase)) {
                wall += end.get(phase)[0] - start.get(phase)[0];
                cpu += end.get(phase)[1] - start.get(phase)[1];
                jit += end.get(phase)[2] - start.get(phase)[2];
                threads += JavaThreadsCpu.between(threadsAtStart.get(phase), threadsAtEnd.get(phase));
            }
        }
        Folders.deleteTree(dir);
        return new double[] {wall, cpu, peak, records, liveMax, jit, threads};
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

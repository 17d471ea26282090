package org.deidworkbench.job;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.model.PseudonymEntry;

/**
 * Speed and memory of the leak verifier against a plain read of the same bytes: a synthetic output tree
 * (de-identified-looking CSV and text files in folders) or a real one, and a key file of synthetic
 * originals (names, MRNs, phone numbers, dates). For {@code deid bench verify}; not used by runs.
 */
public final class VerifyBenchmark {

    /**
     * One measurement (the fastest of the rounds for each side).
     *
     * @param files files in the tree
     * @param bytes their total size
     * @param originals original values looked for
     * @param readSeconds reading every byte of every file with the same thread count
     * @param verifySeconds the verifier over the same tree
     * @param hits hits found (0 on a clean synthetic tree)
     * @param peakHeapBytes sum of the heap pools' peak usage during verification (an upper bound)
     * @param maxHeapBytes the JVM's maximum heap
     * @param readCpuSeconds process CPU time of the plain read
     * @param verifyCpuSeconds process CPU time of the verifier, dictionary included
     * @param dictionaryCpuSeconds process CPU time of building the dictionary alone (part of the verifier's)
     */
    public record Result(int files, long bytes, int originals, double readSeconds, double verifySeconds, long hits,
            long peakHeapBytes, long maxHeapBytes, double readCpuSeconds, double verifyCpuSeconds,
            double dictionaryCpuSeconds) {
        /** Verifier speed as a share of the plain read's. */
        public double ratio() {
            return readSeconds / verifySeconds;
        }
    }

    private static final String[] SYLLABLES = {"an", "ber", "cor", "dal", "el", "fin", "gor", "hal", "is", "jo", "kar",
        "lin", "mor", "nel", "os", "per", "quin", "ros", "sal", "tor", "ul", "ven", "wil", "xan", "yor", "zel"};

    private VerifyBenchmark() {
    }

    /** Writes a synthetic de-identified-looking tree of about {@code bytes} bytes into {@code dir}. */
    public static void generate(Path dir, long bytes) throws IOException {
        Random random = new Random(42);
        long written = 0;
        int file = 0;
        while (written < bytes) {
            Path folder = Files.createDirectories(dir.resolve("site-" + (file % 4)));
            long target = Math.min(64L << 20, bytes - written);
            boolean csv = file % 3 != 2;
            Path path = folder.resolve((csv ? "export-" : "notes-") + file + (csv ? ".csv" : ".txt"));
            long n = 0;
            try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                if (csv) {
                    String header = "patient_id;encounter_id;collected_at;loinc_code;test_name;result_value;unit;comment\n";
                    w.write(header);
                    n += header.length();
                }
                StringBuilder line = new StringBuilder(160);
                while (n < target) {
                    line.setLength(0);
                    if (csv) {
                        line.append(pseudonym(random)).append(';').append(pseudonym(random)).append(';')
                                .append(2015 + random.nextInt(10)).append('-').append(two(1 + random.nextInt(12)))
                                .append('-').append(two(1 + random.nextInt(28))).append(' ').append(two(random.nextInt(24)))
                                .append(':').append(two(random.nextInt(60))).append(';').append(1000 + random.nextInt(9000))
                                .append('-').append(random.nextInt(10)).append(";Creatinine;")
                                .append(random.nextInt(20)).append('.').append(random.nextInt(10)).append(";mg/dL;")
                                .append(random.nextInt(4) == 0 ? "seen by Dr. [NAME], call back at [PHONE]" : "")
                                .append('\n');
                    } else {
                        line.append("Pt ").append(pseudonym(random)).append(" seen on ").append(two(1 + random.nextInt(12)))
                                .append('/').append(two(1 + random.nextInt(28))).append("/2023 by Dr. [NAME]. Vitals within"
                                        + " normal limits; follow-up in ").append(random.nextInt(8)).append(" weeks.\n");
                    }
                    w.append(line);
                    n += line.length();
                }
            }
            written += Files.size(path);
            file++;
        }
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static String pseudonym(Random r) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        char[] c = new char[12];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    /** A key file's contents with {@code count} synthetic originals: names, MRNs, phones and birth dates in turn. */
    public static KeyFileContents originals(int count) throws KeyFileException {
        Random random = new Random(7);
        KeyFileContents contents = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        List<PseudonymEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String original = switch (i % 4) {
                case 0 -> name(random) + " " + name(random);
                case 1 -> Integer.toString(1_000_000 + random.nextInt(9_000_000));
                case 2 -> "555-" + (100 + random.nextInt(900)) + "-" + (1000 + random.nextInt(9000));
                default -> (1930 + random.nextInt(80)) + "-" + two(1 + random.nextInt(12)) + "-" + two(1 + random.nextInt(28));
            };
            entries.add(new PseudonymEntry("patient", "P" + i, original));
        }
        contents.addEntries(entries);
        return contents;
    }

    private static String name(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2 + r.nextInt(2); i++) {
            sb.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        return sb.toString();
    }

    /** Measures the verifier and a plain read on {@code tree}, {@code rounds} times each, keeping the fastest. */
    public static Result run(Path tree, KeyFileContents keys, int threads, int rounds) throws IOException, JobException {
        return run(tree, keys, threads, rounds, false);
    }

    /**
     * As {@link #run(Path, KeyFileContents, int, int)}; when {@code cold}, every file's pages are dropped from the
     * page cache ({@link #evict}) before each timed read and each timed verification, so both sides read the disk.
     */
    public static Result run(Path tree, KeyFileContents keys, int threads, int rounds, boolean cold)
            throws IOException, JobException {
        try {
            return run(tree, (t, n) -> new VerifyJob(t, keys, false, n), threads, rounds, cold);
        } catch (KeyFileException e) {
            throw new IllegalStateException(e); // an opened key file is not read again
        }
    }

    /** Makes the job of one verification: from an opened key file, or opening one as a stream each time. */
    @FunctionalInterface
    public interface Jobs {
        VerifyJob job(Path tree, int threads) throws KeyFileException;
    }

    /**
     * As {@link #run(Path, KeyFileContents, int, int, boolean)}, with each verification's job from {@code jobs}: when it
     * opens the key file (as {@link VerifyJob#streamed} does), the verification's time includes opening it, and so does
     * the dictionary's.
     */
    public static Result run(Path tree, Jobs jobs, int threads, int rounds, boolean cold)
            throws IOException, JobException, KeyFileException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tree)) {
            files = walk.filter(BenchRuns::readByARun).sorted().toList();
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        // warm-up: JIT and page cache
        read(files, threads);
        jobs.job(tree, threads).run();
        double best = Double.MAX_VALUE;
        double bestRead = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        double bestReadCpu = Double.MAX_VALUE;
        long hits = 0;
        int values = 0;
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        for (int i = 0; i < rounds; i++) {
            if (cold) {
                evict(files);
            }
            double c0 = ProcessCpu.seconds();
            long t0 = System.nanoTime();
            read(files, threads);
            bestRead = Math.min(bestRead, (System.nanoTime() - t0) / 1e9);
            double c1 = ProcessCpu.seconds();
            bestReadCpu = Math.min(bestReadCpu, c1 - c0);
            if (cold) {
                evict(files);
                c1 = ProcessCpu.seconds();
            }
            long t1 = System.nanoTime();
            VerifyReport r = jobs.job(tree, threads).run();
            best = Math.min(best, (System.nanoTime() - t1) / 1e9);
            bestCpu = Math.min(bestCpu, ProcessCpu.seconds() - c1);
            hits = r.hitCount();
            values = r.values();
        }
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double c = ProcessCpu.seconds();
        jobs.job(tree, threads).dictionary();
        double dictionary = ProcessCpu.seconds() - c;
        return new Result(files.size(), bytes, values, bestRead, best, hits, peak, Runtime.getRuntime().maxMemory(),
                bestReadCpu, bestCpu, dictionary);
    }

    /**
     * Drops each file's pages from the page cache with GNU {@code dd iflag=nocache count=0} (which asks the kernel,
     * through {@code posix_fadvise(DONTNEED)}, to forget the whole file). Pages not yet written back (a file written
     * moments ago) stay: a tree written minutes before is not all read from the disk.
     */
    static void evict(List<Path> files) throws IOException {
        for (Path f : files) {
            Process p = new ProcessBuilder("dd", "if=" + f, "iflag=nocache", "count=0", "status=none")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (p.waitFor() != 0) {
                    throw new IOException("cannot drop " + f + " from the page cache (GNU dd with iflag=nocache needed)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Reads every byte of every file in 64 KiB blocks on {@code threads} threads (the baseline). */
    static long read(List<Path> files, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong total = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    byte[] buffer = new byte[1 << 16];
                    long sum = 0;
                    try (InputStream in = Files.newInputStream(f)) {
                        int n;
                        while ((n = in.read(buffer)) > 0) {
                            sum += n + buffer[0];
                        }
                    }
                    total.addAndGet(sum);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return total.get();
    }
}

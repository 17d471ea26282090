package org.deidworkbench.job;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.deidworkbench.deid.leak.LeakDictionary;
import org.deidworkbench.deid.leak.LeakScanner;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.ValueReader;
import org.deidworkbench.io.AtomicFiles;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;

/**
 * The leak verifier: scans every file and every file and folder name of an output tree for the original
 * values recorded in a key file (through {@link LeakDictionary}) and for PHI patterns. Files are read
 * value by value through their format's {@link ValueReader} when it has one, else as raw text (UTF-8, with
 * Latin-1 for stray bytes); a recognised format without a value reader, a compressed container, or a
 * file its reader rejects is listed as not scanned completely, never skipped silently.
 *
 * <p>Streams: memory is the dictionary plus one buffer and one record per thread, whatever the tree's
 * size. Files are scanned in parallel; the report is in path order whatever the thread count. One
 * instance runs once; not thread-safe.
 */
public final class VerifyJob {

    /** How a path segment that holds a hit is shown. */
    public static final String WITHHELD_NAME = "[name withheld]";
    /** Hits listed per file; further ones are counted. */
    public static final int LISTED_PER_FILE = 100;
    /** Name of the report {@code deid run --verify} writes into the output folder when it finds something. */
    public static final String REPORT = "deid-verify.json";

    private static final int BUFFER = 1 << 16;

    private final Path output;
    private final KeyFileContents keys;
    /** The dictionary's records, fed already when the key file was read as a stream; else null (fed in {@link #run}). */
    private KeyDictionary fed;
    private final boolean reveal;
    private final int threads;

    /**
     * @param output the folder to verify
     * @param keys the opened key file whose originals are looked for
     * @param reveal whether hits carry the value found (for the key holder's eyes only)
     * @param threads files scanned in parallel (1 or more)
     */
    public VerifyJob(Path output, KeyFileContents keys, boolean reveal, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        this.output = output.toAbsolutePath().normalize();
        this.keys = keys;
        this.reveal = reveal;
        this.threads = threads;
    }

    /**
     * A job whose key file is read as a stream straight into the dictionary (decision 0061): memory holds the
     * dictionary, not the key file's records, and the originals' strings only when {@code reveal}. The passphrase is
     * not kept or changed; the caller wipes it.
     *
     * @throws KeyFileException as {@link org.deidworkbench.keyfile.KeyFileStore#openStreamed}
     */
    public static VerifyJob streamed(Path output, Path keyFile, char[] passphrase, boolean reveal, int threads)
            throws KeyFileException {
        KeyDictionary.Opened opened = KeyDictionary.open(keyFile, passphrase, reveal);
        VerifyJob job = new VerifyJob(output, opened.contents(), reveal, threads);
        job.fed = opened.dictionary();
        return job;
    }

    /** The dictionary, the count of values in it, and the run's attested coincidences by attestation key. */
    private record Prepared(LeakDictionary dictionary, int values, Map<Long, Integer> budget) {
    }

    /** Builds the dictionary (once: the job runs once); the builder and the fed records are garbage afterwards. */
    private Prepared prepare() {
        KeyDictionary feed = fed != null ? fed : KeyDictionary.of(keys, reveal);
        fed = null;
        LeakDictionary.Builder builder = feed.finish();
        Map<Long, Integer> budget = attestations(builder);
        return new Prepared(builder.build(), builder.values(), budget);
    }

    /** The dictionary alone, as {@link #run} builds it (for {@code deid bench verify}); the job cannot run afterwards. */
    LeakDictionary dictionary() {
        return prepare().dictionary;
    }

    /** Verifies the folder. */
    public VerifyReport run() throws JobException {
        Instant started = Instant.now();
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "no output folder " + output + " to verify", null);
        }
        Prepared prepared = prepare();
        LeakDictionary dictionary = prepared.dictionary;
        int values = prepared.values;
        Map<Long, Integer> budget = prepared.budget;

        List<Path> entries;
        try (Stream<Path> walk = Files.walk(output)) {
            entries = walk.filter(p -> !p.equals(output)).sorted().toList();
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot list the folder " + output + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        // names first: a name with a hit is withheld wherever a path is shown
        Map<Path, String> shown = new LinkedHashMap<>();
        Map<String, FileSink> nameHits = new LinkedHashMap<>();
        Set<Path> leakingNames = new HashSet<>();
        for (Path p : entries) {
            FileSink sink = new FileSink();
            LeakScanner names = new LeakScanner(dictionary, reveal, sink).bySubject();
            boolean folder = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            String what = folder ? "folder name" : "file name";
            names.freeText(p.getFileName().toString(), () -> what);
            names.endRecord();
            if (sink.count > 0) {
                leakingNames.add(p);
                nameHits.put(p.toString(), sink);
            }
        }
        for (Path p : entries) {
            shown.put(p, display(p, leakingNames));
        }
        List<Path> files = entries.stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        List<VerifyReport.NotScanned> notScanned = new ArrayList<>();
        for (Path p : entries) {
            if (Files.isSymbolicLink(p)) {
                notScanned.add(new VerifyReport.NotScanned(shown.get(p), "a symbolic link; its target was not followed"));
            }
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "deid-verify");
            t.setDaemon(true);
            return t;
        });
        List<Future<FileResult>> futures = new ArrayList<>();
        for (Path f : files) {
            futures.add(pool.submit(() -> scanFile(f, dictionary, budget)));
        }
        List<VerifyReport.FileHits> hits = new ArrayList<>();
        long bytes = 0;
        long attested = 0;
        try {
            Map<Path, FileResult> results = new LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                results.put(files.get(i), futures.get(i).get());
            }
            // attested coincidences are granted in path order, so the report is the same at any thread count
            for (FileResult r : results.values()) {
                attested += r.sink.settle(budget);
            }
            for (Path p : entries) {
                FileSink nameSink = nameHits.get(p.toString());
                FileResult r = results.get(p);
                long count = (nameSink == null ? 0 : nameSink.count) + (r == null ? 0 : r.sink.count);
                if (count > 0) {
                    List<VerifyReport.Hit> listed = new ArrayList<>();
                    if (nameSink != null) {
                        listed.addAll(nameSink.listed);
                    }
                    if (r != null) {
                        listed.addAll(r.sink.listed.subList(0, Math.min(r.sink.listed.size(),
                                LISTED_PER_FILE - listed.size())));
                    }
                    hits.add(new VerifyReport.FileHits(shown.get(p), listed, count));
                }
                if (r != null) {
                    bytes += r.bytes;
                    r.incomplete.ifPresent(why -> notScanned.add(new VerifyReport.NotScanned(shown.get(p), why)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobException(JobException.Reason.CANCELLED, "verification interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read a file in " + output + " ("
                    + cause.getClass().getSimpleName() + ")", cause);
        } finally {
            pool.shutdownNow();
        }
        double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        return new VerifyReport(output, files.size(), bytes, seconds, values, hits, notScanned, attested);
    }

    /**
     * The attested coincidences of the run that wrote this folder (decision 0029): of the key file's latest run whose
     * output folder had this folder's name, by {@link LeakScanner#attestation} key. A renamed folder has none: its own
     * coincidences are then reported as hits, never the other way round.
     */
    private Map<Long, Integer> attestations(LeakDictionary.Builder builder) {
        String name = output.getFileName() == null ? "" : output.getFileName().toString();
        String runId = null;
        for (var run : keys.runs()) {
            if (name.equals(run.outputFolderName())) {
                runId = run.runId();
            }
        }
        Map<Long, Integer> budget = new java.util.HashMap<>();
        if (runId != null) {
            keys.coincidences(runId).forEach((subject, days) -> {
                int id = builder.subject(subject);
                days.forEach((day, count) -> budget.put(LeakScanner.attestation(id, day), count));
            });
        }
        return budget;
    }

    /** The path relative to the output, with every leaking segment withheld. */
    private String display(Path p, Set<Path> leakingNames) {
        Path rel = output.relativize(p);
        StringBuilder sb = new StringBuilder();
        Path prefix = output;
        for (Path segment : rel) {
            prefix = prefix.resolve(segment);
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(leakingNames.contains(prefix) ? WITHHELD_NAME : segment.toString());
        }
        return sb.toString();
    }

    /**
     * Collects a file's hits: the first {@value #LISTED_PER_FILE}, and the count; and, in order, the hits that the
     * run's attestations may cover, settled once every file is scanned.
     */
    private static final class FileSink implements LeakScanner.Sink {
        private final List<VerifyReport.Hit> listed = new ArrayList<>();
        private long count;
        private final List<LeakScanner.Hit> attestable = new ArrayList<>();
        private long[] keys = new long[4];
        private long[] occurrences = new long[4];

        @Override
        public void hit(LeakScanner.Hit hit) {
            count++;
            if (listed.size() < LISTED_PER_FILE && hit.location() != null) {
                listed.add(new VerifyReport.Hit(hit.kind().name(), hit.source(), hit.location(), hit.value()));
            }
        }

        @Override
        public void attestable(LeakScanner.Hit hit, long attestation, long occurrence) {
            int n = attestable.size();
            if (n == keys.length) {
                keys = java.util.Arrays.copyOf(keys, n * 2);
                occurrences = java.util.Arrays.copyOf(occurrences, n * 2);
            }
            attestable.add(hit);
            keys[n] = attestation;
            occurrences[n] = occurrence;
        }

        /**
         * Grants the run's attestations to this file's attestable hits in order, one per date found (several originals
         * of one day in one date are one coincidence); hits beyond what the run attested are hits.
         *
         * @return the attested coincidences
         */
        long settle(Map<Long, Integer> budget) {
            long granted = 0;
            int i = 0;
            while (i < attestable.size()) {
                int j = i + 1;
                while (j < attestable.size() && occurrences[j] == occurrences[i] && keys[j] == keys[i]) {
                    j++;
                }
                Integer left = budget.get(keys[i]);
                if (left != null && left > 0) {
                    budget.put(keys[i], left - 1);
                    granted++;
                } else {
                    for (int k = i; k < j; k++) {
                        hit(attestable.get(k));
                    }
                }
                i = j;
            }
            attestable.clear();
            return granted;
        }

        @Override
        public boolean listing() {
            return listed.size() < LISTED_PER_FILE;
        }
    }

    private record FileResult(FileSink sink, long bytes, Optional<String> incomplete) {
    }

    private FileResult scanFile(Path file, LeakDictionary dictionary, Map<Long, Integer> budget)
            throws IOException {
        FileSink sink = new FileSink();
        LeakScanner scanner = new LeakScanner(dictionary, reveal, sink).bySubject();
        if (!budget.isEmpty()) {
            scanner.attested(budget::containsKey); // read only while files are scanned
        }
        long size = Files.size(file);
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(16 * 1024);
        }
        Optional<String> container = container(head);
        if (container.isPresent()) {
            raw(file, scanner);
            return new FileResult(sink, size, Optional.of(container.get() + ": its compressed contents were not"
                    + " decoded (scanned as raw bytes only)"));
        }
        FileFormat format = FormatDetector.detect(head, file.getFileName().toString());
        if (format == FileFormat.UNKNOWN && json(head)) {
            // JSON of no format of ours (a run's report): read value by value, so that a count is a number, not text
            Optional<ValueReader> values = FormatRegistry.handler(FileFormat.FHIR_JSON).flatMap(FormatHandler::valueReader);
            if (values.isPresent()) {
                try {
                    FileVisitor visitor = new FileVisitor(scanner);
                    values.get().read(file, visitor, () -> false);
                    scanner.endRecord();
                    return new FileResult(sink, size, visitor.incomplete());
                } catch (FormatException notJson) {
                    FileSink rawSink = new FileSink();
                    raw(file, new LeakScanner(dictionary, reveal, rawSink).bySubject());
                    return new FileResult(rawSink, size, Optional.empty());
                }
            }
        }
        Optional<FormatHandler> handler = FormatRegistry.handler(format);
        Optional<ValueReader> reader = handler.flatMap(FormatHandler::valueReader);
        if (reader.isPresent()) {
            FileVisitor visitor = new FileVisitor(scanner);
            try {
                reader.get().read(file, visitor, () -> false);
                scanner.endRecord();
                return new FileResult(sink, size, visitor.incomplete());
            } catch (FormatException e) {
                FileSink rawSink = new FileSink();
                raw(file, new LeakScanner(dictionary, reveal, rawSink).bySubject());
                return new FileResult(rawSink, size, Optional.of("not readable as " + handler.get().name() + " ("
                        + e.code() + " at " + e.location() + "); scanned as raw text only"));
            }
        }
        raw(file, scanner);
        if (format != FileFormat.UNKNOWN) {
            return new FileResult(sink, size, Optional.of("not scanned value by value: format " + format.name()
                    + " has no value reader in this version; scanned as raw text only (misses deflated or encoded values)"));
        }
        return new FileResult(sink, size, Optional.empty());
    }

    /** Hands a value reader's values to the scanner and notes what it could not look into. */
    private static final class FileVisitor implements ValueReader.Visitor {
        private static final int REASONS = 3;
        private final LeakScanner scanner;
        private final byte[] buffer = new byte[BUFFER];
        private final List<String> notScanned = new ArrayList<>();
        private int more;

        FileVisitor(LeakScanner scanner) {
            this.scanner = scanner;
        }

        @Override
        public void value(CharSequence value, Supplier<String> where) {
            scanner.value(value, where);
        }

        @Override
        public void value(char[] chars, int offset, int length, Supplier<String> where) {
            scanner.value(chars, offset, length, where);
        }

        @Override
        public void bytes(InputStream value, Supplier<String> where) throws IOException {
            scanner.rawValue(value, buffer, where);
        }

        @Override
        public void endRecord() {
            scanner.endRecord();
        }

        @Override
        public void notScanned(String what) {
            if (notScanned.size() < REASONS) {
                notScanned.add(what);
            } else {
                more++;
            }
        }

        Optional<String> incomplete() {
            if (notScanned.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(String.join("; ", notScanned) + (more > 0 ? "; and " + more + " more" : ""));
        }
    }

    private static void raw(Path file, LeakScanner scanner) throws IOException {
        byte[] buffer = new byte[BUFFER];
        scanner.startRaw();
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                scanner.rawBytes(buffer, 0, n);
            }
        }
        scanner.endRaw();
        scanner.endRecord();
    }

    /** Whether a file's head looks like JSON: its first character that is not white space opens an object or array. */
    static boolean json(byte[] head) {
        for (byte b : head) {
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return false;
    }

    /** Compressed or encoded containers whose contents raw scanning cannot see. */
    static Optional<String> container(byte[] h) {
        if (h.length >= 2 && (h[0] & 0xFF) == 0x1F && (h[1] & 0xFF) == 0x8B) {
            return Optional.of("a gzip file");
        }
        if (h.length >= 4 && h[0] == 'P' && h[1] == 'K' && h[2] == 3 && h[3] == 4) {
            return Optional.of("a zip archive");
        }
        if (h.length >= 4 && h[0] == '%' && h[1] == 'P' && h[2] == 'D' && h[3] == 'F') {
            return Optional.of("a PDF document");
        }
        if (h.length >= 3 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h') {
            return Optional.of("a bzip2 file");
        }
        if (h.length >= 6 && (h[0] & 0xFF) == 0xFD && h[1] == '7' && h[2] == 'z' && h[3] == 'X' && h[4] == 'Z') {
            return Optional.of("an xz file");
        }
        if (h.length >= 6 && h[0] == '7' && h[1] == 'z' && (h[2] & 0xFF) == 0xBC && (h[3] & 0xFF) == 0xAF) {
            return Optional.of("a 7-zip archive");
        }
        if (h.length >= 4 && (h[0] & 0xFF) == 0x28 && (h[1] & 0xFF) == 0xB5 && (h[2] & 0xFF) == 0x2F && (h[3] & 0xFF) == 0xFD) {
            return Optional.of("a zstd file");
        }
        return Optional.empty();
    }

    /** Writes the report (without values) as JSON into {@code file}, atomically. */
    public static void writeReport(Path file, VerifyReport report) throws IOException {
        AtomicFiles.write(file, VerifyReportJson.render(report, false).getBytes(StandardCharsets.UTF_8));
    }
}

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
        // with a second thread, the records go into the dictionary while the key file is still being read (decision 0082)
        KeyDictionary.Opened opened = KeyDictionary.open(keyFile, passphrase, reveal, threads > 1);
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
        // a large file of line records (NDJSON) in parts, so that both threads read it (decision 0073: one such file was
        // 64 % of a tree, read on one thread while the other had finished); the largest work first
        List<List<Part>> parts = new ArrayList<>();
        List<Part> work = new ArrayList<>();
        for (Path f : files) {
            List<Part> of = parts(f);
            parts.add(of);
            work.addAll(of);
        }
        work.sort(java.util.Comparator.comparingLong(Part::size).reversed());
        for (Part part : work) {
            part.future = pool.submit(() -> part.whole() ? scanFile(part.file, dictionary, budget).pruned()
                    : scanPart(part, dictionary, budget));
        }
        List<VerifyReport.FileHits> hits = new ArrayList<>();
        long bytes = 0;
        long attested = 0;
        long shared = 0;
        try {
            Map<Path, FileResult> results = new LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                results.put(files.get(i), merge(parts.get(i), dictionary, budget));
            }
            // attested coincidences are granted in path order, so the report is the same at any thread count
            for (FileResult r : results.values()) {
                attested += r.sink.settle(budget);
                shared += r.sink.settleShared();
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
        return new VerifyReport(output, files.size(), bytes, seconds, values, hits, notScanned, attested, shared);
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
        /** Per (original, field): its whole values in records of its own subjects, and in records of others only. */
        private final Map<SharedField, long[]> fields = new java.util.HashMap<>();
        /** The hits held for {@link #settleShared}, in order, with their (original, field). */
        private final List<LeakScanner.Hit> shared = new ArrayList<>();
        private final List<SharedField> sharedFields = new ArrayList<>();

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

        @Override
        public void shared(LeakScanner.Hit hit, int original, Object field) {
            SharedField key = new SharedField(original, field);
            fields.computeIfAbsent(key, k -> new long[2])[0]++;
            shared.add(hit);
            sharedFields.add(key);
        }

        @Override
        public void otherSubject(int original, Object field) {
            fields.computeIfAbsent(new SharedField(original, field), k -> new long[2])[1]++;
        }

        /**
         * Decides this file's held hits on a one-word known identifier that is a field's whole value in its own subject's
         * record (decision 0090), in order: a shared-value coincidence when the same original is the whole value of that
         * field in records of other subjects at least max(5, 2 × its own) times; else a hit.
         *
         * @return the shared-value coincidences
         */
        long settleShared() {
            long coincidences = 0;
            for (int i = 0; i < shared.size(); i++) {
                long[] counts = fields.get(sharedFields.get(i));
                if (counts[1] >= Math.max(SHARED_AT_LEAST, 2 * counts[0])) {
                    coincidences++;
                } else {
                    hit(shared.get(i));
                }
            }
            shared.clear();
            sharedFields.clear();
            fields.clear();
            return coincidences;
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

        /**
         * Adds the hits of the next part of the same file ({@code part}: its place), as if one scanner had found them
         * after this sink's: a part's dates are occurrences of their own (a date never spans two lines).
         */
        void append(FileSink next, int part) {
            count += next.count;
            for (VerifyReport.Hit h : next.listed) {
                if (listed.size() == LISTED_PER_FILE) {
                    break;
                }
                listed.add(h);
            }
            for (int i = 0; i < next.attestable.size(); i++) {
                int n = attestable.size();
                if (n == keys.length) {
                    keys = java.util.Arrays.copyOf(keys, n * 2);
                    occurrences = java.util.Arrays.copyOf(occurrences, n * 2);
                }
                attestable.add(next.attestable.get(i));
                keys[n] = next.keys[i];
                occurrences[n] = ((long) part << 40) + next.occurrences[i];
            }
            next.fields.forEach((key, counts) -> {
                long[] sum = fields.computeIfAbsent(key, k -> new long[2]);
                sum[0] += counts[0];
                sum[1] += counts[1];
            });
            shared.addAll(next.shared);
            sharedFields.addAll(next.sharedFields);
        }
    }

    /** A one-word original (the dictionary's pattern) in a field of one file (decision 0090). */
    private record SharedField(int original, Object field) {
    }

    /** The fewest whole values of other subjects' records that make a field's value shared (decision 0090). */
    static final int SHARED_AT_LEAST = 5;

    private record FileResult(FileSink sink, long bytes, Optional<String> incomplete) {
        /** This result of a whole file, its counts of shared values kept only where a hit waits on them. */
        FileResult pruned() {
            sink.fields.values().removeIf(counts -> counts[0] == 0);
            return this;
        }
    }

    /** Files of line records at least this large are read in parts of about this size (package-private for tests). */
    long partBytes = 16L << 20;

    /**
     * Bytes {@code [from, to)} of a file (the whole file when {@code counts} is null), read on a thread of its own;
     * {@code index} is its place among the file's parts.
     */
    private static final class Part {
        final Path file;
        final long from;
        final long to;
        final int index;
        final LineCounts counts;
        Future<FileResult> future;
        /** A part's visitor, for what it could not look into; null for a whole file. */
        FileVisitor visitor;

        Part(Path file, long from, long to, int index, LineCounts counts) {
            this.file = file;
            this.from = from;
            this.to = to;
            this.index = index;
            this.counts = counts;
        }

        long size() {
            return to - from;
        }

        boolean whole() {
            return counts == null;
        }
    }

    /**
     * The line breaks before each part of a file, counted only when a location in a later part is asked for (a hit),
     * each part's once (a clean file is never counted).
     */
    private static final class LineCounts {
        private final Path file;
        private final ValueReader.LineRecords reader;
        private final long[] bounds;
        private final long[] before;
        private int counted = 1;

        LineCounts(Path file, ValueReader.LineRecords reader, long[] bounds) {
            this.file = file;
            this.reader = reader;
            this.bounds = bounds;
            this.before = new long[bounds.length - 1];
        }

        synchronized long before(int part) {
            try {
                for (; counted <= part; counted++) {
                    before[counted] = before[counted - 1]
                            + reader.lineBreaks(file, bounds[counted - 1], bounds[counted]);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return before[part];
        }
    }

    /**
     * The parts of {@code file} to scan: the whole file, or, for a file of line records (NDJSON, read as UTF-8) of at
     * least two {@link #partBytes} with more than one thread, parts of about that size, each starting at a line that
     * starts a record (an opening brace).
     */
    private List<Part> parts(Path file) {
        List<Part> whole = List.of(new Part(file, 0, sizeOf(file), 0, null));
        long size = whole.get(0).to;
        if (threads < 2 || size < 2 * partBytes) {
            return whole;
        }
        try {
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(16 * 1024);
            }
            if (container(head).isPresent() || FormatDetector.detect(head, file.getFileName().toString())
                    != FileFormat.FHIR_NDJSON || !utf8(head)) {
                return whole;
            }
            Optional<ValueReader> reader = FormatRegistry.handler(FileFormat.FHIR_NDJSON)
                    .flatMap(FormatHandler::valueReader);
            if (reader.isEmpty() || !(reader.get() instanceof ValueReader.LineRecords lines)) {
                return whole;
            }
            List<Long> bounds = new ArrayList<>();
            bounds.add(0L);
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
                for (long at = partBytes; at < size - partBytes / 2; at += partBytes) {
                    long start = recordStart(channel, Math.max(at, bounds.get(bounds.size() - 1) + 1), size);
                    if (start < 0 || start >= size) {
                        break;
                    }
                    bounds.add(start);
                    at = start;
                }
            }
            bounds.add(size);
            if (bounds.size() < 3) {
                return whole;
            }
            long[] b = bounds.stream().mapToLong(Long::longValue).toArray();
            LineCounts counts = new LineCounts(file, lines, b);
            List<Part> parts = new ArrayList<>();
            for (int i = 0; i + 1 < b.length; i++) {
                parts.add(new Part(file, b[i], b[i + 1], i, counts));
            }
            return parts;
        } catch (IOException e) {
            return whole; // the whole file's scan reports it
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Whether a file whose first bytes are {@code head} is read as UTF-8 by a JSON parser: no byte-order mark of UTF-16
     * or UTF-32 and no zero byte among the first four (what tells those encodings apart).
     */
    private static boolean utf8(byte[] head) {
        for (int i = 0; i < Math.min(4, head.length); i++) {
            if (head[i] == 0 || (head[i] & 0xFF) == 0xFE || (head[i] & 0xFF) == 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * The offset of the first line at or after {@code at} that follows a line feed and begins with an opening brace, or -1:
     * where a part may start (the parts' reads tell whether it is between records, see {@link #merge}).
     */
    private static long recordStart(java.nio.channels.FileChannel channel, long at, long size) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
        long position = at - 1; // the byte before: a line feed there makes at itself a line's start
        boolean afterLineFeed = false;
        while (position < size) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (afterLineFeed && b == '{') {
                    return position + i;
                }
                afterLineFeed = b == '\n';
            }
            position += n;
        }
        return -1;
    }

    /** A part's scan: its values from the file's format reader, located as in the whole file. */
    private FileResult scanPart(Part part, LeakDictionary dictionary, Map<Long, Integer> budget) throws IOException {
        FileSink sink = new FileSink();
        LeakScanner scanner = scanner(dictionary, sink, budget);
        ValueReader.LineRecords reader = part.counts.reader;
        FileVisitor visitor = new FileVisitor(scanner);
        try {
            reader.readLines(part.file, part.from, part.to, () -> part.counts.before(part.index), visitor, () -> false);
        } catch (FormatException e) {
            return null; // not whole records: the whole file is read again (merge)
        }
        scanner.endRecord();
        part.visitor = visitor;
        return new FileResult(sink, part.size(), visitor.incomplete());
    }

    /**
     * A file's result from its parts, in order: as one scan of the whole file would have found (the first listed hits,
     * the count, the attestable hits in order, what could not be looked into); when a part was not whole records, the
     * whole file scanned again here.
     */
    private FileResult merge(List<Part> parts, LeakDictionary dictionary, Map<Long, Integer> budget)
            throws InterruptedException, ExecutionException {
        if (parts.size() == 1 && parts.get(0).whole()) {
            return parts.get(0).future.get();
        }
        List<FileResult> results = new ArrayList<>();
        for (Part part : parts) {
            results.add(part.future.get());
        }
        Path file = parts.get(0).file;
        if (results.contains(null)) {
            try {
                return scanFile(file, dictionary, budget).pruned();
            } catch (IOException e) {
                throw new ExecutionException(e);
            }
        }
        FileSink sink = new FileSink();
        FileVisitor visitor = new FileVisitor(null);
        long bytes = 0;
        for (int i = 0; i < parts.size(); i++) {
            sink.append(results.get(i).sink, i);
            visitor.append(parts.get(i).visitor);
            bytes += results.get(i).bytes;
        }
        return new FileResult(sink, bytes, visitor.incomplete()).pruned();
    }

    private FileResult scanFile(Path file, LeakDictionary dictionary, Map<Long, Integer> budget)
            throws IOException {
        FileSink sink = new FileSink();
        LeakScanner scanner = scanner(dictionary, sink, budget);
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
        boolean ownRecord = output.equals(file.getParent());
        if (ownRecord && file.getFileName().toString().equals(RunJob.MANIFEST)) {
            manifest(file, scanner);
            return new FileResult(sink, size, Optional.empty());
        }
        FileFormat format = FormatDetector.detect(head, file.getFileName().toString());
        if (format == FileFormat.UNKNOWN && json(head)) {
            // JSON of no format of ours (a run's report): read value by value, so that a count is a number, not text
            Optional<ValueReader> values = FormatRegistry.handler(FileFormat.FHIR_JSON).flatMap(FormatHandler::valueReader);
            if (values.isPresent()) {
                try {
                    FileVisitor visitor = new FileVisitor(scanner);
                    visitor.skipDigests = ownRecord && file.getFileName().toString().equals(RunJob.REPORT);
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

    /**
     * A scanner of a file's values by subject, with the run's attestations (decision 0029) and the fields of the value
     * readers' locations (decision 0090).
     */
    private LeakScanner scanner(LeakDictionary dictionary, FileSink sink, Map<Long, Integer> budget) {
        LeakScanner scanner = new LeakScanner(dictionary, reveal, sink).bySubject()
                .fields(where -> where instanceof ValueReader.Location l ? l.field() : null);
        if (!budget.isEmpty()) {
            scanner.attested(budget::containsKey); // read only while files are scanned
        }
        return scanner;
    }

    /**
     * Scans the run's own manifest ({@code DIGEST  PATH} per line) with each line's SHA-256 digest left out: hexadecimal
     * text deid computed from its output holds no value of the data, but its letters and digits by chance spell an
     * original's tokens ({@code …96e12a8dc…} holds the house number {@code 12a}: one digest in about 300). The paths, and
     * a line not in that form, are scanned as written, on their lines.
     */
    private static void manifest(Path file, LeakScanner scanner) throws IOException {
        byte[] line = new byte[256];
        scanner.startRaw();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            int n = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (n == line.length) {
                    line = java.util.Arrays.copyOf(line, n * 2);
                }
                line[n++] = (byte) b;
                if (b == '\n') {
                    manifestLine(line, n, scanner);
                    n = 0;
                }
            }
            manifestLine(line, n, scanner);
        }
        scanner.endRaw();
        scanner.endRecord();
    }

    private static void manifestLine(byte[] line, int n, LeakScanner scanner) {
        if (n > DIGEST && line[DIGEST] == ' ' && digest(line, 0)) {
            java.util.Arrays.fill(line, 0, DIGEST, (byte) ' ');
        }
        if (n > 0) {
            scanner.rawBytes(line, 0, n);
        }
    }

    /** Characters of a SHA-256 digest in hexadecimal, as the manifest and the report write it. */
    private static final int DIGEST = 64;

    /** Whether the 64 bytes from {@code at} are lower-case hexadecimal digits. */
    private static boolean digest(byte[] b, int at) {
        for (int i = at; i < at + DIGEST; i++) {
            if (!(b[i] >= '0' && b[i] <= '9' || b[i] >= 'a' && b[i] <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Hands a value reader's values to the scanner and notes what it could not look into. */
    private static final class FileVisitor implements ValueReader.Visitor {
        private static final int REASONS = 3;
        private final LeakScanner scanner;
        private final byte[] buffer = new byte[BUFFER];
        private final List<String> notScanned = new ArrayList<>();
        private int more;
        /**
         * The run's own report: its {@code sha256} values, digests of the output, are not scanned (see
         * {@link #manifest}); every other value is.
         */
        boolean skipDigests;

        FileVisitor(LeakScanner scanner) {
            this.scanner = scanner;
        }

        private boolean reportDigest(CharSequence value, Supplier<String> where) {
            if (!skipDigests || value.length() != DIGEST) {
                return false;
            }
            for (int i = 0; i < DIGEST; i++) {
                char c = value.charAt(i);
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                    return false;
                }
            }
            return where.get().endsWith(".sha256");
        }

        @Override
        public void value(CharSequence value, Supplier<String> where) {
            if (reportDigest(value, where)) {
                return;
            }
            int n = value.length();
            if (hl7(n, n > 0 ? value.charAt(0) : ' ', n > 3 ? value.charAt(3) : ' ')) {
                scanner.value(readHl7(value.toString()), where);
            } else {
                scanner.value(value, where);
            }
        }

        @Override
        public void value(char[] chars, int offset, int length, Supplier<String> where) {
            if (skipDigests && length == DIGEST && reportDigest(java.nio.CharBuffer.wrap(chars, offset, length), where)) {
                return;
            }
            if (hl7(length, length > 0 ? chars[offset] : ' ', length > 3 ? chars[offset + 3] : ' ')) {
                scanner.value(readHl7(new String(chars, offset, length)), where);
            } else {
                scanner.value(chars, offset, length, where);
            }
        }

        @Override
        public void value(byte[] bytes, int offset, int length, Supplier<String> where) {
            if (skipDigests && length == DIGEST && reportDigest(
                    new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1), where)) {
                return;
            }
            if (hl7(length, length > 0 ? (char) bytes[offset] : ' ', length > 3 ? (char) bytes[offset + 3] : ' ')) {
                scanner.value(readHl7(new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1)),
                        where);
            } else {
                scanner.value(bytes, offset, length, where);
            }
        }

        /** A first look (two characters) at whether a value may be an HL7 v2 message: {@code M} and {@code |}. */
        private static boolean hl7(int length, char first, char fourth) {
            return length > 8 && first == 'M' && fourth == '|';
        }

        /**
         * An HL7 v2 message (a cell of an interface engine's log) as the text its escape sequences stand for, as the run
         * scrubbed it (decision 0139): {@code M\XFC\LLER} is MÜLLER, {@code \.br\} a line break. Any other value, or
         * a message whose encoding characters cannot be read, as written.
         */
        private static String readHl7(String value) {
            if (!value.startsWith("MSH|")) {
                return value;
            }
            try {
                org.deidworkbench.deid.Hl7Message message = org.deidworkbench.deid.Hl7Message.parse(value);
                int fields = value.indexOf('|', 4); // MSH-2, the encoding characters, holds the escape character itself
                String rest = value.substring(fields);
                String read = message.unescape(rest);
                return read == rest ? value : value.substring(0, fields) + read;
            } catch (org.deidworkbench.deid.UnprocessableValueException e) {
                return value;
            }
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

        /** Adds what the visitor of the next part of the same file could not look into, in order. */
        void append(FileVisitor next) {
            for (String what : next.notScanned) {
                notScanned(what);
            }
            more += next.more;
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

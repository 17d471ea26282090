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
import org.deidworkbench.deid.leak.Prefilter;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.ValueReader;
import org.deidworkbench.io.AtomicFiles;
import org.deidworkbench.keyfile.KeyFileContents;

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
    /** A file of one record per line larger than this is scanned in pieces of about this size, in parallel. */
    static final long CHUNK = 4L << 20;
    /** A piece grows to its next line break; a file with a longer line is read whole. */
    private static final long MAX_CHUNK = 4 * CHUNK;

    /** Adds the originals of one kind of key file record to the dictionary. */
    interface OriginalSource {
        void addTo(KeyFileContents contents, LeakDictionary.Builder dictionary);
    }

    /** Every source of original values in a key file, one line each. */
    static final List<OriginalSource> SOURCES = List.of(
            VerifyJob::domainOriginals,
            VerifyJob::knownIdentifiers);

    private final Path output;
    private final KeyFileContents keys;
    private final boolean reveal;
    private final int threads;
    private long chunk = CHUNK;
    private boolean lines = true;

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
     * For tests: pieces of about {@code bytes} for files of one record per line, or with {@code lines} false no
     * line-at-a-time reading at all (every file read whole, as before decision 0043).
     */
    VerifyJob pieces(long bytes, boolean lines) {
        this.chunk = bytes;
        this.lines = lines;
        return this;
    }

    /** Each domain's originals; one whose pseudonym is a subject's (a patient id) is that subject's own. */
    private static void domainOriginals(KeyFileContents contents, LeakDictionary.Builder dictionary) {
        Set<String> subjects = subjects(contents);
        for (String domain : contents.domains()) {
            String source = "key file domain '" + domain + "'";
            contents.entries(domain).forEach((pseudonym, original) -> dictionary.add(original, source,
                    subjects.contains(pseudonym) ? dictionary.subject(pseudonym) : -1));
        }
    }

    /** The identifying values of each subject that free-text scrubbing knows (names, address parts, phones, ids). */
    private static void knownIdentifiers(KeyFileContents contents, LeakDictionary.Builder dictionary) {
        contents.knownIdentifiers().forEach((subject, ids) -> {
            int id = dictionary.subject(subject);
            ids.forEach(known -> dictionary.add(known.value(), "key file known identifiers", id));
        });
    }

    /** The pseudonyms of the subjects the key file knows: those with known identifiers or a date offset. */
    static Set<String> subjects(KeyFileContents contents) {
        Set<String> set = new HashSet<>(contents.knownIdentifiers().keySet());
        set.addAll(contents.dateOffsets().keySet());
        return set;
    }

    static Set<String> pseudonyms(KeyFileContents contents) {
        Set<String> set = new HashSet<>();
        for (String domain : contents.domains()) {
            set.addAll(contents.entries(domain).keySet());
        }
        return set;
    }

    /** Verifies the folder. */
    public VerifyReport run() throws JobException {
        Instant started = Instant.now();
        if (!Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
            throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "no output folder " + output + " to verify", null);
        }
        Set<String> pseudonyms = pseudonyms(keys);
        LeakDictionary.Builder builder = new LeakDictionary.Builder();
        SOURCES.forEach(s -> s.addTo(keys, builder));
        pseudonyms.forEach(builder::pseudonym);
        int values = builder.values();
        Map<Long, Integer> budget = attestations(builder);
        LeakDictionary dictionary = builder.build();

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
            LeakScanner names = new LeakScanner(dictionary, pseudonyms, reveal, sink).bySubject();
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
        List<List<Future<FileResult>>> futures = new ArrayList<>();
        for (Path f : files) {
            futures.add(submit(pool, f, dictionary, pseudonyms, budget));
        }
        List<VerifyReport.FileHits> hits = new ArrayList<>();
        long bytes = 0;
        long attested = 0;
        try {
            Map<Path, FileResult> results = new LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                results.put(files.get(i), merge(files.get(i), futures.get(i), dictionary, pseudonyms, budget));
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
        } catch (ExecutionException | IOException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
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

        /** Adds the findings of the next piece of the file; its date occurrences offset by {@code occurrences}. */
        void append(FileSink piece, long occurrenceOffset) {
            for (VerifyReport.Hit h : piece.listed) {
                if (listed.size() < LISTED_PER_FILE) {
                    listed.add(h);
                }
            }
            count += piece.count;
            for (int i = 0; i < piece.attestable.size(); i++) {
                attestable(piece.attestable.get(i), piece.keys[i], piece.occurrences[i] + occurrenceOffset);
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

    /**
     * What scanning a file (or a piece of one: {@code piece} is then its visitor, whose reasons are merged) found. A
     * piece that finds its file is not one record per line gives {@code null}: the file is then read whole.
     */
    private record FileResult(FileSink sink, long bytes, Optional<String> incomplete, FileVisitor piece) {
        FileResult(FileSink sink, long bytes, Optional<String> incomplete) {
            this(sink, bytes, incomplete, null);
        }
    }

    /**
     * Submits the scan of one file: a file of one record per line larger than a piece (decision 0043) as pieces that
     * end at line breaks, each with the number of its first line, found here by counting the line breaks before it
     * (so locations are the same as when the file is read whole); any other file as one task.
     */
    private List<Future<FileResult>> submit(ExecutorService pool, Path f, LeakDictionary dictionary, Set<String> pseudonyms,
            Map<Long, Integer> budget) {
        List<Future<FileResult>> parts = new ArrayList<>();
        Optional<ValueReader.Lines> reader = Optional.empty();
        try {
            if (lines && Files.size(f) > chunk) {
                reader = lineReader(f);
            }
        } catch (IOException e) {
            reader = Optional.empty(); // the task reading it whole reports the error
        }
        if (reader.isPresent() && plan(pool, f, reader.get(), parts, dictionary, pseudonyms, budget)) {
            return parts;
        }
        parts.forEach(p -> p.cancel(false));
        parts.clear();
        parts.add(pool.submit(() -> scanFile(f, dictionary, pseudonyms, budget, false)));
        return parts;
    }

    /** The line reader of a file detected as a format of one record per line (FHIR NDJSON), if any. */
    private static Optional<ValueReader.Lines> lineReader(Path f) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(16 * 1024);
        }
        if (container(head).isPresent() || FormatDetector.detect(head, f.getFileName().toString()) != FileFormat.FHIR_NDJSON) {
            return Optional.empty();
        }
        return FormatRegistry.handler(FileFormat.FHIR_NDJSON).flatMap(FormatHandler::valueReader).flatMap(ValueReader::lines);
    }

    /**
     * Cuts {@code f} into pieces at the first line break after every {@link #chunk} bytes and submits them.
     *
     * @return false when a line is longer than {@link #MAX_CHUNK} (the file is then read whole)
     */
    private boolean plan(ExecutorService pool, Path f, ValueReader.Lines reader, List<Future<FileResult>> parts,
            LeakDictionary dictionary, Set<String> pseudonyms, Map<Long, Integer> budget) {
        long max = Math.max(MAX_CHUNK, 4 * chunk);
        byte[] block = new byte[1 << 20];
        long start = 0;
        long linesBefore = 0;
        long lineCount = 0;
        long position = 0;
        try (InputStream in = Files.newInputStream(f)) {
            int n;
            while ((n = in.readNBytes(block, 0, block.length)) > 0) {
                int j = 0;
                while (j < n) {
                    // line breaks before the piece is long enough are only counted
                    int enough = (int) Math.min(n, Math.max(j, start + chunk - 1 - position));
                    lineCount += newlines(block, j, enough);
                    int cut = indexOf(block, (byte) '\n', enough, n);
                    if (cut < 0) {
                        break;
                    }
                    lineCount++;
                    long end = position + cut + 1;
                    parts.add(submitPiece(pool, f, reader, start, end - start, linesBefore + 1, parts.size(), dictionary,
                            pseudonyms, budget));
                    start = end;
                    linesBefore = lineCount;
                    j = cut + 1;
                }
                position += n;
                if (position - start > max) {
                    return false;
                }
            }
        } catch (IOException e) {
            return false;
        }
        if (position > start) {
            parts.add(submitPiece(pool, f, reader, start, position - start, linesBefore + 1, parts.size(), dictionary,
                    pseudonyms, budget));
        }
        return true;
    }

    private static long newlines(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int indexOf(byte[] b, byte value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private Future<FileResult> submitPiece(ExecutorService pool, Path f, ValueReader.Lines reader, long offset, long length,
            long firstLine, int index, LeakDictionary dictionary, Set<String> pseudonyms, Map<Long, Integer> budget) {
        return pool.submit(() -> piece(f, reader, offset, length, firstLine, dictionary, pseudonyms, budget));
    }

    /**
     * Scans the lines {@code [offset, offset + length)} of a file of one record per line: a line the format shows to be
     * one record whose values are its bytes as they are, and in which the {@link Prefilter} sees nothing that could be
     * reported, is skipped unparsed; any other record is read as the whole file's reading reads it.
     *
     * @return null when a line is not one whole record (or not readable): the file is then read whole
     */
    private FileResult piece(Path file, ValueReader.Lines reader, long offset, long length, long firstLine,
            LeakDictionary dictionary, Set<String> pseudonyms, Map<Long, Integer> budget) throws IOException {
        byte[] bytes = new byte[Math.toIntExact(length)];
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, offset + buffer.position()) < 0) {
                    throw new java.io.EOFException("the file " + file + " became shorter while it was verified");
                }
            }
        }
        FileSink sink = new FileSink();
        LeakScanner scanner = new LeakScanner(dictionary, pseudonyms, reveal, sink).bySubject();
        if (!budget.isEmpty()) {
            scanner.attested(budget::containsKey);
        }
        FileVisitor visitor = new FileVisitor(scanner);
        QuietValues quiet = new QuietValues(new Prefilter(dictionary));
        long line = firstLine;
        int start = 0;
        try {
            while (start < bytes.length) {
                int end = start;
                while (end < bytes.length && bytes[end] != '\n') {
                    end++;
                }
                int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
                quiet.quiet = true;
                switch (reader.shape(bytes, start, stop, quiet)) {
                    case BLANK -> {
                        // nothing to read
                    }
                    case PLAIN -> {
                        if (!quiet.quiet) {
                            reader.read(bytes, start, stop, line, visitor);
                        }
                    }
                    case RECORD -> reader.read(bytes, start, stop, line, visitor);
                    default -> {
                        return null;
                    }
                }
                line++;
                start = end + 1;
            }
        } catch (FormatException e) {
            return null;
        }
        scanner.endRecord();
        return new FileResult(sink, length, Optional.empty(), visitor);
    }

    /** Whether every value of a line is quiet by the {@link Prefilter}. */
    private static final class QuietValues implements ValueReader.Lines.Ranges {
        private final Prefilter prefilter;
        boolean quiet;

        QuietValues(Prefilter prefilter) {
            this.prefilter = prefilter;
        }

        @Override
        public boolean value(byte[] bytes, int from, int to) {
            quiet = prefilter.quiet(bytes, from, to);
            return quiet;
        }
    }

    /**
     * The result of a file from its parts in order: hits listed and counted as one scan of the whole file lists and
     * counts them (the first {@value #LISTED_PER_FILE} in order), attestable hits in order (each piece's date
     * occurrences kept apart), reasons of what was not looked into in order; when a piece found the file not to be one
     * record per line, the file read whole here.
     */
    private FileResult merge(Path f, List<Future<FileResult>> parts, LeakDictionary dictionary, Set<String> pseudonyms,
            Map<Long, Integer> budget) throws InterruptedException, ExecutionException, IOException {
        List<FileResult> results = new ArrayList<>();
        for (Future<FileResult> part : parts) {
            results.add(part.get());
        }
        if (results.size() == 1 && results.get(0) != null && results.get(0).piece() == null) {
            return results.get(0);
        }
        if (results.contains(null)) {
            return scanFile(f, dictionary, pseudonyms, budget, true);
        }
        FileSink sink = new FileSink();
        List<String> reasons = new ArrayList<>();
        int more = 0;
        long bytes = 0;
        for (int i = 0; i < results.size(); i++) {
            FileResult r = results.get(i);
            sink.append(r.sink(), (long) i << 40);
            reasons.addAll(r.piece().notScanned);
            more += r.piece().more;
            bytes += r.bytes();
        }
        return new FileResult(sink, bytes, FileVisitor.incomplete(reasons, more));
    }

    /** Scans a file as one task; {@code whole}: never a line at a time (a piece found it not one record per line). */
    private FileResult scanFile(Path file, LeakDictionary dictionary, Set<String> pseudonyms, Map<Long, Integer> budget,
            boolean whole) throws IOException {
        FileSink sink = new FileSink();
        LeakScanner scanner = new LeakScanner(dictionary, pseudonyms, reveal, sink).bySubject();
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
                    raw(file, new LeakScanner(dictionary, pseudonyms, reveal, rawSink).bySubject());
                    return new FileResult(rawSink, size, Optional.empty());
                }
            }
        }
        Optional<FormatHandler> handler = FormatRegistry.handler(format);
        Optional<ValueReader> reader = handler.flatMap(FormatHandler::valueReader);
        Optional<ValueReader.Lines> byLines = reader.flatMap(ValueReader::lines);
        if (lines && !whole && format == FileFormat.FHIR_NDJSON && byLines.isPresent() && size <= Math.max(MAX_CHUNK, chunk)) {
            FileResult r = piece(file, byLines.get(), 0, size, 1, dictionary, pseudonyms, budget);
            if (r != null) {
                return new FileResult(r.sink(), size, r.piece().incomplete());
            }
        }
        if (reader.isPresent()) {
            FileVisitor visitor = new FileVisitor(scanner);
            try {
                reader.get().read(file, visitor, () -> false);
                scanner.endRecord();
                return new FileResult(sink, size, visitor.incomplete());
            } catch (FormatException e) {
                FileSink rawSink = new FileSink();
                raw(file, new LeakScanner(dictionary, pseudonyms, reveal, rawSink).bySubject());
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
            return incomplete(notScanned, more);
        }

        /** The reasons of a file's parts in order: the first three and how many more. */
        static Optional<String> incomplete(List<String> reasons, int more) {
            if (reasons.isEmpty()) {
                return Optional.empty();
            }
            int shown = Math.min(REASONS, reasons.size());
            int rest = more + reasons.size() - shown;
            return Optional.of(String.join("; ", reasons.subList(0, shown)) + (rest > 0 ? "; and " + rest + " more" : ""));
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

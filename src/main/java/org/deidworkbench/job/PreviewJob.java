package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.Profile;

/**
 * A dry run of one file in memory: the real engine and the format's real processor, nothing written,
 * nothing added to any key file. Behind {@code deid preview}, {@code deid profile explain FILE} and
 * the workbench's Original | De-identified | Differences view. Stateless and thread-safe; each call
 * reads the file twice when the profile scrubs text (identifiers first, as a run does).
 */
public final class PreviewJob {

    /**
     * What to preview.
     *
     * @param file the file (its format is detected from its content)
     * @param profile the profile to apply
     * @param keyFile the project's key file, so pseudonyms and date offsets are those of a real run;
     *     {@code null} for a throwaway key (then they differ from a real run)
     * @param passphrase the key file's passphrase ({@code null} without a key file); not kept or wiped
     * @param maxRecords records to show (rows, data sets, resources); at least 1
     * @param context more files and folders whose identifiers free text must lose, as in a run over
     *     them together (e.g. the export folder holding the patients table); may be empty
     */
    public record Request(Path file, LoadedProfile profile, Path keyFile, char[] passphrase, int maxRecords,
            List<Path> context) {
        public Request {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(profile, "profile");
            if (keyFile != null) {
                Objects.requireNonNull(passphrase, "passphrase");
            }
            if (maxRecords < 1) {
                throw new IllegalArgumentException("maxRecords must be at least 1");
            }
            context = List.copyOf(context);
        }

        @Override
        public String toString() {
            return "PreviewJob.Request[" + maxRecords + " records, " + (keyFile == null ? "throwaway key" : "key file")
                    + ", " + context.size() + " context inputs]";
        }
    }

    /**
     * The preview and how it was made.
     *
     * @param preview every field of the first records, before and after, with the deciding rule
     * @param throwawayKey true when no key file was used: pseudonyms and date offsets are not those a
     *     real run with the project's key file would give
     * @param profileName the profile applied
     * @param filesScanned files whose identifiers were collected for scrubbing (the file itself and
     *     the context files this version can read)
     */
    public record Result(FilePreview preview, boolean throwawayKey, String profileName, int filesScanned) {
    }

    private PreviewJob() {
    }

    /** Previews one file; {@code cancelled} is polled regularly (a GUI cancels superseded previews). */
    public static Result preview(Request request, BooleanSupplier cancelled) throws JobException {
        Session session = Session.open(request.profile(), request.keyFile(), request.passphrase(), request.context(),
                cancelled);
        return session.preview(request.file(), request.maxRecords(), cancelled);
    }

    /**
     * Previews of several files of one export with one key and one set of known identifiers: what the
     * workbench holds while a steward clicks through a folder. Opening scans the context files once
     * (as a run's scan pass does); each preview then costs only its own records. Thread-safe.
     */
    public static final class Session {
        private final Deidentifier engine;
        private final Map<FileFormat, FileProcessor> processors;
        private final boolean throwaway;
        private final String profileName;
        private final boolean scans;
        private final Set<Path> scanned = ConcurrentHashMap.newKeySet();
        /** The context files; a previewed file is analysed together with them (relations between tables). */
        private final List<InputFiles.InputFile> contextFiles = new java.util.ArrayList<>();
        private final Set<Path> analysed = ConcurrentHashMap.newKeySet();

        private Session(Deidentifier engine, boolean throwaway, String profileName) {
            this.engine = engine;
            this.throwaway = throwaway;
            this.profileName = profileName;
            // As a run over files of every format would: collect identifiers first when any format needs it.
            this.scans = FormatRegistry.handlers().stream().anyMatch(h -> h.needsScanPass(engine.profile()));
            this.processors = RunJob.processors(engine, scans);
        }

        /**
         * Opens the key file (or makes a throwaway key) and collects the identifiers of the context
         * files and folders. Nothing is written; nothing is added to the key file.
         *
         * @param keyFile the study's key file, or {@code null} for a throwaway key
         */
        public static Session open(LoadedProfile profile, Path keyFile, char[] passphrase, List<Path> context,
                BooleanSupplier cancelled) throws JobException {
            Instant now = Instant.now();
            KeySession keys = keyFile == null ? KeySession.throwaway(now) : KeySession.open(keyFile, false, passphrase, now);
            return open(profile, keys, keyFile == null, context, cancelled, now);
        }

        /**
         * {@link #open(LoadedProfile, Path, char[], List, BooleanSupplier)} with a key file opened
         * before (the workbench's unlocked key), or a throwaway key when {@code key} is {@code null}.
         * Costs no key derivation: the engine is seeded from the entries held in memory.
         */
        public static Session open(LoadedProfile profile, StudyKey key, List<Path> context, BooleanSupplier cancelled)
                throws JobException {
            Instant now = Instant.now();
            return open(profile, key == null ? KeySession.throwaway(now) : key.keys(), key == null, context, cancelled,
                    now);
        }

        private static Session open(LoadedProfile profile, KeySession keys, boolean throwaway, List<Path> context,
                BooleanSupplier cancelled, Instant now) throws JobException {
            Session session = new Session(keys.engine(profile.profile(), now), throwaway, profile.profile().name());
            if (!context.isEmpty()) {
                session.contextFiles.addAll(InputFiles.walk(context));
                session.analyze(null, cancelled);
            }
            if (session.scans) {
                for (InputFiles.InputFile f : session.contextFiles) {
                    session.scan(f.path(), f.format(), cancelled);
                }
            }
            session.engine.freezeIdentifiers();
            return session;
        }

        /** Previews one file with this session's key and known identifiers (plus the file's own). */
        public Result preview(Path file, int maxRecords, BooleanSupplier cancelled) throws JobException {
            FileFormat format = detect(file);
            FileProcessor processor = processor(file, format);
            if (!analysed.contains(file.toAbsolutePath().normalize())) {
                analyze(file, cancelled);
            }
            if (scans && !scanned.contains(file.toAbsolutePath().normalize())) {
                scan(file, format, cancelled);
                engine.freezeIdentifiers();
            }
            return preview(file, processor, maxRecords, cancelled);
        }

        /**
         * Previews one file at once, without first collecting its identifiers: every field is exactly
         * as a run writes it except free text ({@code scrub-text}), which loses only the PHI patterns
         * and the identifiers this session already knows, so it may still show names that a run
         * removes. For showing the rest within a moment while {@link #preview} collects them; a
         * front end must hide free-text fields of such a preview.
         */
        public Result previewPartial(Path file, int maxRecords, BooleanSupplier cancelled) throws JobException {
            FileFormat format = detect(file);
            return preview(file, processor(file, format), maxRecords, cancelled);
        }

        private Result preview(Path file, FileProcessor processor, int maxRecords, BooleanSupplier cancelled)
                throws JobException {
            try {
                FilePreview preview = processor.preview(file, "", maxRecords, cancelled);
                return new Result(preview, throwaway, profileName, scanned.size());
            } catch (CancellationException e) {
                throw new JobException(JobException.Reason.CANCELLED, "preview cancelled", e);
            } catch (FormatException e) {
                throw fileFailed(file, e);
            } catch (IOException e) {
                throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }

        /** Analyses the context files, and {@code file} with them (when not null), as a run's pass 0 does. */
        private synchronized void analyze(Path file, BooleanSupplier cancelled) throws JobException {
            java.util.Map<FileProcessor, List<Path>> byProcessor = new java.util.LinkedHashMap<>();
            for (InputFiles.InputFile f : contextFiles) {
                FileProcessor p = processors.get(f.format());
                if (p != null) {
                    byProcessor.computeIfAbsent(p, k -> new java.util.ArrayList<>()).add(f.path());
                }
            }
            if (file != null) {
                FileProcessor p = processors.get(detect(file));
                if (p != null) {
                    List<Path> paths = byProcessor.computeIfAbsent(p, k -> new java.util.ArrayList<>());
                    if (!paths.contains(file)) {
                        paths.add(file);
                    }
                }
                analysed.clear();
            }
            try {
                byProcessor.forEach((p, paths) -> p.analyze(paths, cancelled));
            } catch (CancellationException e) {
                throw new JobException(JobException.Reason.CANCELLED, "preview cancelled", e);
            }
            byProcessor.values().forEach(paths -> paths.forEach(x -> analysed.add(x.toAbsolutePath().normalize())));
        }

        private synchronized void scan(Path file, FileFormat format, BooleanSupplier cancelled) throws JobException {
            FileProcessor processor = processors.get(format);
            Path key = file.toAbsolutePath().normalize();
            if (processor == null || scanned.contains(key)) {
                return;
            }
            try {
                processor.scan(file, "", cancelled);
                scanned.add(key);
            } catch (CancellationException e) {
                throw new JobException(JobException.Reason.CANCELLED, "preview cancelled", e);
            } catch (FormatException | IOException e) {
                // A context file a run would fail on adds no identifiers; the file previewed itself reports its own errors.
                scanned.add(key);
            }
        }

        private FileProcessor processor(Path file, FileFormat format) throws JobException {
            FileProcessor p = processors.get(format);
            if (p == null) {
                String[] reason = FormatRegistry.withheldReason(format, file);
                throw new JobException(JobException.Reason.FILE_FAILED, file + ": " + reason[0] + ": " + reason[1], null);
            }
            return p;
        }
    }

    /**
     * Which rule decides each field of {@code file}, and why: the answer of {@code deid profile
     * explain FILE}, from the same decision code a run uses. Reads only what the format needs (a CSV
     * header, a DICOM data set without its pixels).
     */
    public static List<FieldDecision> explain(Path file, LoadedProfile profile) throws JobException {
        FileFormat format = detect(file);
        FormatHandler handler = handler(file, format);
        Instant now = Instant.now();
        Deidentifier engine = KeySession.throwaway(now).engine(profile.profile(), now);
        try {
            return handler.processor(engine, true).explain(file);
        } catch (FormatException e) {
            throw fileFailed(file, e);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** A file's format as a run would detect it, and whether this version cleans it (and if not, why). */
    public static FileKind kind(Path file) throws JobException {
        String[] notAFile = FormatRegistry.notARegularFile(file);
        if (notAFile != null) { // a link, a pipe, an unreadable file: withheld as a run withholds it (decision 0226)
            return new FileKind(FileFormat.UNKNOWN.name(), FileFormat.UNKNOWN.description(), false, notAFile[0],
                    notAFile[1]);
        }
        FileFormat format = detect(file);
        if (FormatRegistry.supported(format)) {
            return new FileKind(format.name(), format.description(), true, "", "");
        }
        String[] reason = FormatRegistry.withheldReason(format, file);
        return new FileKind(format.name(), format.description(), false, reason[0], reason[1]);
    }

    /**
     * {@link #explain} for several files of one export at once: they are analysed together, as a run
     * over them would analyse them, so each file's explanation shows its relations to the others
     * (a table's key, the columns referencing it, the patient column found through them).
     *
     * @return each file's decisions, in the order given
     */
    public static Map<Path, List<FieldDecision>> explainTogether(List<Path> files, LoadedProfile profile)
            throws JobException {
        Instant now = Instant.now();
        Deidentifier engine = KeySession.throwaway(now).engine(profile.profile(), now);
        Map<FileFormat, FileProcessor> processors = RunJob.processors(engine, true);
        Map<FileProcessor, List<Path>> byProcessor = new java.util.LinkedHashMap<>();
        Map<Path, FileProcessor> of = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            FileFormat format = detect(file);
            FileProcessor p = processors.get(format);
            if (p == null) {
                handler(file, format); // throws with the reason
            }
            byProcessor.computeIfAbsent(p, k -> new java.util.ArrayList<>()).add(file);
            of.put(file, p);
        }
        byProcessor.forEach((p, paths) -> p.analyze(paths, () -> false));
        Map<Path, List<FieldDecision>> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<Path, FileProcessor> e : of.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().explain(e.getKey()));
            } catch (FormatException x) {
                throw fileFailed(e.getKey(), x);
            } catch (IOException x) {
                throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + e.getKey() + " ("
                        + x.getClass().getSimpleName() + ")", x);
            }
        }
        return out;
    }

    /** The format of a file, as a run would detect it. */
    public static FileFormat detect(Path file) throws JobException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "not a file: " + file, null);
        }
        try {
            return FormatDetector.detect(file);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static FormatHandler handler(Path file, FileFormat format) throws JobException {
        return FormatRegistry.handler(format).orElseThrow(() -> {
            String[] reason = FormatRegistry.withheldReason(format, file);
            return new JobException(JobException.Reason.FILE_FAILED, file + ": " + reason[0] + ": " + reason[1], null);
        });
    }

    private static JobException fileFailed(Path file, FormatException e) {
        String where = e.location().isEmpty() ? "" : " (" + e.location() + ")";
        return new JobException(JobException.Reason.FILE_FAILED, file + where + ": " + e.code() + ": " + e.getMessage(), e);
    }
}

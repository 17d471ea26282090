package org.deidworkbench.gui.common;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.DicomImages;
import org.deidworkbench.job.FileKind;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.KeyFiles;
import org.deidworkbench.job.PreviewJob;
import org.deidworkbench.job.ProfileSuggestion;
import org.deidworkbench.job.RunJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.job.StudyKey;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileCredential;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.Reidentifier;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.FieldDecision;

/** The real engine: each method is one call into {@code job}, {@code config} or {@code keyfile}. Thread-safe. */
public final class DefaultJobService implements JobService {

    /** Synthetic rows only: the warm-up file holds no data of anyone. */
    private static final String WARM_UP_CSV = "patient_id,first_name,visit_date,notes\n"
            + "1,Alpha,2024-01-02,Alpha seen; call 555-0100\n2,Beta,2024-02-03,follow-up\n";

    @Override
    public void warmUp() {
        Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("deid-warm-up");
            Path csv = java.nio.file.Files.writeString(dir.resolve("warm-up.csv"), WARM_UP_CSV, StandardCharsets.UTF_8);
            LoadedProfile profile = ProfileLoader.read(ProfileLoader.builtInNames().get(0));
            PreviewJob.Session session = PreviewJob.Session.open(profile, null, null, List.of(dir), () -> false);
            session.previewPartial(csv, 10, () -> false);
            session.preview(csv, 10, () -> false);
            PreviewJob.explain(csv, profile);
        } catch (java.io.IOException | JobException | ProfileException | RuntimeException e) {
            // Only a head start: the first real preview then loads what it needs itself.
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.deleteIfExists(f);
            }
            java.nio.file.Files.deleteIfExists(dir);
        } catch (java.io.IOException e) {
            // a temporary folder the system cleans up
        }
    }

    @Override
    public FileKind kind(Path file) throws JobException {
        return PreviewJob.kind(file);
    }

    @Override
    public List<String> builtInProfiles() {
        return ProfileLoader.builtInNames();
    }

    @Override
    public String builtInProfileText(String name) throws ProfileException {
        return ProfileLoader.builtInText(name);
    }

    @Override
    public LoadedProfile parseProfile(String yaml, String source) throws ProfileException {
        return new LoadedProfile(ProfileLoader.parse(yaml, source), sha256(yaml));
    }

    @Override
    public PreviewSession openPreview(LoadedProfile profile, UnlockedKey key, List<Path> context,
            BooleanSupplier cancelled) throws JobException {
        StudyKey study = key == null ? null : ((Unlocked) key).key;
        PreviewJob.Session session = PreviewJob.Session.open(profile, study, context, cancelled);
        return new PreviewSession() {
            @Override
            public PreviewJob.Result preview(Path file, int maxRecords, BooleanSupplier c) throws JobException {
                return session.preview(file, maxRecords, c);
            }

            @Override
            public PreviewJob.Result previewPartial(Path file, int maxRecords, BooleanSupplier c) throws JobException {
                return session.previewPartial(file, maxRecords, c);
            }
        };
    }

    @Override
    public ImageSource openDicomImage(Path file, LoadedProfile profile, BooleanSupplier cancelled) throws JobException {
        DicomImages.Source source = DicomImages.open(file, profile, cancelled);
        return new ImageSource() {
            @Override
            public DicomImage.Header header() {
                return source.header();
            }

            @Override
            public DicomImage original(int frame) throws JobException {
                return source.original(frame);
            }

            @Override
            public Optional<DicomImage> deidentified(int frame) throws JobException {
                return source.deidentified(frame);
            }

            @Override
            public Optional<DicomImages.Withheld> withheld() {
                return source.withheld();
            }

            @Override
            public Optional<String> redaction() {
                return source.redaction();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    @Override
    public List<FieldDecision> suggestColumns(Path file, LoadedProfile profile, BooleanSupplier cancelled)
            throws JobException {
        return ProfileSuggestion.columns(file, profile, cancelled);
    }

    @Override
    public List<FieldDecision> explain(Path file, LoadedProfile profile) throws JobException {
        return PreviewJob.explain(file, profile);
    }

    @Override
    public RunResult run(RunRequest request, RunListener listener, BackgroundTasks.Task task) throws JobException {
        RunJob job = new RunJob(request, listener);
        task.onCancel(job::cancel);
        return job.run();
    }

    @Override
    public void createKeyFile(Path file, char[] passphrase) throws JobException {
        KeyFiles.create(file, passphrase);
    }

    @Override
    public KeyFileInfo inspectKeyFile(Path file) throws KeyFileException {
        return KeyFileStore.inspect(file);
    }

    @Override
    public Reidentifier.Result reidentify(Path keyFile, char[] passphrase, String reason, String domain,
            List<String> pseudonyms) throws KeyFileException {
        Reidentifier.Request request = new Reidentifier.Request(System.getProperty("user.name", "unknown"), reason,
                java.time.Instant.now());
        return Reidentifier.lookup(keyFile, new KeyFileCredential.Passphrase(passphrase), request, domain, pseudonyms);
    }

    @Override
    public UnlockedKey unlockKeyFile(Path file, char[] passphrase) throws JobException {
        return new Unlocked(StudyKey.open(file, passphrase));
    }

    /** The real unlocked key: the job's {@link StudyKey}, which only this class hands to the engine. */
    private record Unlocked(StudyKey key) implements UnlockedKey {
        @Override
        public Path file() {
            return key.file();
        }

        @Override
        public List<RunRecord> runs() {
            return key.runs();
        }

        @Override
        public String toString() {
            return key.toString();
        }
    }

    /** The digest a run records for the profile: of exactly the text that is parsed (UTF-8). */
    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}

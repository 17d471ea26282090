package org.deidworkbench.gui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.job.FileKind;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.PreviewJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;

/** A {@link JobService} with canned answers, recording what it was asked; for view model tests. */
public class FakeJobService implements JobService {

    public final Map<Path, FilePreview> previews = new ConcurrentHashMap<>();
    public final Map<Path, JobException> previewFailures = new ConcurrentHashMap<>();
    public List<FieldDecision> decisions = List.of();
    /** What {@link #suggestColumns} answers. */
    public List<FieldDecision> suggestions = List.of();
    public final List<String> calls = new ArrayList<>();
    public int sessionsOpened;
    /** Sessions opened with the export as context (the ones that collect identifiers). */
    public int fullSessionsOpened;
    /** What partial previews return (free text unscrubbed of identifiers); default: the full preview. */
    public final Map<Path, FilePreview> partialPreviews = new ConcurrentHashMap<>();
    public RunResult runResult;
    public JobException runFailure;
    public char[] lastPassphrase;
    public RunListener lastListener;
    /** What the fake run reports while it runs. */
    public java.util.function.Consumer<RunListener> duringRun = l -> { };
    public List<RunRecord> history = List.of();
    public KeyFileInfo info;
    public KeyFileException keyFileFailure;
    /** The key each preview session was opened with (empty: a throwaway key), in order. */
    public final List<java.util.Optional<UnlockedKey>> previewKeys = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What {@link #openDicomImage} opens, per file (a new source each time, as the real one does). */
    public final Map<Path, java.util.function.Supplier<ImageSource>> images = new ConcurrentHashMap<>();

    @Override
    public FileKind kind(Path file) throws JobException {
        calls.add("kind");
        return new DefaultJobService().kind(file);
    }

    @Override
    public List<String> builtInProfiles() {
        return List.of("csv-template");
    }

    @Override
    public String builtInProfileText(String name) throws ProfileException {
        return new DefaultJobService().builtInProfileText(name);
    }

    @Override
    public LoadedProfile parseProfile(String yaml, String source) throws ProfileException {
        return new DefaultJobService().parseProfile(yaml, source);
    }

    @Override
    public PreviewSession openPreview(LoadedProfile profile, UnlockedKey key, List<Path> context,
            BooleanSupplier cancelled) {
        sessionsOpened++;
        previewKeys.add(java.util.Optional.ofNullable(key));
        if (!context.isEmpty()) {
            fullSessionsOpened++;
        }
        calls.add("openPreview");
        return new PreviewSession() {
            @Override
            public PreviewJob.Result preview(Path file, int max, BooleanSupplier c) throws JobException {
                return result("preview", file, previews.get(file));
            }

            @Override
            public PreviewJob.Result previewPartial(Path file, int max, BooleanSupplier c) throws JobException {
                return result("previewPartial", file, partialPreviews.getOrDefault(file, previews.get(file)));
            }

            private PreviewJob.Result result(String call, Path file, FilePreview p) throws JobException {
                calls.add(call);
                JobException failure = previewFailures.get(file);
                if (failure != null) {
                    throw failure;
                }
                FilePreview shown = p != null ? p : new FilePreview("CSV", FilePreview.Layout.TABLE, List.of(),
                        List.of(), 0, false, List.of());
                return new PreviewJob.Result(shown, key == null, profile.profile().name(), 1);
            }
        };
    }

    @Override
    public ImageSource openDicomImage(Path file, LoadedProfile profile, BooleanSupplier cancelled)
            throws JobException {
        calls.add("openDicomImage");
        java.util.function.Supplier<ImageSource> image = images.get(file);
        if (image == null) {
            throw new JobException(JobException.Reason.FILE_FAILED, file + ": no image", null);
        }
        return image.get();
    }

    @Override
    public List<FieldDecision> suggestColumns(Path file, LoadedProfile profile, BooleanSupplier cancelled) {
        calls.add("suggestColumns");
        return suggestions;
    }

    @Override
    public List<FieldDecision> explain(Path file, LoadedProfile profile) {
        calls.add("explain");
        return decisions;
    }

    @Override
    public RunResult run(RunRequest request, RunListener listener, BackgroundTasks.Task task) throws JobException {
        calls.add("run");
        lastPassphrase = request.passphrase();
        lastListener = listener;
        duringRun.accept(listener);
        if (runFailure != null) {
            throw runFailure;
        }
        return runResult;
    }

    @Override
    public void createKeyFile(Path file, char[] passphrase) {
        calls.add("createKeyFile");
        lastPassphrase = passphrase;
    }

    @Override
    public KeyFileInfo inspectKeyFile(Path file) throws KeyFileException {
        calls.add("inspectKeyFile");
        if (keyFileFailure != null) {
            throw keyFileFailure;
        }
        return info;
    }

    /** What {@link #reidentify} answers: pseudonym to original; the lookups asked, in order. */
    public final Map<String, String> originals = new ConcurrentHashMap<>();
    public final List<List<String>> reidentified = new java.util.concurrent.CopyOnWriteArrayList<>();
    public String lastReason;

    @Override
    public org.deidworkbench.keyfile.Reidentifier.Result reidentify(Path keyFile, char[] passphrase, String reason,
            String domain, List<String> pseudonyms) throws KeyFileException {
        calls.add("reidentify");
        lastPassphrase = passphrase;
        if (keyFileFailure != null) {
            throw keyFileFailure;
        }
        new org.deidworkbench.keyfile.Reidentifier.Request("tester", reason, java.time.Instant.EPOCH);
        lastReason = reason;
        reidentified.add(List.copyOf(pseudonyms));
        List<org.deidworkbench.keyfile.Reidentifier.Answer> answers = pseudonyms.stream()
                .map(p -> new org.deidworkbench.keyfile.Reidentifier.Answer(p, originals.containsKey(p) ? "patient" : domain,
                        java.util.Optional.ofNullable(originals.get(p))))
                .toList();
        var entry = new org.deidworkbench.keyfile.AuditEntry(reidentified.size(), java.time.Instant.EPOCH, "tester",
                reason, "lookup", domain, pseudonyms, (int) answers.stream().filter(a -> a.original().isPresent()).count(),
                "", "");
        return new org.deidworkbench.keyfile.Reidentifier.Result(answers, entry);
    }

    @Override
    public UnlockedKey unlockKeyFile(Path file, char[] passphrase) throws JobException {
        calls.add("unlockKeyFile");
        lastPassphrase = passphrase;
        if (keyFileFailure != null) {
            throw new JobException(JobException.Reason.KEY_FILE, keyFileFailure.getMessage(), keyFileFailure);
        }
        List<RunRecord> runs = history;
        Path opened = file.toAbsolutePath().normalize();
        return new UnlockedKey() {
            @Override
            public Path file() {
                return opened;
            }

            @Override
            public List<RunRecord> runs() {
                return runs;
            }
        };
    }
}

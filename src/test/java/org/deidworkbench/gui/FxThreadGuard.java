package org.deidworkbench.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.DefaultJobService;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.job.DicomImages;
import org.deidworkbench.job.FileKind;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.PreviewJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.FieldDecision;

/**
 * The real engine, watched: every call records the thread it came on, so a window test can assert
 * that no job ever ran on the FX thread.
 */
public final class FxThreadGuard implements JobService {

    private final JobService delegate;
    /** Calls made on the FX thread (should stay empty). */
    public final List<String> callsOnFxThread = new CopyOnWriteArrayList<>();
    /** Every call, by method name. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** Milliseconds a run's worker waits after each file (makes a small run long enough to cancel). */
    public volatile long slowDownPerFile;

    public FxThreadGuard() {
        this(new DefaultJobService());
    }

    public FxThreadGuard(JobService delegate) {
        this.delegate = delegate;
    }

    private void check(String method) {
        calls.add(method);
        if (Platform.isFxApplicationThread()) {
            callsOnFxThread.add(method);
        }
    }

    @Override
    public FileKind kind(Path file) throws JobException {
        check("kind");
        return delegate.kind(file);
    }

    @Override
    public List<String> builtInProfiles() {
        return delegate.builtInProfiles();
    }

    @Override
    public String builtInProfileText(String name) throws ProfileException {
        check("builtInProfileText");
        return delegate.builtInProfileText(name);
    }

    @Override
    public LoadedProfile parseProfile(String yaml, String source) throws ProfileException {
        check("parseProfile");
        return delegate.parseProfile(yaml, source);
    }

    @Override
    public PreviewSession openPreview(LoadedProfile profile, UnlockedKey key, List<Path> context,
            BooleanSupplier cancelled)
            throws JobException {
        check("openPreview");
        PreviewSession session = delegate.openPreview(profile, key, context, cancelled);
        return new PreviewSession() {
            @Override
            public PreviewJob.Result preview(Path file, int max, BooleanSupplier c) throws JobException {
                check("preview");
                return session.preview(file, max, c);
            }

            @Override
            public PreviewJob.Result previewPartial(Path file, int max, BooleanSupplier c) throws JobException {
                check("previewPartial");
                return session.previewPartial(file, max, c);
            }
        };
    }

    @Override
    public ImageSource openDicomImage(Path file, LoadedProfile profile, BooleanSupplier cancelled) throws JobException {
        check("openDicomImage");
        ImageSource source = delegate.openDicomImage(file, profile, cancelled);
        return new ImageSource() {
            @Override
            public DicomImage.Header header() {
                return source.header();
            }

            @Override
            public DicomImage original(int frame) throws JobException {
                check("original");
                return source.original(frame);
            }

            @Override
            public Optional<DicomImage> deidentified(int frame) throws JobException {
                check("deidentified");
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
                check("closeImage");
                source.close();
            }
        };
    }

    @Override
    public List<FieldDecision> suggestColumns(Path file, LoadedProfile profile, BooleanSupplier cancelled)
            throws JobException {
        check("suggestColumns");
        return delegate.suggestColumns(file, profile, cancelled);
    }

    @Override
    public List<FieldDecision> explain(Path file, LoadedProfile profile) throws JobException {
        check("explain");
        return delegate.explain(file, profile);
    }

    @Override
    public RunResult run(RunRequest request, RunListener listener, BackgroundTasks.Task task) throws JobException {
        check("run");
        RunListener slowed = new RunListener() {
            @Override
            public void phase(String name, int files, long bytes) {
                listener.phase(name, files, bytes);
            }

            @Override
            public void fileDone(long bytes) {
                listener.fileDone(bytes);
                if (slowDownPerFile > 0) {
                    try {
                        Thread.sleep(slowDownPerFile);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        return delegate.run(request, slowed, task);
    }

    @Override
    public void createKeyFile(Path file, char[] passphrase) throws JobException {
        check("createKeyFile");
        delegate.createKeyFile(file, passphrase);
    }

    @Override
    public KeyFileInfo inspectKeyFile(Path file) throws KeyFileException {
        check("inspectKeyFile");
        return delegate.inspectKeyFile(file);
    }

    @Override
    public org.deidworkbench.keyfile.Reidentifier.Result reidentify(Path keyFile, char[] passphrase, String reason,
            String domain, List<String> pseudonyms) throws KeyFileException {
        check("reidentify");
        return delegate.reidentify(keyFile, passphrase, reason, domain, pseudonyms);
    }

    @Override
    public UnlockedKey unlockKeyFile(Path file, char[] passphrase) throws JobException {
        check("unlockKeyFile");
        return delegate.unlockKeyFile(file, passphrase);
    }
}

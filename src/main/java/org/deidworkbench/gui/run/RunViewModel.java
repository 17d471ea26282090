package org.deidworkbench.gui.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.common.UserErrors;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;

/**
 * A run started from the workbench: on a worker thread through {@link JobService#run}, with the
 * progress bar, the phase, the time left and cancel; then the summary (counts, withheld files with
 * their reasons, errors), whose entries open their input file. The passphrase is wiped when the run
 * ends, however it ends. Used on the FX thread.
 */
public final class RunViewModel {

    /** What the window hears when a run ends. */
    public interface Listener {
        /** The run finished ({@code result}) or stopped ({@code failure}, with {@code cancelled}). */
        void finished(RunResult result, UserError failure, boolean cancelled);
    }

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final LongSupplier nanoClock;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyObjectWrapper<LocalizedText> phase = new ReadOnlyObjectWrapper<>(this, "phase");
    private final ReadOnlyObjectWrapper<Duration> remaining = new ReadOnlyObjectWrapper<>(this, "remaining");
    private final ReadOnlyObjectWrapper<RunResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<SummaryEntry> summary = FXCollections.observableArrayList();
    private Listener listener = (r, f, c) -> { };
    private BackgroundTasks.Task current;

    public RunViewModel(JobService jobs, BackgroundTasks tasks) {
        this(jobs, tasks, System::nanoTime);
    }

    /** @param nanoClock the clock for the time left (tests pass a fake) */
    public RunViewModel(JobService jobs, BackgroundTasks tasks, LongSupplier nanoClock) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.nanoClock = nanoClock;
    }

    public void setListener(Listener listener) {
        this.listener = listener;
    }

    /**
     * Starts a run. {@code passphrase} belongs to the run from now on: it is wiped when the run ends.
     *
     * @throws IllegalStateException when a run is going on
     */
    public void start(List<Path> inputs, Path output, Path keyFile, boolean createKeyFile, char[] passphrase,
            LoadedProfile profile, int threads) {
        if (running.get()) {
            Arrays.fill(passphrase, '\0');
            throw new IllegalStateException("a run is going on");
        }
        RunRequest request;
        try {
            request = new RunRequest(inputs, output, keyFile, createKeyFile, passphrase, profile, threads);
        } catch (RuntimeException e) {
            Arrays.fill(passphrase, '\0');
            throw e;
        }
        RunProgress counter = new RunProgress();
        AtomicBoolean updatePending = new AtomicBoolean();
        long started = nanoClock.getAsLong();
        running.set(true);
        result.set(null);
        summary.clear();
        progress.set(0);
        remaining.set(null);
        phase.set(LocalizedText.of("run.phase.starting"));
        RunListener progressListener = new RunListener() {
            @Override
            public void phase(String name, int files, long bytes) {
                counter.phase(name, files, bytes);
                post();
            }

            @Override
            public void fileDone(long bytes) {
                counter.fileDone(bytes);
                post();
            }

            /** At most one update waits on the FX thread, however fast the workers report. */
            private void post() {
                if (updatePending.compareAndSet(false, true)) {
                    tasks.onFx(() -> {
                        updatePending.set(false);
                        show(counter, started);
                    });
                }
            }
        };
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        mine[0] = tasks.submit(task -> {
            try {
                return jobs.run(request, progressListener, task);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, done -> {
            current = null;
            running.set(false);
            progress.set(1);
            remaining.set(null);
            phase.set(LocalizedText.of(done.allWritten() ? "run.phase.done" : "run.phase.partial"));
            result.set(done);
            List<SummaryEntry> entries = new ArrayList<>();
            for (int i = 0; i < done.files().size(); i++) {
                entries.add(new SummaryEntry(done.files().get(i), done.sources().get(i)));
            }
            entries.sort(java.util.Comparator.comparing(
                    (SummaryEntry x) -> x.report().status() == org.deidworkbench.model.FileReport.Status.WRITTEN));
            summary.setAll(entries);
            listener.finished(done, null, false);
        }, e -> {
            current = null;
            running.set(false);
            remaining.set(null);
            boolean cancelled = e instanceof JobException je && je.reason() == JobException.Reason.CANCELLED;
            progress.set(0);
            phase.set(LocalizedText.of(cancelled ? "run.phase.cancelled" : "run.phase.failed"));
            listener.finished(null, UserErrors.describe(e), cancelled);
        });
        current = mine[0];
    }

    private void show(RunProgress counter, long started) {
        if (!running.get()) {
            return;
        }
        progress.set(counter.fraction());
        int[] files = counter.files();
        phase.set(LocalizedText.of("run.phase." + counter.phase(), files[0], files[1]));
        remaining.set(counter.remaining(Duration.ofNanos(nanoClock.getAsLong() - started)).orElse(null));
    }

    /** Asks the run to stop; it removes what it wrote and reports "cancelled". */
    public void cancel() {
        if (current != null) {
            phase.set(LocalizedText.of("run.phase.cancelling"));
            current.cancel();
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The current phase with its file counts. */
    public ReadOnlyObjectProperty<LocalizedText> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Estimated time left, or {@code null} while unknown. */
    public ReadOnlyObjectProperty<Duration> remainingProperty() {
        return remaining.getReadOnlyProperty();
    }

    /** The last finished run, or {@code null}. */
    public ReadOnlyObjectProperty<RunResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** One entry per input file of the last finished run: problems first, then the rest, in input order. */
    public ObservableList<SummaryEntry> summary() {
        return summary;
    }
}

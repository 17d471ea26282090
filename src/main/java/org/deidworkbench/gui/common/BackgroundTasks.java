package org.deidworkbench.gui.common;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the workbench runs long work: on worker threads, never on the FX thread, with
 * cancellation, and with its outcome handed back on the FX thread. View models take one in their
 * constructor; tests give them one with a same-thread "FX" executor. Thread-safe.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(BackgroundTasks.class);

    /** Long work; {@code task.cancelled()} says when to stop. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Task task) throws Exception;
    }

    /** A submitted piece of work, as its submitter and the work itself see it. */
    public static final class Task {
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

        /** Asks the work to stop; runs its cancel hooks once. The outcome is still delivered. */
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                onCancel.forEach(Runnable::run);
            }
        }

        /** Whether {@link #cancel()} was called. */
        public boolean cancelled() {
            return cancelled.get();
        }

        /** Something to do on {@link #cancel()} (e.g. a run's own cancel); runs at once if already cancelled. */
        public void onCancel(Runnable hook) {
            onCancel.add(hook);
            if (cancelled.get()) {
                hook.run();
            }
        }
    }

    private final ExecutorService workers;
    private final Executor fx;
    private final AtomicInteger running = new AtomicInteger();

    /**
     * @param workers threads for the work
     * @param fx where outcomes are delivered: {@code Platform::runLater} in the application
     */
    public BackgroundTasks(ExecutorService workers, Executor fx) {
        this.workers = workers;
        this.fx = fx;
    }

    /** Daemon worker threads named {@code deid-gui-worker}, outcomes on {@code fx}. */
    public static BackgroundTasks withWorkers(int threads, Executor fx) {
        return new BackgroundTasks(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "deid-gui-worker");
            t.setDaemon(true);
            return t;
        }), fx);
    }

    /**
     * Runs {@code work} on a worker thread; then {@code onSuccess} or {@code onFailure} on the FX
     * executor, also after a cancel (a cancelled job usually fails with its own "cancelled" reason).
     */
    public <T> Task submit(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        Task task = new Task();
        running.incrementAndGet();
        try {
            workers.execute(() -> {
                T result;
                try {
                    result = work.run(task);
                } catch (Exception e) {
                    deliver(() -> onFailure.accept(e));
                    return;
                } catch (Error e) {
                    LOGGER.error("background work failed ({})", e.getClass().getName());
                    deliver(() -> onFailure.accept(new IllegalStateException(e.getClass().getName(), e)));
                    return;
                }
                deliver(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            running.decrementAndGet();
            onFailure.accept(e);
        }
        return task;
    }

    private void deliver(Runnable outcome) {
        fx.execute(() -> {
            try {
                outcome.run();
            } finally {
                running.decrementAndGet();
            }
        });
    }

    /**
     * Runs a small update on the FX executor, e.g. progress reported by a job's worker thread. The
     * update must be quick; coalesce frequent ones (see {@code RunViewModel}).
     */
    public void onFx(Runnable update) {
        fx.execute(update);
    }

    /** Work submitted whose outcome has not been delivered yet (tests wait for 0). */
    public int running() {
        return running.get();
    }

    /** Stops the workers (at application exit); running work is interrupted. */
    @Override
    public void close() {
        workers.shutdownNow();
    }
}

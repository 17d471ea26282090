package org.deidworkbench.format;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Runs the independent per-file pieces of a whole-export pass (the analysis, pass 0: e.g. reading a
 * table's key column through), here or in other processes (a cluster's executors, issue 13,
 * decision 0027). A piece reads one file and returns a serializable result; it must not depend on
 * where or in which order it runs. {@link #HERE} runs them in this thread, one after another; {@link #on} on a pool's threads.
 */
public interface FileTasks {

    /**
     * One piece: what it needs travels with it (paths as text, column numbers), so it may be
     * serialized and run elsewhere.
     *
     * @param <T> its result
     */
    interface Task<T extends Serializable> extends Serializable {
        /**
         * Runs the piece.
         *
         * @param cancelled polled by long pieces; where the piece runs elsewhere it never says so
         * @return the result, or null when the file cannot be read (its scan or transform says why)
         */
        T run(BooleanSupplier cancelled);

        /**
         * The files the piece reads, as paths in text (by default none said): where the pieces run
         * elsewhere, these are made readable there first (a cluster's executors copy them from a Hadoop
         * file system into their own scratch, decision 0041).
         */
        default List<String> reads() {
            return List.of();
        }

        /** {@code body}, saying that it reads the file {@code path}. */
        static <T extends Serializable> Task<T> reading(String path, Task<T> body) {
            return new Reading<>(path, body);
        }
    }

    /** A piece that reads one file ({@link Task#reading}). */
    record Reading<T extends Serializable>(String path, Task<T> body) implements Task<T> {
        @Override
        public T run(BooleanSupplier cancelled) {
            return body.run(cancelled);
        }

        @Override
        public List<String> reads() {
            return List.of(path);
        }
    }

    /** Each task's result, in the tasks' order. */
    <T extends Serializable> List<T> run(List<? extends Task<T>> tasks, BooleanSupplier cancelled);

    /** In this thread, in order. */
    FileTasks HERE = new FileTasks() {
        @Override
        public <T extends Serializable> List<T> run(List<? extends Task<T>> tasks, BooleanSupplier cancelled) {
            return local(checked(tasks, cancelled));
        }
    };

    /**
     * Work of the same pass that stays in this process (e.g. sampling files), as independent tasks; the
     * results in the tasks' order. By default in the calling thread, one after another.
     */
    default <T> List<T> local(List<Callable<T>> tasks) {
        List<T> out = new ArrayList<>(tasks.size());
        for (Callable<T> t : tasks) {
            out.add(call(t));
        }
        return out;
    }

    /**
     * Here, on the threads of {@code pool} (e.g. a run's workers, idle during the analysis): the results in the
     * tasks' order whatever the pool's size; a task's failure is thrown as it is (e.g. a {@link CancellationException}).
     */
    static FileTasks on(ExecutorService pool) {
        return new FileTasks() {
            @Override
            public <T extends Serializable> List<T> run(List<? extends Task<T>> tasks, BooleanSupplier cancelled) {
                return local(checked(tasks, cancelled));
            }

            @Override
            public <T> List<T> local(List<Callable<T>> tasks) {
                List<Future<T>> futures = new ArrayList<>(tasks.size());
                for (Callable<T> t : tasks) {
                    futures.add(pool.submit(() -> call(t)));
                }
                List<T> out = new ArrayList<>(tasks.size());
                try {
                    for (Future<T> f : futures) {
                        out.add(f.get());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                } finally {
                    futures.forEach(f -> f.cancel(true)); // after a failure, the rest need not run
                }
                return out;
            }
        };
    }

    /** Each task as a local one that first checks for a cancel. */
    private static <T extends Serializable> List<Callable<T>> checked(List<? extends Task<T>> tasks,
            BooleanSupplier cancelled) {
        List<Callable<T>> calls = new ArrayList<>(tasks.size());
        for (Task<T> t : tasks) {
            calls.add(() -> {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled");
                }
                return t.run(cancelled);
            });
        }
        return calls;
    }

    private static <T> T call(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

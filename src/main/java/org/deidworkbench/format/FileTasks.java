package org.deidworkbench.format;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Runs the independent per-file pieces of a whole-export pass (the analysis, pass 0: e.g. reading a
 * table's key column through), here or in other processes (a cluster's executors, issue 13,
 * decision 0027). A piece reads one file and returns a serializable result; it must not depend on
 * where or in which order it runs. {@link #HERE} runs them in this thread, one after another.
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
    }

    /** Each task's result, in the tasks' order. */
    <T extends Serializable> List<T> run(List<? extends Task<T>> tasks, BooleanSupplier cancelled);

    /** In this thread, in order. */
    FileTasks HERE = new FileTasks() {
        @Override
        public <T extends Serializable> List<T> run(List<? extends Task<T>> tasks, BooleanSupplier cancelled) {
            List<T> out = new ArrayList<>(tasks.size());
            for (Task<T> t : tasks) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled");
                }
                out.add(t.run(cancelled));
            }
            return out;
        }
    };

    /**
     * How many threads of this process a processor may use for its own local work of the pass (e.g.
     * sampling files); 1 by default.
     */
    default int threads() {
        return 1;
    }

    /** Here, on up to {@code threads} threads of this process; the results in the tasks' order whatever the count. */
    static FileTasks here(int threads) {
        if (threads <= 1) {
            return HERE;
        }
        return new FileTasks() {
            @Override
            public <T extends Serializable> List<T> run(List<? extends Task<T>> tasks, BooleanSupplier cancelled) {
                List<java.util.concurrent.Callable<T>> calls = new ArrayList<>(tasks.size());
                for (Task<T> t : tasks) {
                    calls.add(() -> {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("run cancelled");
                        }
                        return t.run(cancelled);
                    });
                }
                return inOrder(calls, threads);
            }

            @Override
            public int threads() {
                return threads;
            }
        };
    }

    /**
     * The results of independent local tasks in their order, computed on up to {@code threads} threads (here, in the
     * calling thread when one): a failure of a task is thrown as it is (a {@link CancellationException}).
     */
    static <T> List<T> inOrder(List<java.util.concurrent.Callable<T>> tasks, int threads) {
        List<T> out = new ArrayList<>(tasks.size());
        int n = Math.min(threads, tasks.size());
        if (n <= 1) {
            for (java.util.concurrent.Callable<T> t : tasks) {
                out.add(call(t));
            }
            return out;
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "deid-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<T>> futures = new ArrayList<>();
            for (java.util.concurrent.Callable<T> t : tasks) {
                futures.add(pool.submit(() -> call(t)));
            }
            for (java.util.concurrent.Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancellationException("interrupted");
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

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
}

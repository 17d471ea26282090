package org.deidworkbench.gui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/** An executor that keeps what it is given until the test runs it: view model tests decide the order of events. */
public final class QueuedExecutor extends AbstractExecutorService {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private boolean shutdown;

    /** Background tasks whose work and outcomes both wait in this one queue. */
    public static BackgroundTasks tasks(QueuedExecutor e) {
        return new BackgroundTasks(e, e);
    }

    /** Runs queued work and what it queues in turn, until nothing is left. */
    public void runAll() {
        Runnable r;
        while ((r = queue.poll()) != null) {
            r.run();
        }
    }

    /** Runs only the oldest queued item. */
    public void runNext() {
        Runnable r = queue.poll();
        if (r != null) {
            r.run();
        }
    }

    public int pending() {
        return queue.size();
    }

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = List.copyOf(queue);
        queue.clear();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && queue.isEmpty();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }
}

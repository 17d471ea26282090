package org.deidworkbench.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The one wrapper for long work: off the calling thread, outcomes on the FX executor, cancellable. */
class BackgroundTasksTest {

    @Test
    void workRunsOnAWorkerThreadNotTheCallers() throws Exception {
        BlockingQueue<Runnable> fx = new ArrayBlockingQueue<>(4);
        AtomicReference<Thread> worker = new AtomicReference<>();
        try (BackgroundTasks tasks = BackgroundTasks.withWorkers(1, fx::add)) {
            tasks.submit(t -> {
                worker.set(Thread.currentThread());
                return 1;
            }, r -> { }, e -> { });
            fx.poll(10, TimeUnit.SECONDS).run();
        }
        assertNotEquals(Thread.currentThread(), worker.get());
    }

    @Test
    void outcomeIsDeliveredThroughTheFxExecutor() throws Exception {
        BlockingQueue<Runnable> fx = new ArrayBlockingQueue<>(4);
        List<Integer> results = new ArrayList<>();
        try (BackgroundTasks tasks = BackgroundTasks.withWorkers(1, fx::add)) {
            tasks.submit(t -> 42, results::add, e -> { });
            Runnable delivery = fx.poll(10, TimeUnit.SECONDS);
            assertEquals(List.of(), results, "nothing is delivered before the FX executor runs it");
            delivery.run();
            assertEquals(0, tasks.running());
        }
        assertEquals(List.of(42), results);
    }

    @Test
    void failureIsDeliveredToTheFailureHandler() {
        QueuedExecutor q = new QueuedExecutor();
        List<Exception> failures = new ArrayList<>();
        QueuedExecutor.tasks(q).submit(t -> {
            throw new java.io.IOException("disk");
        }, r -> { }, failures::add);
        q.runAll();
        assertTrue(failures.get(0) instanceof java.io.IOException);
    }

    @Test
    void cancelRunsTheHooksOnce() {
        QueuedExecutor q = new QueuedExecutor();
        List<String> hooks = new ArrayList<>();
        BackgroundTasks.Task task = QueuedExecutor.tasks(q).submit(t -> 1, r -> { }, e -> { });
        task.onCancel(() -> hooks.add("stop"));
        task.cancel();
        task.cancel();
        assertEquals(List.of("stop"), hooks);
        assertTrue(task.cancelled());
    }
}

package org.deidworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The progress line on standard error: quiet for quick runs, phase and share of bytes for long ones.
 * Time is a clock the test advances; redraws are {@link ProgressBar#tick()} calls, as the timer makes them.
 */
class ProgressBarTest {

    private final StringWriter err = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ProgressBar bar() {
        return new ProgressBar(new PrintWriter(err), now::get, false);
    }

    private void advanceMillis(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void quickRunsPrintNothing() {
        try (ProgressBar bar = bar()) {
            bar.phase("transform", 3, 300);
            advanceMillis(300);
            bar.tick();
            bar.fileDone(300);
        }
        assertEquals("", err.toString());
    }

    @Test
    void longRunsShowPhaseFilesAndShareOfBytes() {
        try (ProgressBar bar = bar()) {
            bar.phase("transform", 4, 1000);
            bar.fileDone(500);
            advanceMillis(1200);
            bar.tick();
            String shown = err.toString();
            assertTrue(shown.startsWith("\rtransform"), shown);
            assertTrue(shown.contains(" 50%"), shown);
            assertTrue(shown.contains("1/4 files"), shown);
            assertTrue(shown.contains(" 1s "), shown);
        }
    }

    @Test
    void eachRedrawShowsTheProgressMadeSinceTheLast() {
        try (ProgressBar bar = bar()) {
            bar.phase("scan", 2, 0);
            advanceMillis(800);
            bar.tick();
            bar.fileDone(0);
            advanceMillis(200);
            bar.tick();
            String shown = err.toString();
            assertTrue(shown.contains("0/2 files"), shown);
            assertTrue(shown.indexOf("1/2 files") > shown.indexOf("0/2 files"), shown);
        }
    }

    @Test
    void aDrawnLineIsClearedAtTheEnd() {
        ProgressBar bar = bar();
        bar.phase("transform", 1, 10);
        advanceMillis(1000);
        bar.tick();
        bar.close();
        assertTrue(err.toString().endsWith("\r" + " ".repeat(78) + "\r"), err::toString);
    }
}

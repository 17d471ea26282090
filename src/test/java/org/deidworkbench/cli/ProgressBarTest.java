package org.deidworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line on standard error: quiet for quick runs, phase and share of bytes for long ones. */
class ProgressBarTest {

    @Test
    void quickRunsPrintNothing() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err))) {
            bar.phase("transform", 3, 300);
            bar.fileDone(300);
        }
        assertEquals("", err.toString());
    }

    @Test
    void longRunsShowPhaseFilesAndShareOfBytesThenClearTheLine() throws InterruptedException {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err))) {
            bar.phase("transform", 4, 1000);
            bar.fileDone(500);
            Thread.sleep(1200);
        }
        String shown = err.toString();
        assertTrue(shown.contains("transform"), shown);
        assertTrue(shown.contains(" 50%"), shown);
        assertTrue(shown.contains("1/4 files"), shown);
        assertTrue(shown.endsWith("\r"), "the line is cleared at the end");
    }
}

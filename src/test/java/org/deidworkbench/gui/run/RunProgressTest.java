package org.deidworkbench.gui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One bar over a run's phases, and the time left. */
class RunProgressTest {

    @Test
    void scanTakesTheFirstShareOfTheBar() {
        RunProgress p = new RunProgress();
        p.phase("scan", 2, 100);
        p.fileDone(50);
        assertEquals(0.20, p.fraction(), 1e-9);
    }

    @Test
    void transformWithoutScanStartsAtZero() {
        RunProgress p = new RunProgress();
        p.phase("transform", 4, 0);
        p.fileDone(0);
        assertEquals(0.225, p.fraction(), 1e-9);
    }

    @Test
    void transformAfterScanStartsWhereScanEnded() {
        RunProgress p = new RunProgress();
        p.phase("scan", 1, 10);
        p.fileDone(10);
        p.phase("transform", 1, 10);
        assertEquals(0.40, p.fraction(), 1e-9);
    }

    @Test
    void timeLeftFollowsTheRateSoFar() {
        RunProgress p = new RunProgress();
        p.phase("transform", 2, 200);
        p.fileDone(100);
        // 45 % done after 9 s: 11 s left.
        assertEquals(Optional.of(Duration.ofSeconds(11)), p.remaining(Duration.ofSeconds(9)));
    }

    @Test
    void timeLeftIsUnknownAtTheStart() {
        RunProgress p = new RunProgress();
        p.phase("transform", 100, 1000);
        p.fileDone(1);
        assertTrue(p.remaining(Duration.ofSeconds(1)).isEmpty());
    }
}

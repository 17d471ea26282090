package org.deidworkbench.gui.workbench;

import java.time.LocalTime;
import java.util.Objects;
import org.deidworkbench.gui.common.LocalizedText;

/**
 * One line of the log pane. Its text names files, counts, rule ids and error codes, never a value
 * of a field; the log lives on screen only.
 *
 * @param level how it is marked
 * @param text the message
 * @param time when it happened (local time of day)
 */
public record LogEntry(Level level, LocalizedText text, LocalTime time) {

    /** How a log line is marked. */
    public enum Level { INFO, WARNING, ERROR }

    public LogEntry {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(time, "time");
    }
}

package org.deidworkbench.model;

/**
 * The range of per-subject date offsets, in days, both ends inclusive; an offset is never zero.
 */
public record DateShiftSettings(int minDays, int maxDays) {

    /** The default range: up to one year back or forward. */
    public static final DateShiftSettings DEFAULT = new DateShiftSettings(-365, 365);

    public DateShiftSettings {
        if (minDays > maxDays) {
            throw new IllegalArgumentException("date shift range is empty: " + minDays + ".." + maxDays);
        }
        if (minDays == 0 && maxDays == 0) {
            throw new IllegalArgumentException("date shift range 0..0 would not shift any date");
        }
        if (Math.abs((long) minDays) > 36_500 || Math.abs((long) maxDays) > 36_500) {
            throw new IllegalArgumentException("date shift range is limited to ±36500 days");
        }
    }
}

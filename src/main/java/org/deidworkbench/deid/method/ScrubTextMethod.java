package org.deidworkbench.deid.method;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.TextScrubber;

/** {@code scrub-text}: free text with known identifiers and PHI patterns replaced. */
public final class ScrubTextMethod implements DeidMethod {

    /** The last value scrubbed and whether it held a date: what {@link #dependsOnSubject} is then asked about. */
    private record Last(String value, boolean datesFound) {
    }

    private final TextScrubber scrubber;
    /** Replaced whole, never changed, so a thread sees either its own last value or another's (then asks again). */
    private volatile Last last;

    /** Binds the method to the run's scrubber. */
    public ScrubTextMethod(TextScrubber scrubber) {
        this.scrubber = scrubber;
    }

    @Override
    public boolean dependsOnSubject(String value) {
        Last l = last;
        // The very string just scrubbed (callers ask right after apply): the scrub already looked for dates.
        return l != null && l.value() == value ? l.datesFound() : scrubber.mayShiftDates(value);
    }

    @Override
    public String apply(String value, FieldContext context) {
        TextScrubber.Scrubbed s = scrubber.scrubAndTell(value, context.subject());
        last = new Last(value, s.datesFound());
        return s.text();
    }
}

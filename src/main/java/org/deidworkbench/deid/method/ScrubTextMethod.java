package org.deidworkbench.deid.method;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.TextScrubber;

/** {@code scrub-text}: free text with known identifiers and PHI patterns replaced. */
public final class ScrubTextMethod implements DeidMethod {

    private final TextScrubber scrubber;

    /** Binds the method to the run's scrubber. */
    public ScrubTextMethod(TextScrubber scrubber) {
        this.scrubber = scrubber;
    }

    @Override
    public boolean dependsOnSubject(String value) {
        return scrubber.mayShiftDates(value);
    }

    @Override
    public String apply(String value, FieldContext context) {
        return scrubber.scrub(value, context.subject());
    }
}

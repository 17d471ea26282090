package org.deidworkbench.deid.method;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.TextScrubber;

/** {@code scrub-text}: free text with known identifiers and PHI patterns replaced. */
public final class ScrubTextMethod implements DeidMethod {

    /** The last value scrubbed and whether it held a date: what {@link #dependsOnSubject} is then asked about. */
    private record Last(String value, boolean datesFound) {
    }

    private final TextScrubber scrubber;
    private final java.util.function.BiConsumer<org.deidworkbench.deid.Subject, String> witness;
    private final boolean slashDayFirst;
    /** Replaced whole, never changed, so a thread sees either its own last value or another's (then asks again). */
    private volatile Last last;

    /** Binds the method to the run's scrubber. */
    public ScrubTextMethod(TextScrubber scrubber) {
        this(scrubber, null);
    }

    /**
     * @param witness told of every date the scrubber wrote shifted into a subject's text (the subject and the date as
     *     written), as {@code shift-date}'s witness is of a column's (decision 0029, 0116); or null
     */
    public ScrubTextMethod(TextScrubber scrubber,
            java.util.function.BiConsumer<org.deidworkbench.deid.Subject, String> witness) {
        this(scrubber, witness, false);
    }

    /**
     * @param slashDayFirst read slash dates whose order the text does not show ({@code 03/04/2021}) day first: a
     *     column of an export whose dates are written day first
     */
    public ScrubTextMethod(TextScrubber scrubber,
            java.util.function.BiConsumer<org.deidworkbench.deid.Subject, String> witness, boolean slashDayFirst) {
        this.scrubber = scrubber;
        this.witness = witness;
        this.slashDayFirst = slashDayFirst;
    }

    @Override
    public boolean dependsOnSubject(String value) {
        Last l = last;
        // The very string just scrubbed (callers ask right after apply): the scrub already looked for dates.
        return l != null && l.value() == value ? l.datesFound() : scrubber.mayShiftDates(value);
    }

    @Override
    public String apply(String value, FieldContext context) {
        TextScrubber.Scrubbed s = scrubber.scrubAndTell(value, context.subject(), slashDayFirst);
        last = new Last(value, s.datesFound());
        if (s.datesFound()) {
            attest(s.text(), context);
        }
        return s.text();
    }

    @Override
    public void reused(String value, String result, FieldContext context) {
        if (result != null && scrubber.mayShiftDates(value)) {
            attest(result, context);
        }
    }

    private void attest(String written, FieldContext context) {
        org.deidworkbench.deid.Subject subject = context.subject();
        if (witness != null && subject != null && subject.dateOffsetDays() != 0) {
            TextScrubber.shiftedDates(written, date -> witness.accept(subject, date));
        }
    }
}

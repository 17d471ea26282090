package org.deidworkbench.deid.method;

import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;

/**
 * One de-identification action, bound to its parameters and keys. Implementations are immutable
 * and thread-safe; {@link #apply} is called once per value, so it must be cheap.
 */
public interface DeidMethod {

    /**
     * The transformed value, or {@code null} when the field is to be removed.
     *
     * @throws org.deidworkbench.deid.UnprocessableValueException when this value cannot be
     *     transformed; the caller empties it and reports the place
     * @throws DeidException when the run cannot go on safely (pseudonym collision)
     */
    String apply(String value, FieldContext context) throws DeidException;

    /**
     * Whether the result for this value depends on the record's subject too (date shifts, and free
     * text that may hold a date). When false, callers may cache the result by value alone: it never
     * depends on anything but the value, the profile and the key.
     */
    default boolean dependsOnSubject(String value) {
        return false;
    }

    /**
     * A caller wrote {@code result}, this method's earlier result for the same value and context, again without
     * calling {@link #apply} (a CSV column's previous row). The default does nothing; {@code shift-date} attests the
     * date written (decision 0029).
     */
    default void reused(String value, String result, FieldContext context) {
    }

    /** Whether an empty input stays empty without calling {@link #apply} (true for all but remove). */
    default boolean keepsEmpty() {
        return true;
    }
}

package org.deidworkbench.deid;

/**
 * One value cannot be transformed by its action (a date in no known notation, a ZIP code that is
 * not one). The caller replaces the value by an empty one and reports the place; the value itself
 * is never part of the message.
 */
public final class UnprocessableValueException extends DeidException {

    private static final long serialVersionUID = 1L;

    /** @param code stable code such as {@code VALUE-NOT-A-DATE} */
    public UnprocessableValueException(String code, String message) {
        super(code, message);
    }
}

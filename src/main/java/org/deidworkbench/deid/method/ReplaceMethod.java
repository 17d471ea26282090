package org.deidworkbench.deid.method;

import org.deidworkbench.deid.FieldContext;

/** {@code replace}: every non-empty value becomes the same fixed text. */
public final class ReplaceMethod implements DeidMethod {

    private final String replacement;

    /** @param replacement the fixed text from the profile */
    public ReplaceMethod(String replacement) {
        this.replacement = replacement;
    }

    @Override
    public String apply(String value, FieldContext context) {
        return replacement;
    }
}

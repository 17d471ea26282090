package org.deidworkbench.deid.method;

import org.deidworkbench.deid.FieldContext;

/** {@code empty}: the field stays, its value becomes empty. */
public final class EmptyMethod implements DeidMethod {

    @Override
    public String apply(String value, FieldContext context) {
        return "";
    }
}

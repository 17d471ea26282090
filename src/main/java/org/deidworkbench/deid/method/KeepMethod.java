package org.deidworkbench.deid.method;

import org.deidworkbench.deid.FieldContext;

/** {@code keep}: the value passes unchanged. */
public final class KeepMethod implements DeidMethod {

    @Override
    public String apply(String value, FieldContext context) {
        return value;
    }
}

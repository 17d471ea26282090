package org.deidworkbench.deid.method;

import org.deidworkbench.deid.FieldContext;

/** {@code remove}: the field disappears (a CSV column is dropped from the output). */
public final class RemoveMethod implements DeidMethod {

    @Override
    public String apply(String value, FieldContext context) {
        return null;
    }

    @Override
    public boolean keepsEmpty() {
        return false;
    }
}

package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.deidworkbench.deid.FieldContext;
import org.junit.jupiter.api.Test;

class RemoveMethodTest {

    @Test
    void fieldDisappearsEvenWhenEmpty() {
        RemoveMethod m = new RemoveMethod();
        assertNull(m.apply("Smith", new FieldContext(null, "name")));
        assertNull(m.apply("", new FieldContext(null, "name")));
        assertFalse(m.keepsEmpty());
    }
}

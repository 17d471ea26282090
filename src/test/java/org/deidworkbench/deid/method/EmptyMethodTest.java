package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.FieldContext;
import org.junit.jupiter.api.Test;

class EmptyMethodTest {

    @Test
    void valueBecomesEmptyAndTheFieldStays() {
        EmptyMethod m = new EmptyMethod();
        assertEquals("", m.apply("Smith", new FieldContext(null, "name")));
        assertTrue(m.keepsEmpty());
    }
}

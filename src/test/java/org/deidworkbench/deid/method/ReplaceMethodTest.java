package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.FieldContext;
import org.junit.jupiter.api.Test;

class ReplaceMethodTest {

    @Test
    void everyValueBecomesTheFixedText() {
        ReplaceMethod m = new ReplaceMethod("REDACTED");
        assertEquals("REDACTED", m.apply("Smith", new FieldContext(null, "name")));
        assertEquals("REDACTED", m.apply("Doe", new FieldContext(null, "name")));
        assertTrue(m.keepsEmpty());
    }
}

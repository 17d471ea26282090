package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.FieldContext;
import org.junit.jupiter.api.Test;

class KeepMethodTest {

    @Test
    void valuePassesUnchanged() {
        KeepMethod m = new KeepMethod();
        assertEquals(" Smith, John ", m.apply(" Smith, John ", new FieldContext(null, "name")));
        assertTrue(m.keepsEmpty());
    }
}

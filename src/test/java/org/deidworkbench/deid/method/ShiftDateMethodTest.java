package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.junit.jupiter.api.Test;

class ShiftDateMethodTest {

    @Test
    void dateMovesBySubjectOffsetWhenThereIsASubject() throws Exception {
        assertEquals("2024-01-25", new ShiftDateMethod(-3).apply("2024-01-15", new FieldContext(new Subject("P", 10), "d")));
    }

    @Test
    void dateMovesByProjectOffsetWithoutSubject() throws Exception {
        assertEquals("2024-01-12", new ShiftDateMethod(-3).apply("2024-01-15", new FieldContext(null, "d")));
    }

    @Test
    void nonDateIsReported() {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> new ShiftDateMethod(-3).apply("next Tuesday", new FieldContext(null, "d")));
        assertEquals("VALUE-NOT-A-DATE", e.code());
    }
}

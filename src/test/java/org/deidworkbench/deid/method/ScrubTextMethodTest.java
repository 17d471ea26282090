package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.TextScrubber;
import org.junit.jupiter.api.Test;

class ScrubTextMethodTest {

    private static ScrubTextMethod method() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Smith, John", "PAT-1");
        return new ScrubTextMethod(new TextScrubber(ids.snapshot()));
    }

    @Test
    void textLosesKnownIdentifiersAndShiftsDatesByTheRecordSubject() throws Exception {
        assertEquals("PAT-1 seen 2024-01-25", method().apply("Smith, John seen 2024-01-15",
                new FieldContext(new Subject("PAT-1", 10), "note")));
    }

    @Test
    void datesBecomeLabelsWithoutSubject() throws Exception {
        assertEquals("PAT-1 seen [DATE]", method().apply("Smith, John seen 2024-01-15", new FieldContext(null, "note")));
    }
}

package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.TestKeys;
import org.deidworkbench.deid.UnprocessableValueException;
import org.junit.jupiter.api.Test;

class RemapUidMethodTest {

    private static final FieldContext CONTEXT = new FieldContext(null, "StudyInstanceUID");

    @Test
    void uidIsReplacedByAStableDerivedUid() throws Exception {
        RemapUidMethod m = new RemapUidMethod(TestKeys.keyRing().uids());
        String uid = m.apply("1.2.840.113619.2.55.3.604688119", CONTEXT);
        assertTrue(uid.startsWith("2.25.") && uid.length() <= 64, uid);
        assertEquals(uid, m.apply("1.2.840.113619.2.55.3.604688119\0", CONTEXT));
        assertNotEquals(uid, m.apply("1.2.840.113619.2.55.3.604688120", CONTEXT));
    }

    @Test
    void blankUidIsReportedNotThrownAsACrash() {
        RemapUidMethod m = new RemapUidMethod(TestKeys.keyRing().uids());
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class, () -> m.apply("  ", CONTEXT));
        assertEquals("UID-EMPTY", e.code());
    }
}

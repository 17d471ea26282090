package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.crypto.PseudonymGenerator;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.TestKeys;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.PseudonymFormat;
import org.junit.jupiter.api.Test;

class PseudonymizeMethodTest {

    private static final PseudonymFormat FORMAT = new PseudonymFormat(PseudonymFormat.Encoding.BASE32, 10, "MRN-", true);
    private static final FieldContext CONTEXT = new FieldContext(null, "mrn");

    @Test
    void sameNormalizedValueGetsTheSameRecordedPseudonym() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        PseudonymizeMethod m = new PseudonymizeMethod(TestKeys.keyRing().pseudonyms(), ledger, "mrn", FORMAT);
        String p = m.apply("ab-00123", CONTEXT);
        assertEquals(p, m.apply("  AB-00123 ", CONTEXT));
        assertTrue(PseudonymGenerator.hasValidCheck(p, FORMAT), p);
        assertEquals(List.of(new PseudonymEntry("mrn", p, "AB-00123")), ledger.newEntries());
    }

    @Test
    void otherDomainGivesAnotherPseudonym() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        String a = new PseudonymizeMethod(TestKeys.keyRing().pseudonyms(), ledger, "mrn", FORMAT).apply("123", CONTEXT);
        String b = new PseudonymizeMethod(TestKeys.keyRing().pseudonyms(), ledger, "ssn", FORMAT).apply("123", CONTEXT);
        assertNotEquals(a, b);
    }

    @Test
    void blankValueStaysEmptyAndIsNotRecorded() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        PseudonymizeMethod m = new PseudonymizeMethod(TestKeys.keyRing().pseudonyms(), ledger, "mrn", FORMAT);
        assertEquals("", m.apply(" \t", CONTEXT));
        assertTrue(ledger.newEntries().isEmpty());
    }
}

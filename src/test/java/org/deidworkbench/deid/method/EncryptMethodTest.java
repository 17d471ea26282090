package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deidworkbench.crypto.Ff1Cipher;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.TestKeys;
import org.deidworkbench.deid.UnprocessableValueException;
import org.junit.jupiter.api.Test;

class EncryptMethodTest {

    private static final FieldContext CONTEXT = new FieldContext(null, "ssn");

    @Test
    void digitsAreEncryptedReversiblyAndSeparatorsStay() throws Exception {
        Ff1Cipher cipher = TestKeys.keyRing().ff1();
        String encrypted = new EncryptMethod(cipher, "ssn", Ff1Cipher.DIGITS).apply("123-45-6789", CONTEXT);
        assertNotEquals("123-45-6789", encrypted);
        assertEquals(11, encrypted.length());
        assertEquals('-', encrypted.charAt(3));
        assertEquals('-', encrypted.charAt(6));
        assertEquals("123-45-6789", cipher.decrypt("ssn", encrypted, Ff1Cipher.DIGITS));
    }

    @Test
    void valueTooShortForSafeEncryptionIsReportedWithoutItsValue() {
        EncryptMethod m = new EncryptMethod(TestKeys.keyRing().ff1(), "ssn", Ff1Cipher.DIGITS);
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class, () -> m.apply("98-765", CONTEXT));
        assertEquals("FPE-DOMAIN-TOO-SMALL", e.code());
        assertFalse(e.getMessage().contains("98"), e.getMessage());
    }
}

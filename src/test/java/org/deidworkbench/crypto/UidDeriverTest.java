package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UidDeriverTest {

    private static final String SOURCE = "1.2.840.113619.2.55.3.604688119.969.1268071029.320";
    private final UidDeriver deriver = new UidDeriver(TestSupport.vectorSecret());

    @Test
    void derivedUidIsAValidDicomUidUnderTheUuidArc() {
        for (int i = 0; i < 2_000; i++) {
            String uid = deriver.derive(SOURCE + "." + i);
            assertTrue(uid.startsWith("2.25."), uid);
            assertTrue(uid.length() <= 64, uid);
            String number = uid.substring(5);
            assertTrue(number.matches("[1-9][0-9]*"), uid);
        }
    }

    @Test
    void derivedUidEncodesAVersion8Rfc9562Uuid() {
        BigInteger value = new BigInteger(deriver.derive(SOURCE).substring(5));
        assertTrue(value.bitLength() <= 128);
        UUID uuid = new UUID(value.shiftRight(64).longValue(), value.longValue());
        assertEquals(8, uuid.version());
        assertEquals(2, uuid.variant());
    }

    @Test
    void sameUidGivesTheSameReplacement() {
        assertEquals(deriver.derive(SOURCE), new UidDeriver(TestSupport.vectorSecret()).derive(SOURCE));
    }

    @Test
    void nulPaddingAndSurroundingSpacesDoNotChangeTheReplacement() {
        assertEquals(deriver.derive("1.2.3.4"), deriver.derive("1.2.3.4\0"));
        assertEquals(deriver.derive("1.2.3.4"), deriver.derive(" 1.2.3.4 "));
    }

    @Test
    void differentUidsGiveDifferentReplacements() {
        assertNotEquals(deriver.derive("1.2.3.4"), deriver.derive("1.2.3.5"));
    }

    @Test
    void differentSecretGivesADifferentReplacement() {
        assertNotEquals(deriver.derive(SOURCE), new UidDeriver(TestSupport.otherSecret()).derive(SOURCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\0", " \0"})
    void emptyUidIsRejected(String uid) {
        CryptoException e = assertThrows(CryptoException.class, () -> deriver.derive(uid));
        assertEquals(CryptoException.UID_EMPTY, e.code());
    }

    @Test
    void parallelCallsGiveTheSameResultsAsSequentialCalls() throws Exception {
        List<String> sequential = TestSupport.sequential(5_000, i -> deriver.derive("1.2.3." + i));
        UidDeriver shared = new UidDeriver(TestSupport.vectorSecret());
        assertEquals(sequential, TestSupport.parallel(5_000, i -> shared.derive("1.2.3." + i)));
    }
}

package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HexFormat;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.PseudonymFormat;
import org.junit.jupiter.api.Test;

/** Purpose keys travel to a cluster's workers instead of the project secret: they must compute the same values. */
class PurposeKeysTest {

    private static PurposeKeys roundTrip(PurposeKeys keys) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(keys);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PurposeKeys) in.readObject();
        }
    }

    @Test
    void serializedPurposeKeysGiveTheSameValuesAsTheSecret() throws Exception {
        ProjectSecret secret = TestSupport.vectorSecret();
        PurposeKeys keys = roundTrip(PurposeKeys.derive(secret));
        PseudonymFormat format = PseudonymFormat.DEFAULT;

        assertEquals(new PseudonymGenerator(secret).pseudonym("patient", "100200", format),
                new PseudonymGenerator(keys).pseudonym("patient", "100200", format));
        assertEquals(new DateShifter(secret).offsetDays("patient:100200", DateShiftSettings.DEFAULT),
                new DateShifter(keys).offsetDays("patient:100200", DateShiftSettings.DEFAULT));
        assertEquals(new UidDeriver(secret).derive("1.2.840.113619.2.55.3"),
                new UidDeriver(keys).derive("1.2.840.113619.2.55.3"));
        assertEquals(new Ff1Cipher(secret).encrypt("ssn", "996473574", Ff1Cipher.DIGITS),
                new Ff1Cipher(keys).encrypt("ssn", "996473574", Ff1Cipher.DIGITS));
    }

    @Test
    void anotherSecretGivesOtherKeys() {
        PseudonymFormat format = PseudonymFormat.DEFAULT;
        assertNotEquals(new PseudonymGenerator(PurposeKeys.derive(TestSupport.vectorSecret())).pseudonym("p", "1", format),
                new PseudonymGenerator(PurposeKeys.derive(TestSupport.otherSecret())).pseudonym("p", "1", format));
    }

    @Test
    void describingTheKeysShowsNoKeyMaterial() {
        PurposeKeys keys = PurposeKeys.derive(TestSupport.vectorSecret());
        String text = keys.toString();
        String pseudonymKey = HexFormat.of().formatHex(KeyDerivation.derive(TestSupport.vectorSecret(),
                KeyDerivation.PSEUDONYM, 32));
        assertFalse(text.contains(pseudonymKey.substring(0, 8)), text);
        assertEquals("PurposeKeys[not shown]", text);
    }
}

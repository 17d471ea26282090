package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckCharactersTest {

    @Test
    void dammCheckDigitMatchesThePublishedExample() {
        // Damm (2004), as reproduced on Wikipedia "Damm algorithm": 572 -> check digit 4.
        assertEquals('4', CheckCharacters.damm("572", 0, 3));
    }

    @Test
    void dammOverNumberWithItsCheckDigitIsZero() {
        assertEquals('0', CheckCharacters.damm("5724", 0, 4));
    }

    @Test
    void dammRejectsNonDigits() {
        assertThrows(IllegalArgumentException.class, () -> CheckCharacters.damm("57A", 0, 3));
    }

    @Test
    void iso7064Mod3736MatchesThePublishedExample() {
        // ISO/IEC 7064 MOD 37,36 example (also in python-stdnum's iso7064.mod_37_36): A12425GABC1234002 -> M.
        assertEquals('M', CheckCharacters.mod37x36("A12425GABC1234002", 0, 17));
    }

    @Test
    void iso7064Mod3736IgnoresLetterCase() {
        assertEquals('M', CheckCharacters.mod37x36("a12425gabc1234002", 0, 17));
    }

    @Test
    void iso7064Mod3736WorksOnASubrange() {
        assertEquals('M', CheckCharacters.mod37x36("PAT-A12425GABC1234002", 4, 21));
    }

    @Test
    void iso7064Mod3736RejectsPunctuation() {
        assertThrows(IllegalArgumentException.class, () -> CheckCharacters.mod37x36("A-1", 0, 3));
    }

    /**
     * RFC 4648 §10 base32 test vectors, written in Crockford's alphabet by replacing each RFC 4648
     * symbol by the Crockford symbol of the same value (padding dropped).
     */
    @ParameterizedTest
    @CsvSource({"f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI"})
    void crockfordBase32MatchesRfc4648VectorsInCrockfordsAlphabet(String input, String rfc4648) {
        String rfcAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder crockford = new StringBuilder();
        for (char c : rfc4648.toCharArray()) {
            crockford.append(PseudonymGenerator.CROCKFORD.charAt(rfcAlphabet.indexOf(c)));
        }
        byte[] data = input.getBytes(StandardCharsets.US_ASCII);
        assertEquals(crockford.toString(), PseudonymGenerator.crockfordBase32(data, rfc4648.length()));
    }

    @Test
    void crockfordBase32OfFoobarIsCsqpyrk1e8() {
        assertEquals("CSQPYRK1E8", PseudonymGenerator.crockfordBase32("foobar".getBytes(StandardCharsets.US_ASCII), 10));
    }
}

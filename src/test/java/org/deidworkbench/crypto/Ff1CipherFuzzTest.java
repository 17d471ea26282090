package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * FF1 must be a permutation on every value it accepts: decrypt(encrypt(v)) == v with the same length,
 * for any domain, value and alphabet; everything else must be a {@link CryptoException}. Under plain
 * {@code mvn test} this replays the seeds in {@code Ff1CipherFuzzTestInputs/ff1RoundTrip/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=Ff1CipherFuzzTest} fuzzes for real.
 */
class Ff1CipherFuzzTest {

    private static final Ff1Cipher CIPHER = new Ff1Cipher(TestSupport.vectorSecret());
    private static final String[] ALPHABETS = {Ff1Cipher.DIGITS, Ff1Cipher.UPPER_ALPHANUMERIC, Ff1Cipher.ALPHANUMERIC};

    @FuzzTest(maxDuration = "30s")
    void ff1RoundTrip(FuzzedDataProvider data) {
        int choice = data.consumeInt(0, ALPHABETS.length);
        String alphabet = choice < ALPHABETS.length ? ALPHABETS[choice] : data.consumeString(300);
        String domain = data.consumeString(64);
        String value = data.consumeRemainingAsString();
        String encrypted;
        try {
            encrypted = CIPHER.encrypt(domain, value, alphabet);
        } catch (CryptoException expected) {
            return;
        }
        assertEquals(value.length(), encrypted.length());
        assertEquals(value, CIPHER.decrypt(domain, encrypted, alphabet));
    }
}

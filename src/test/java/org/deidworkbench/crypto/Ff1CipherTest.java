package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class Ff1CipherTest {

    private static final String AES128 = "2B7E151628AED2A6ABF7158809CF4F3C";
    private static final String AES256 = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94";
    private static final String BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Ff1Cipher cipher = new Ff1Cipher(TestSupport.vectorSecret());

    /**
     * NIST SP 800-38G FF1 samples (csrc.nist.gov, "FF1samples.pdf"): key, tweak, alphabet, plaintext,
     * ciphertext. The tweaks 39383736353433323130 and 3737373770717273373737 are the ASCII bytes of
     * the domains given here.
     */
    static Stream<Arguments> nistSamples() {
        return Stream.of(
                Arguments.of("sample 1", AES128, "", Ff1Cipher.DIGITS, "0123456789", "2433477484"),
                Arguments.of("sample 2", AES128, "9876543210", Ff1Cipher.DIGITS, "0123456789", "6124200773"),
                Arguments.of("sample 3", AES128, "7777pqrs777", BASE36, "0123456789abcdefghi", "a9tv40mll9kdu509eum"),
                Arguments.of("sample 7", AES256, "", Ff1Cipher.DIGITS, "0123456789", "6657667009"),
                Arguments.of("sample 8", AES256, "9876543210", Ff1Cipher.DIGITS, "0123456789", "1001623463"),
                Arguments.of("sample 9", AES256, "7777pqrs777", BASE36, "0123456789abcdefghi", "xs8a0azh2avyalyzuwd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nistSamples")
    void encryptionMatchesNistSample(String name, String key, String tweak, String alphabet, String plain, String expected) {
        assertEquals(expected, new Ff1Cipher(TestSupport.hex(key), false).encrypt(tweak, plain, alphabet));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nistSamples")
    void decryptionMatchesNistSample(String name, String key, String tweak, String alphabet, String plain, String cipherText) {
        assertEquals(plain, new Ff1Cipher(TestSupport.hex(key), false).decrypt(tweak, cipherText, alphabet));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ssn|123-45-6789|0123456789",
        "phone|+1 (555) 010-9999|0123456789",
        "mrn|MRN-0047-11A|0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        "id|aZ-09_zz.Q7|0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"})
    void roundTripKeepsSeparatorsAndLength(String domain, String value, String alphabet) {
        String encrypted = cipher.encrypt(domain, value, alphabet);
        assertEquals(value.length(), encrypted.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (alphabet.indexOf(c) < 0) {
                assertEquals(c, encrypted.charAt(i), "separator at " + i);
            } else {
                assertTrue(alphabet.indexOf(encrypted.charAt(i)) >= 0, "alphabet character at " + i);
            }
        }
        assertNotEquals(value, encrypted);
        assertEquals(value, cipher.decrypt(domain, encrypted, alphabet));
    }

    @Test
    void charactersOutsideTheAlphabetStayInPlace() {
        String encrypted = cipher.encrypt("mrn", "ab123456cd", Ff1Cipher.UPPER_ALPHANUMERIC);
        assertEquals("ab", encrypted.substring(0, 2));
        assertEquals("cd", encrypted.substring(8));
    }

    @Test
    void differentDomainGivesDifferentCiphertext() {
        assertNotEquals(cipher.encrypt("ssn", "123456789", Ff1Cipher.DIGITS),
                cipher.encrypt("phone", "123456789", Ff1Cipher.DIGITS));
    }

    @Test
    void differentSecretGivesDifferentCiphertext() {
        assertNotEquals(cipher.encrypt("ssn", "123456789", Ff1Cipher.DIGITS),
                new Ff1Cipher(TestSupport.otherSecret()).encrypt("ssn", "123456789", Ff1Cipher.DIGITS));
    }

    @Test
    void decryptionWithAnotherDomainDoesNotRecoverTheValue() {
        String encrypted = cipher.encrypt("ssn", "123456789", Ff1Cipher.DIGITS);
        assertNotEquals("123456789", cipher.decrypt("phone", encrypted, Ff1Cipher.DIGITS));
    }

    @Test
    void tooSmallDomainIsRejectedNamingTheCountAndTheMinimum() {
        CryptoException e = assertThrows(CryptoException.class, () -> cipher.encrypt("ssn", "98-765", Ff1Cipher.DIGITS));
        assertEquals(CryptoException.FPE_DOMAIN_TOO_SMALL, e.code());
        assertTrue(e.getMessage().contains("5 character(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 6"), e.getMessage());
        assertFalse(e.getMessage().contains("98"), "message must not contain the value: " + e.getMessage());
        assertFalse(e.getMessage().contains("765"), "message must not contain the value: " + e.getMessage());
    }

    @Test
    void tooSmallDomainIsRejectedOnDecryptionToo() {
        CryptoException e = assertThrows(CryptoException.class, () -> cipher.decrypt("mrn", "A1B", Ff1Cipher.ALPHANUMERIC));
        assertEquals(CryptoException.FPE_DOMAIN_TOO_SMALL, e.code());
    }

    @ParameterizedTest
    @CsvSource({"2,20", "10,6", "16,5", "36,4", "62,4", "100,3", "256,3", "1000,2", "1001,2"})
    void minimumLengthMeetsTheMillionValueDomain(int radix, int minimum) {
        assertEquals(minimum, Ff1Cipher.minLength(radix));
    }

    @Test
    void shortestAllowedValueRoundTrips() {
        String encrypted = cipher.encrypt("code", "A1B2", Ff1Cipher.UPPER_ALPHANUMERIC);
        assertEquals("A1B2", cipher.decrypt("code", encrypted, Ff1Cipher.UPPER_ALPHANUMERIC));
    }

    @Test
    void emptyValueIsReturnedUnchanged() {
        assertEquals("", cipher.encrypt("ssn", "", Ff1Cipher.DIGITS));
    }

    @Test
    void valueWithoutEncryptableCharactersIsReturnedUnchanged() {
        String value = "n/a - unknown";
        assertSame(value, cipher.encrypt("ssn", value, Ff1Cipher.DIGITS));
    }

    @Test
    void valueAboveTheLengthLimitIsRejected() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> cipher.encrypt("id", "7".repeat(Ff1Cipher.MAX_SYMBOLS + 1), Ff1Cipher.DIGITS));
        assertEquals(CryptoException.FPE_VALUE_TOO_LONG, e.code());
    }

    @Test
    void valueAtTheLengthLimitRoundTrips() {
        String value = "0123456789".repeat(Ff1Cipher.MAX_SYMBOLS / 10) + "012345";
        assertEquals(Ff1Cipher.MAX_SYMBOLS, value.length());
        String encrypted = cipher.encrypt("id", value, Ff1Cipher.DIGITS);
        assertEquals(value, cipher.decrypt("id", encrypted, Ff1Cipher.DIGITS));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0", "0123456780", "01\uD83D\uDE00"})
    void invalidAlphabetIsRejected(String alphabet) {
        CryptoException e = assertThrows(CryptoException.class, () -> cipher.encrypt("id", "0123456789", alphabet));
        assertEquals(CryptoException.FPE_ALPHABET_INVALID, e.code());
    }

    @Test
    void alphabetOfMoreThan256CharactersIsRejected() {
        StringBuilder alphabet = new StringBuilder();
        for (char c = 0x100; c < 0x100 + 257; c++) {
            alphabet.append(c);
        }
        CryptoException e = assertThrows(CryptoException.class,
                () -> cipher.encrypt("id", "0123456789", alphabet.toString()));
        assertEquals(CryptoException.FPE_ALPHABET_INVALID, e.code());
    }

    @Test
    void alphabetOf256CharactersRoundTrips() {
        StringBuilder alphabet = new StringBuilder();
        for (char c = 0x20; c < 0x20 + 256; c++) {
            alphabet.append(c);
        }
        String value = "Hello, w\u00f6rld";
        String encrypted = cipher.encrypt("text", value, alphabet.toString());
        assertEquals(value, cipher.decrypt("text", encrypted, alphabet.toString()));
    }

    @Test
    void nonAsciiAlphabetRoundTrips() {
        String greek = "\u03b1\u03b2\u03b3\u03b4\u03b5\u03b6\u03b7\u03b8\u03b9\u03ba";
        String value = "\u03b1\u03b2\u03b3-\u03b4\u03b5\u03b6\u03b7";
        String encrypted = cipher.encrypt("id", value, greek);
        assertEquals('-', encrypted.charAt(3));
        assertEquals(value, cipher.decrypt("id", encrypted, greek));
    }

    @Test
    void supplementaryCharactersStayInPlace() {
        String value = "12\uD83D\uDE0034567";
        String encrypted = cipher.encrypt("id", value, Ff1Cipher.DIGITS);
        assertEquals("\uD83D\uDE00", encrypted.substring(2, 4));
        assertEquals(value, cipher.decrypt("id", encrypted, Ff1Cipher.DIGITS));
    }

    @Test
    void parallelCallsGiveTheSameResultsAsSequentialCalls() throws Exception {
        List<String> sequential = TestSupport.sequential(2_000,
                i -> cipher.encrypt("ssn", String.format("%03d-45-%04d", i % 1000, i), Ff1Cipher.DIGITS));
        Ff1Cipher shared = new Ff1Cipher(TestSupport.vectorSecret());
        assertEquals(sequential, TestSupport.parallel(2_000,
                i -> shared.encrypt("ssn", String.format("%03d-45-%04d", i % 1000, i), Ff1Cipher.DIGITS)));
    }
}

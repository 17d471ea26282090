package org.deidworkbench.crypto;

import static org.deidworkbench.crypto.TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyDerivationTest {

    /** RFC 5869 Appendix A, test cases 1-3 (SHA-256): IKM, salt, info, L, OKM. */
    static Stream<Arguments> rfc5869() {
        return Stream.of(
                Arguments.of("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "000102030405060708090a0b0c",
                        "f0f1f2f3f4f5f6f7f8f9", 42,
                        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
                Arguments.of(range(0x00, 80), range(0x60, 80), range(0xb0, 80), 82,
                        "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c"
                                + "59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71"
                                + "cc30c58179ec3e87c14c01d5c1f3434f1d87"),
                Arguments.of("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "", "", 42,
                        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    }

    @ParameterizedTest
    @MethodSource("rfc5869")
    void hkdfMatchesRfc5869TestVectors(String ikm, String salt, String info, int length, String okm) {
        assertEquals(okm, hex(KeyDerivation.hkdf(hex(ikm), hex(salt), hex(info), length)));
    }

    /** RFC 4231 §4.2-4.8: key, data, HMAC-SHA256 (test case 5 is truncated to 128 bits). */
    static Stream<Arguments> rfc4231() {
        return Stream.of(
                Arguments.of("0b".repeat(20), hex(ascii("Hi There")),
                        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
                Arguments.of(hex(ascii("Jefe")), hex(ascii("what do ya want for nothing?")),
                        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
                Arguments.of("aa".repeat(20), "dd".repeat(50),
                        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
                Arguments.of("0102030405060708090a0b0c0d0e0f10111213141516171819", "cd".repeat(50),
                        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
                Arguments.of("0c".repeat(20), hex(ascii("Test With Truncation")),
                        "a3b6167473100ee06e0c796c2955552b"),
                Arguments.of("aa".repeat(131), hex(ascii("Test Using Larger Than Block-Size Key - Hash Key First")),
                        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
                Arguments.of("aa".repeat(131), hex(ascii("This is a test using a larger than block-size key and a "
                                + "larger than block-size data. The key needs to be hashed before being used by the "
                                + "HMAC algorithm.")),
                        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"));
    }

    @ParameterizedTest
    @MethodSource("rfc4231")
    void hmacSha256MatchesRfc4231TestVectors(String key, String data, String expected) {
        byte[] mac = KeyDerivation.hmacSha256(hex(key), hex(data));
        assertEquals(expected, hex(Arrays.copyOf(mac, expected.length() / 2)));
    }

    @Test
    void keyedHmacGivesTheSameTagAsTheOneShotHmac() {
        byte[] key = hex("0b".repeat(20));
        byte[] data = ascii("Hi There");
        assertArrayEquals(KeyDerivation.hmacSha256(key, data), new KeyedHmac(key).tag(data));
    }

    @Test
    void purposesGiveDifferentKeys() {
        ProjectSecret secret = TestSupport.vectorSecret();
        byte[] pseudonym = KeyDerivation.derive(secret, KeyDerivation.PSEUDONYM, 32);
        for (String other : new String[] {KeyDerivation.FF1, KeyDerivation.DATE_SHIFT, KeyDerivation.UID}) {
            assertFalse(Arrays.equals(pseudonym, KeyDerivation.derive(secret, other, 32)), other);
        }
    }

    @Test
    void secretsGiveDifferentKeys() {
        assertFalse(Arrays.equals(KeyDerivation.derive(TestSupport.vectorSecret(), KeyDerivation.UID, 32),
                KeyDerivation.derive(TestSupport.otherSecret(), KeyDerivation.UID, 32)));
    }

    @Test
    void shorterKeyIsAPrefixOfTheLongerOne() {
        ProjectSecret secret = TestSupport.vectorSecret();
        byte[] longKey = KeyDerivation.derive(secret, KeyDerivation.FF1, 100);
        assertArrayEquals(Arrays.copyOf(longKey, 16), KeyDerivation.derive(secret, KeyDerivation.FF1, 16));
    }

    @Test
    void lengthAboveTheHkdfLimitIsRejected() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> KeyDerivation.derive(TestSupport.vectorSecret(), KeyDerivation.FF1, 255 * 32 + 1));
        assertEquals(CryptoException.KDF_LENGTH_INVALID, e.code());
    }

    @Test
    void zeroLengthIsRejected() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> KeyDerivation.derive(TestSupport.vectorSecret(), KeyDerivation.FF1, 0));
        assertEquals(CryptoException.KDF_LENGTH_INVALID, e.code());
    }

    @Test
    void maximumLengthIsAccepted() {
        assertEquals(255 * 32, KeyDerivation.derive(TestSupport.vectorSecret(), KeyDerivation.FF1, 255 * 32).length);
    }

    @Test
    void emptyPurposeIsRejected() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> KeyDerivation.derive(TestSupport.vectorSecret(), "", 32));
        assertEquals(CryptoException.KDF_PURPOSE_INVALID, e.code());
    }

    @Test
    void destroyedSecretCannotBeUsed() {
        ProjectSecret secret = TestSupport.vectorSecret();
        secret.destroy();
        assertThrows(IllegalStateException.class, () -> KeyDerivation.derive(secret, KeyDerivation.UID, 32));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String range(int first, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (first + i);
        }
        return hex(b);
    }
}

package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The JDK's PBKDF2 is used for key files only where it gives Bouncy Castle's bytes: checked against
 * vectors computed by an independent implementation (Python's {@code hashlib.pbkdf2_hmac}) and against
 * Bouncy Castle on random passphrases of every kind of character a steward may type.
 */
class Pbkdf2Test {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] counting() {
        byte[] s = new byte[16];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) i;
        }
        return s;
    }

    @Test
    void matchesVectorsOfAnIndependentImplementation() {
        // RFC 7914 section 11's first PBKDF2-HMAC-SHA256 vector, first 32 bytes
        assertArrayEquals(HEX.parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"),
                Pbkdf2.hmacSha256("passwd".toCharArray(), "salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1,
                        256));
        // python3: hashlib.pbkdf2_hmac('sha256', 'Grüße, Paßwort € 2026'.encode(), bytes(range(16)), 600000, 32)
        assertArrayEquals(HEX.parseHex("8f74379405aa901f0559e4187fe32c90cffd524cf491be88b83dff84ddf313d6"),
                Pbkdf2.hmacSha256("Grüße, Paßwort € 2026".toCharArray(), counting(), KeyFileStore.PBKDF2_ITERATIONS, 256));
        // a character outside the BMP (a surrogate pair) takes Bouncy Castle's path and still agrees
        assertArrayEquals(HEX.parseHex("9608559668fcf1ef89003871c15774b39cfe28b6f9223cfcc3d87cc5e061cd8e"),
                Pbkdf2.hmacSha256("Emoji \uD83D\uDE00 key".toCharArray(), counting(), 1000, 256));
    }

    @Test
    void theJdkAgreesWithBouncyCastleOnRandomPassphrases() {
        SplittableRandom random = new SplittableRandom(20261130);
        String alphabet = "abcXYZ019 !\"#§$%&/()=?`´'*+~-_.:,;<>|^°@€äöüÄÖÜßéèçñøåłžčЖжΩπ中文字한국어\t";
        for (int round = 0; round < 200; round++) {
            char[] passphrase = new char[1 + random.nextInt(40)];
            for (int i = 0; i < passphrase.length; i++) {
                passphrase[i] = round % 5 == 0 ? (char) (1 + random.nextInt(0xD7FF)) // any BMP character below the surrogates
                        : alphabet.charAt(random.nextInt(alphabet.length()));
            }
            byte[] salt = new byte[random.nextInt(1, 33)];
            for (int i = 0; i < salt.length; i++) {
                salt[i] = (byte) random.nextInt(256);
            }
            int iterations = 1 + random.nextInt(50);
            int bits = 8 * (1 + random.nextInt(64));
            byte[] jdk = Pbkdf2.jdk(passphrase, salt, iterations, bits);
            assertNotNull(jdk, "this runtime has SunJCE's PBKDF2WithHmacSHA256");
            assertArrayEquals(Pbkdf2.bouncyCastle(passphrase, salt, iterations, bits), jdk, "round " + round);
            assertArrayEquals(jdk, Pbkdf2.hmacSha256(passphrase, salt, iterations, bits), "round " + round);
            assertArrayEquals(jdk, Pbkdf2.midstates(passphrase, salt, iterations, bits), "round " + round);
        }
    }

    @Test
    void theMidstatesAgreeWithTheJdkAcrossChunksBlocksAndLongKeys() {
        SplittableRandom random = new SplittableRandom(20261202);
        // iteration counts around the chunk of 1000, key lengths around HMAC's 64-byte block (longer keys are
        // hashed first), outputs of one, two and three SHA-256 blocks
        int[] iterationCounts = {1, 2, 999, 1000, 1001, 2001, 4321};
        int[] keyLengths = {1, 63, 64, 65, 200};
        int[] sizes = {8, 256, 264, 512, 768};
        for (int iterations : iterationCounts) {
            for (int keyLength : keyLengths) {
                char[] passphrase = new char[keyLength];
                for (int i = 0; i < keyLength; i++) {
                    passphrase[i] = (char) ('!' + random.nextInt(94));
                }
                byte[] salt = new byte[16];
                for (int i = 0; i < salt.length; i++) {
                    salt[i] = (byte) random.nextInt(256);
                }
                int bits = sizes[random.nextInt(sizes.length)];
                assertArrayEquals(Pbkdf2.jdk(passphrase, salt, iterations, bits),
                        Pbkdf2.midstates(passphrase, salt, iterations, bits),
                        iterations + " iterations, " + keyLength + " chars, " + bits + " bits");
            }
        }
        // and the key files' own parameters, against the independent vector above
        assertArrayEquals(HEX.parseHex("8f74379405aa901f0559e4187fe32c90cffd524cf491be88b83dff84ddf313d6"),
                Pbkdf2.midstates("Grüße, Paßwort € 2026".toCharArray(), counting(), KeyFileStore.PBKDF2_ITERATIONS, 256));
    }

    @Test
    void theMidstatesLeaveThePassphraseAsGiven() {
        char[] passphrase = "correct horse battery staple".toCharArray();
        Pbkdf2.midstates(passphrase, counting(), 10, 256);
        assertArrayEquals("correct horse battery staple".toCharArray(), passphrase);
    }

    @Test
    void anUnpairedSurrogateIsRefusedAsBeforeNeverSealedUnderALossyEncoding() {
        // The JDK would encode it as '?'; Bouncy Castle, which sealed every key file before, refuses it.
        char[] broken = {'a', '\uD800', 'b'};
        assertThrows(IllegalStateException.class, () -> Pbkdf2.hmacSha256(broken, counting(), 10, 256));
    }
}

package org.deidworkbench.keyfile;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * PBKDF2-HMAC-SHA256 over the UTF-8 bytes of a passphrase (RFC 8018; the CMS password entry's
 * {@code PKCS5_SCHEME2_UTF8}). The JDK's {@code SunJCE} implementation is used where it gives the same
 * bytes: it hashes with the processor's SHA instructions and, once compiled, runs 600,000 iterations in
 * about a third of Bouncy Castle's pure-Java time. Passphrases with UTF-16 surrogates (characters outside
 * the Basic Multilingual Plane, or a broken pair) and runtimes without {@code SunJCE} use Bouncy Castle's
 * generator, as every derivation did before. {@code Pbkdf2Test} compares both on random passphrases.
 */
final class Pbkdf2 {

    private Pbkdf2() {
    }

    /**
     * The derived key of {@code bits} bits. The passphrase is not changed; the copies made here are wiped
     * where the libraries allow (the JDK's key object keeps one until it is collected).
     */
    static byte[] hmacSha256(char[] passphrase, byte[] salt, int iterations, int bits) {
        if (iterations <= 0 || bits <= 0 || bits % 8 != 0) {
            throw new IllegalArgumentException("PBKDF2 needs a positive iteration count and a whole number of bytes");
        }
        if (!hasSurrogate(passphrase)) {
            byte[] key = jdk(passphrase, salt, iterations, bits);
            if (key != null) {
                return key;
            }
        }
        return bouncyCastle(passphrase, salt, iterations, bits);
    }

    /** The JDK's derivation, or {@code null} when this runtime has no {@code SunJCE} PBKDF2. */
    static byte[] jdk(char[] passphrase, byte[] salt, int iterations, int bits) {
        SecretKeyFactory factory;
        try {
            factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256", "SunJCE");
        } catch (GeneralSecurityException e) {
            return null;
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, bits);
        try {
            byte[] key = factory.generateSecret(spec).getEncoded();
            if (key == null || key.length != bits / 8) {
                return null;
            }
            return key;
        } catch (GeneralSecurityException e) {
            return null;
        } finally {
            spec.clearPassword();
        }
    }

    /** Bouncy Castle's derivation (the reference {@code Pbkdf2Test} holds the JDK's to). */
    static byte[] bouncyCastle(char[] passphrase, byte[] salt, int iterations, int bits) {
        byte[] password = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(passphrase);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
            generator.init(password, salt, iterations);
            return ((KeyParameter) generator.generateDerivedParameters(bits)).getKey();
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static boolean hasSurrogate(char[] chars) {
        for (char c : chars) {
            if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}

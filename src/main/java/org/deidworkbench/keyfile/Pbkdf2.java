package org.deidworkbench.keyfile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
 *
 * <p>The JDK's own PBKDF2 ({@code PBKDF2KeyImpl} over {@code HmacCore}) hashes four SHA-256 blocks per
 * iteration: HMAC's inner and outer key blocks again for every message. {@link #midstates} hashes each key
 * block once and starts every iteration from copies of those two states ({@code MessageDigest.clone()}),
 * two blocks per iteration, still on the JDK's SHA-256 and its processor instructions: the same bytes (RFC
 * 2104, RFC 8018) in about two thirds of the time, and a loop C2 compiles in less than half the time (decision
 * 0088). It is used first; {@link #jdk} where the runtime's SHA-256 cannot be copied.
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
            byte[] key = midstates(passphrase, salt, iterations, bits);
            if (key == null) {
                key = jdk(passphrase, salt, iterations, bits);
            }
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

    /** SHA-256's block: HMAC pads its key to this many bytes (RFC 2104). */
    private static final int BLOCK = 64;
    /** SHA-256's output, one PBKDF2 block (RFC 8018's hLen). */
    private static final int H_LEN = 32;
    /** Iterations per call of {@link #iterate}: a method C2 compiles whole, not a loop it must replace on the stack. */
    private static final int CHUNK = 1000;

    /**
     * PBKDF2-HMAC-SHA256 over the passphrase's UTF-8 bytes (as {@link #jdk}: callers keep passphrases with
     * surrogates away) with HMAC's inner and outer key blocks hashed once, or {@code null} when this runtime's
     * SHA-256 cannot be copied. The passphrase's bytes, the pads and the two primed digests are wiped before
     * returning; each per-iteration copy is reset by its own {@code digest} (which zeroes its state and buffer).
     */
    static byte[] midstates(char[] passphrase, byte[] salt, int iterations, int bits) {
        MessageDigest inner;
        MessageDigest outer;
        try {
            inner = MessageDigest.getInstance("SHA-256");
            outer = (MessageDigest) inner.clone();
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            return null;
        }
        byte[] key = utf8(passphrase);
        byte[] pad = new byte[BLOCK];
        byte[] u = new byte[H_LEN];
        byte[] t = new byte[H_LEN];
        try {
            if (key.length > BLOCK) {
                byte[] hashed = inner.digest(key); // a longer key is its hash (RFC 2104); digest resets inner
                Arrays.fill(key, (byte) 0);
                key = hashed;
            }
            for (int i = 0; i < BLOCK; i++) {
                pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x36);
            }
            inner.update(pad);
            for (int i = 0; i < BLOCK; i++) {
                pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ 0x5c);
            }
            outer.update(pad);
            int length = bits / 8;
            byte[] derived = new byte[length];
            byte[] index = new byte[4];
            for (int block = 1, at = 0; at < length; block++, at += H_LEN) {
                index[0] = (byte) (block >>> 24);
                index[1] = (byte) (block >>> 16);
                index[2] = (byte) (block >>> 8);
                index[3] = (byte) block;
                MessageDigest first = (MessageDigest) inner.clone();
                first.update(salt);
                first.update(index);
                first.digest(u, 0, H_LEN);
                MessageDigest firstOuter = (MessageDigest) outer.clone();
                firstOuter.update(u);
                firstOuter.digest(u, 0, H_LEN);
                System.arraycopy(u, 0, t, 0, H_LEN);
                for (int done = 1; done < iterations; done += CHUNK) {
                    iterate(inner, outer, u, t, Math.min(CHUNK, iterations - done));
                }
                System.arraycopy(t, 0, derived, at, Math.min(H_LEN, length - at));
            }
            return derived;
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            return null;
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(pad, (byte) 0);
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
            inner.reset();
            outer.reset();
        }
    }

    /** {@code n} iterations: U = HMAC(U) from the primed digests' copies, T ^= U. */
    private static void iterate(MessageDigest inner, MessageDigest outer, byte[] u, byte[] t, int n)
            throws GeneralSecurityException, CloneNotSupportedException {
        for (int j = 0; j < n; j++) {
            MessageDigest in = (MessageDigest) inner.clone();
            in.update(u);
            in.digest(u, 0, H_LEN);
            MessageDigest out = (MessageDigest) outer.clone();
            out.update(u);
            out.digest(u, 0, H_LEN);
            for (int k = 0; k < H_LEN; k++) {
                t[k] ^= u[k];
            }
        }
    }

    /** The UTF-8 bytes of a passphrase without surrogates; the encoder's buffer is wiped. */
    private static byte[] utf8(char[] passphrase) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
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

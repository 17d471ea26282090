package org.deidworkbench.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import javax.crypto.Mac;
import org.deidworkbench.model.PseudonymFormat;

/**
 * Turns an identifying value into a keyed pseudonym that is the same for the same value in the same
 * domain, in every file, format and run that uses the same project secret.
 *
 * <h2>Construction</h2>
 * <pre>
 *   key = HKDF-SHA256(secret, purpose "pseudonym", 32 bytes)            (see {@link KeyDerivation})
 *   tag = HMAC-SHA256(key, UTF-8(domain) || 0x00 || UTF-8(normalize(value)))
 *   pseudonym = prefix || encode(tag, length) || [check character]
 * </pre>
 * The domain ({@code patient}, {@code mrn}, ...) separates name spaces, so equal text in two domains
 * gives unrelated pseudonyms; it must not contain U+0000, which terminates it in the HMAC input.
 * {@link #normalize(String)} makes case, Unicode compatibility forms and whitespace irrelevant, and a whole number
 * written with a fraction of zeros ({@code 18830412.00}) the integer it is.
 *
 * <h2>Encodings of the tag</h2>
 * <ul>
 *   <li>{@code BASE32}: successive 5-bit groups of the tag, most significant bit first, each written
 *       in Crockford's alphabet {@code 0123456789ABCDEFGHJKMNPQRSTVWXYZ}. The tag has 256 bits, so
 *       the 52nd character holds the last bit followed by four zero bits (as in RFC 4648 padding).</li>
 *   <li>{@code HEX}: successive 4-bit groups in lower-case hexadecimal.</li>
 *   <li>{@code DIGITS}: {@code tag mod 10^length} read as an unsigned big-endian integer, zero-padded
 *       to {@code length} digits. The reduction's bias is about {@code 10^length / 2^256}: below
 *       10<sup>-17</sup> up to 60 digits, but noticeable from about 70 digits on.</li>
 * </ul>
 *
 * <h2>Check character (when {@link PseudonymFormat#checkDigit()} is set)</h2>
 * It covers the encoded part only (not the prefix) and is appended after it.
 * <ul>
 *   <li>{@code DIGITS}: the Damm check digit (decimal quasigroup of H. M. Damm, 2004).</li>
 *   <li>{@code BASE32} and {@code HEX}: ISO/IEC 7064 MOD 37,36 over the characters' ISO 7064 values
 *       ({@code 0-9} → 0..9, {@code A-Z}/{@code a-f} → 10..35), check character from {@code 0-9A-Z}.
 *       Because standard character values are used, any MOD 37,36 validator checks the printed text.
 *       The check character may therefore be {@code I}, {@code L}, {@code O} or {@code U}, which
 *       Crockford's alphabet avoids, and is upper-case after a hex body.</li>
 * </ul>
 * Both detect every single-character substitution. Damm also detects every swap of two adjacent
 * characters; MOD 37,36, like every ISO 7064 hybrid system, misses a small share of them (about
 * 0.15% for base32 and 0.3% for hex bodies, including swaps with the check character).
 *
 * <p>Thread-safe. Cost per call: one Unicode normalization (skipped for ASCII), one HMAC-SHA256 and
 * the encoding; the derived key is computed once in the constructor and each thread keeps its own
 * {@link Mac}. Only {@code DIGITS} uses {@link BigInteger}.
 */
public final class PseudonymGenerator {

    static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final char[] CROCKFORD_CHARS = CROCKFORD.toCharArray();
    private static final char[] HEX_CHARS = "0123456789abcdef".toCharArray();
    private static final BigInteger[] POWERS_OF_TEN = new BigInteger[PseudonymFormat.Encoding.DIGITS.maxLength() + 1];

    static {
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = BigInteger.TEN.pow(i);
        }
    }

    private final KeyedHmac hmac;

    /** With the already derived purpose key of {@code keys} (a worker that has no project secret). */
    public PseudonymGenerator(PurposeKeys keys) {
        byte[] key = keys.pseudonym();
        try {
            this.hmac = new KeyedHmac(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Derives the pseudonym key from {@code secret} once; costs a few microseconds. */
    public PseudonymGenerator(ProjectSecret secret) {
        byte[] key = KeyDerivation.derive(Objects.requireNonNull(secret, "secret"), KeyDerivation.PSEUDONYM, 32);
        try {
            this.hmac = new KeyedHmac(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The pseudonym of {@code value} in {@code domain}, written as {@code format} says.
     *
     * @throws CryptoException {@code PSEUDONYM-DOMAIN-INVALID} if the domain contains U+0000
     */
    public String pseudonym(String domain, String value, PseudonymFormat format) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(format, "format");
        if (domain.indexOf('\0') >= 0) {
            throw new CryptoException(CryptoException.PSEUDONYM_DOMAIN_INVALID,
                    "pseudonym domain must not contain U+0000 (it separates the domain from the value)");
        }
        Mac mac = hmac.mac();
        mac.update(domain.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] tag = mac.doFinal(normalize(value).getBytes(StandardCharsets.UTF_8));

        String prefix = format.prefix();
        int length = format.length();
        StringBuilder out = new StringBuilder(prefix.length() + length + 1).append(prefix);
        switch (format.encoding()) {
            case BASE32 -> appendCrockfordBase32(tag, length, out);
            case HEX -> appendHex(tag, length, out);
            case DIGITS -> appendDigits(tag, length, out);
        }
        if (format.checkDigit()) {
            out.append(checkCharacter(format.encoding(), out, prefix.length(), out.length()));
        }
        return out.toString();
    }

    /**
     * The form in which values are compared: Unicode NFKC, leading and trailing whitespace removed,
     * each inner run of whitespace ({@link Character#isWhitespace(int)}) replaced by one space, then
     * upper-cased with {@link Locale#ROOT}, and a whole number's fraction of zeros dropped ({@link #zeroFractionDropped}).
     * So {@code " smith,\tjohn"} and {@code "SMITH, JOHN"} match, as do {@code 18830412.00} and {@code 18830412}.
     */
    public static String normalize(String value) {
        Objects.requireNonNull(value, "value");
        if (isPlainAscii(value)) {
            // Already NFKC with nothing to strip or collapse (ids, codes): only the case is left.
            return zeroFractionDropped(value.toUpperCase(Locale.ROOT));
        }
        // ASCII text is already in NFKC; skipping the normalizer matters on the per-cell hot path.
        String text = isAscii(value) ? value : Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return zeroFractionDropped(out.toString().toUpperCase(Locale.ROOT));
    }

    /**
     * A whole number written with a fraction of zeros ({@code 18830412.00}, {@code 40112233.0}) as the integer it is
     * ({@code 18830412}); any other value unchanged (decision 0120). Oracle exports its {@code NUMBER} ids so (Cerner
     * Millennium's {@code PERSON_ID}, {@code ENCNTR_ID}), and pandas writes an integer column with a gap as floats,
     * while other tables of the same export write the same ids as integers: one id, one pseudonym, one date offset.
     * Only ASCII digits, one dot and zeros after it qualify; {@code 12.50}, {@code .00}, {@code 12.} and signed values
     * stay as they are.
     */
    public static String zeroFractionDropped(String value) {
        int dot = value.indexOf('.');
        int n = value.length();
        if (dot <= 0 || dot == n - 1) {
            return value;
        }
        for (int i = 0; i < dot; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return value;
            }
        }
        for (int i = dot + 1; i < n; i++) {
            if (value.charAt(i) != '0') {
                return value;
            }
        }
        return value.substring(0, dot);
    }

    /**
     * A subject id in the form it is compared, keyed and recorded in (decision 0108): {@link #normalize}d, then
     * {@link #digitGroupsJoined}.
     */
    public static String normalizeSubjectId(String value) {
        return digitGroupsJoined(normalize(value));
    }

    /**
     * A normalized id written in groups of digits separated by single spaces or hyphens ({@code 999 001 2342},
     * {@code 999-001-2342}, {@code 12-345678}), with its separators removed; any other value unchanged. For subject ids
     * (decision 0108): one patient's NHS number is written spaced in one table and not in another, and the two must be
     * one subject. Only digits and single separators between them qualify, so codes with letters, dates with slashes
     * or dots and decimals stay as they are.
     */
    public static String digitGroupsJoined(String normalized) {
        int n = normalized.length();
        if (n < 3) {
            return normalized;
        }
        boolean separator = false;
        char previous = 0;
        for (int i = 0; i < n; i++) {
            char c = normalized.charAt(i);
            if (c == ' ' || c == '-') {
                if (i == 0 || i == n - 1 || previous < '0' || previous > '9') {
                    return normalized;
                }
                separator = true;
            } else if (c < '0' || c > '9') {
                return normalized;
            }
            previous = c;
        }
        if (!separator) {
            return normalized;
        }
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = normalized.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Whether {@code pseudonym} is well formed for {@code format}: it starts with the prefix, has the
     * right length, uses only the encoding's alphabet (exactly as generated: upper-case Crockford,
     * lower-case hex) and, if the format has one, ends with the correct check character. For a format
     * without a check character only prefix, length and alphabet can be verified. Cheap; thread-safe.
     */
    public static boolean hasValidCheck(String pseudonym, PseudonymFormat format) {
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(format, "format");
        String prefix = format.prefix();
        int bodyEnd = prefix.length() + format.length();
        int expectedLength = bodyEnd + (format.checkDigit() ? 1 : 0);
        if (pseudonym.length() != expectedLength || !pseudonym.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < bodyEnd; i++) {
            if (!inAlphabet(format.encoding(), pseudonym.charAt(i))) {
                return false;
            }
        }
        return !format.checkDigit()
                || pseudonym.charAt(bodyEnd) == checkCharacter(format.encoding(), pseudonym, prefix.length(), bodyEnd);
    }

    /** The first {@code symbols} Crockford base32 characters of {@code data}'s bits, zero-padded at the end. */
    static String crockfordBase32(byte[] data, int symbols) {
        StringBuilder out = new StringBuilder(symbols);
        appendCrockfordBase32(data, symbols, out);
        return out.toString();
    }

    private static void appendCrockfordBase32(byte[] data, int symbols, StringBuilder out) {
        int buffer = 0;
        int bits = 0;
        int next = 0;
        for (int i = 0; i < symbols; i++) {
            if (bits < 5) {
                buffer = (buffer << 8) | (next < data.length ? data[next++] & 0xFF : 0);
                bits += 8;
            }
            bits -= 5;
            out.append(CROCKFORD_CHARS[(buffer >>> bits) & 31]);
            buffer &= (1 << bits) - 1;
        }
    }

    private static void appendHex(byte[] data, int symbols, StringBuilder out) {
        for (int i = 0; i < symbols; i++) {
            int b = data[i >> 1] & 0xFF;
            out.append(HEX_CHARS[(i & 1) == 0 ? b >>> 4 : b & 0x0F]);
        }
    }

    private static void appendDigits(byte[] data, int symbols, StringBuilder out) {
        String digits = new BigInteger(1, data).mod(POWERS_OF_TEN[symbols]).toString();
        for (int i = digits.length(); i < symbols; i++) {
            out.append('0');
        }
        out.append(digits);
    }

    private static char checkCharacter(PseudonymFormat.Encoding encoding, CharSequence text, int from, int to) {
        return switch (encoding) {
            case DIGITS -> CheckCharacters.damm(text, from, to);
            case BASE32, HEX -> CheckCharacters.mod37x36(text, from, to);
        };
    }

    private static boolean inAlphabet(PseudonymFormat.Encoding encoding, char c) {
        return switch (encoding) {
            case BASE32 -> c < 128 && CROCKFORD.indexOf(c) >= 0;
            case HEX -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            case DIGITS -> c >= '0' && c <= '9';
        };
    }

    /** Printable ASCII without spaces: nothing for NFKC, trimming or collapsing to change. */
    private static boolean isPlainAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

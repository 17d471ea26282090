package org.deidworkbench.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.deidworkbench.model.DateShiftSettings;

/**
 * Gives every subject its own secret, stable date offset in days, so that all dates of one patient
 * move together (intervals are kept) while dates of different patients move independently.
 *
 * <p>{@code tag = HMAC-SHA256(HKDF(secret, "date-shift", 32), UTF-8(normalize(subjectKey)))}; the
 * first 8 bytes of the tag, read as an unsigned big-endian integer {@code u}, pick
 * {@code k = u mod count} among the {@code count} non-zero integers of {@code [min, max]}, in
 * ascending order (0 is skipped). The bias of the reduction is below {@code count / 2^64}, about
 * 4·10<sup>-15</sup> for the largest allowed range. The subject key is normalized like a pseudonym
 * value ({@link PseudonymGenerator#normalize(String)}).
 *
 * <p>Thread-safe. Cost per call: one HMAC-SHA256; the key is derived once in the constructor.
 */
public final class DateShifter {

    private final KeyedHmac hmac;

    /** With the already derived purpose key of {@code keys} (a worker that has no project secret). */
    public DateShifter(PurposeKeys keys) {
        byte[] key = keys.dateShift();
        try {
            this.hmac = new KeyedHmac(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Derives the date-shift key from {@code secret} once. */
    public DateShifter(ProjectSecret secret) {
        byte[] key = KeyDerivation.derive(Objects.requireNonNull(secret, "secret"), KeyDerivation.DATE_SHIFT, 32);
        try {
            this.hmac = new KeyedHmac(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The subject's offset in days: never 0, within {@code [range.minDays(), range.maxDays()]}. */
    public int offsetDays(String subjectKey, DateShiftSettings range) {
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(range, "range");
        byte[] tag = hmac.tag(PseudonymGenerator.normalize(subjectKey).getBytes(StandardCharsets.UTF_8));
        long u = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            u = (u << 8) | (tag[i] & 0xFF);
        }
        long min = range.minDays();
        long max = range.maxDays();
        boolean spansZero = min <= 0 && max >= 0;
        long count = max - min + 1 - (spansZero ? 1 : 0); // >= 1: the model forbids 0..0
        long offset = min + Long.remainderUnsigned(u, count);
        if (spansZero && offset >= 0) {
            offset++;
        }
        return (int) offset;
    }
}

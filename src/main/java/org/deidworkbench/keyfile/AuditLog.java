package org.deidworkbench.keyfile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.deidworkbench.crypto.KeyDerivation;

/**
 * The hash-chained re-identification audit log sealed in the key file (keyfile-format.md §7).
 *
 * <pre>
 *   key     = HKDF-SHA256(project secret, "audit", 32)      (export key files: their own random audit key)
 *   hash(n) = HMAC-SHA256(key, "deid-workbench-audit-v1" || field(seq) || field(time) || field(user)
 *             || field(reason) || field(action) || field(domain or "") || field(#items) || field(item)...
 *             || field(found) || field(prev))
 *   field(s) = 4-byte big-endian length of UTF-8(s) || UTF-8(s);  numbers in decimal, time ISO-8601 UTC
 *   prev(1)  = 64 zeros;  prev(n) = hash(n-1)
 * </pre>
 * The payload also stores the number of entries ({@code audit.count}); {@link #verify} checks every
 * link, the sequence numbers and that count. Stateless and thread-safe; costs one HMAC per entry.
 */
public final class AuditLog {

    /** Action of a pseudonym → original lookup. */
    public static final String LOOKUP = "lookup";
    /** Action of an FF1 decryption. */
    public static final String FF1_DECRYPT = "ff1-decrypt";

    static final String GENESIS = "0".repeat(64);
    private static final byte[] LABEL = "deid-workbench-audit-v1".getBytes(StandardCharsets.US_ASCII);

    private AuditLog() {
    }

    /**
     * The outcome of checking a log.
     *
     * @param entries entries present
     * @param counter the count stored in the payload
     * @param head hash of the last entry (the chain head), {@link #GENESIS} for an empty log
     * @param problem what is wrong, naming the entry; empty when the log is intact
     */
    public record Check(long entries, long counter, String head, Optional<String> problem) {
        /** Whether every link, sequence number and the counter agree. */
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    /** Appends an entry for a re-identification to {@code contents} and returns it. */
    static AuditEntry append(KeyFileContents contents, Instant time, String user, String reason, String action,
            String domain, List<String> items, int found) {
        byte[] key = key(contents);
        try {
            synchronized (contents) {
                List<AuditEntry> log = contents.auditLocked();
                long seq = contents.auditCount() + 1;
                String prev = log.isEmpty() ? GENESIS : log.get(log.size() - 1).hash();
                String hash = hash(key, seq, time, user, reason, action, domain, items, found, prev);
                AuditEntry entry = new AuditEntry(seq, time, user, reason, action, domain, items, found, prev, hash);
                contents.appendAudit(entry);
                return entry;
            }
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Checks the chain of {@code contents}' audit log. */
    public static Check verify(KeyFileContents contents) {
        byte[] key = key(contents);
        try {
            List<AuditEntry> log = contents.auditEntries();
            long counter = contents.auditCount();
            String prev = GENESIS;
            for (int i = 0; i < log.size(); i++) {
                AuditEntry e = log.get(i);
                long expectedSeq = i + 1;
                if (e.seq() != expectedSeq) {
                    return new Check(log.size(), counter, prev, Optional.of("entry " + expectedSeq + " carries sequence number "
                            + e.seq() + ": an entry was removed or reordered"));
                }
                if (!e.prev().equals(prev)) {
                    return new Check(log.size(), counter, prev, Optional.of("entry " + e.seq()
                            + " does not follow the entry before it: an entry was removed, inserted or edited"));
                }
                String recomputed = hash(key, e.seq(), e.time(), e.user(), e.reason(), e.action(), e.domain(), e.items(),
                        e.found(), e.prev());
                if (!MessageDigest.isEqual(recomputed.getBytes(StandardCharsets.US_ASCII),
                        e.hash().getBytes(StandardCharsets.US_ASCII))) {
                    return new Check(log.size(), counter, prev, Optional.of("entry " + e.seq()
                            + " was edited after it was written (its hash does not match its contents)"));
                }
                prev = e.hash();
            }
            if (counter != log.size()) {
                return new Check(log.size(), counter, prev, Optional.of("the key file counts " + counter
                        + " audit entries but holds " + log.size() + ": entries were removed from the end"));
            }
            return new Check(log.size(), counter, prev, Optional.empty());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The chain key: derived from the project secret, or an export key file's own audit key. */
    private static byte[] key(KeyFileContents contents) {
        Optional<byte[]> exportKey = contents.exportAuditKey();
        if (exportKey.isPresent()) {
            return exportKey.get();
        }
        return KeyDerivation.derive(contents.secret(), KeyDerivation.AUDIT, 32);
    }

    static String hash(byte[] key, long seq, Instant time, String user, String reason, String action, String domain,
            List<String> items, int found, String prev) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(LABEL);
            field(mac, Long.toString(seq));
            field(mac, time.toString());
            field(mac, user);
            field(mac, reason);
            field(mac, action);
            field(mac, Objects.requireNonNullElse(domain, ""));
            field(mac, Integer.toString(items.size()));
            for (String item : items) {
                field(mac, item);
            }
            field(mac, Integer.toString(found));
            field(mac, prev);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
        }
    }

    private static void field(Mac mac, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        mac.update(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
        mac.update(b);
    }
}

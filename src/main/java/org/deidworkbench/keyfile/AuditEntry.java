package org.deidworkbench.keyfile;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One re-identification recorded in the key file's audit log (keyfile-format.md §7): who asked, when,
 * why, for which pseudonyms or encrypted values, and how many were found. Holds no original value.
 * Entries are chained: {@code hash} is an HMAC over this entry's fields and {@code prev}, the previous
 * entry's hash, so an edited, removed or reordered entry breaks the chain ({@link AuditLog#verify}).
 *
 * @param seq position in the log, 1 for the first entry
 * @param time when the lookup was made (UTC)
 * @param user the operating-system user who made it
 * @param reason the stated reason (mandatory, free text)
 * @param action {@value AuditLog#LOOKUP} (pseudonym to original) or {@value AuditLog#FF1_DECRYPT} (FF1 value to original)
 * @param domain the pseudonym domain or FF1 tweak asked for, or {@code null} for "every domain"
 * @param items the pseudonyms or encrypted values asked for (never the originals)
 * @param found how many of them were resolved
 * @param prev hex HMAC of the previous entry, 64 zeros for the first
 * @param hash hex HMAC of this entry (see {@link AuditLog})
 */
public record AuditEntry(long seq, Instant time, String user, String reason, String action, String domain,
        List<String> items, int found, String prev, String hash) {

    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(action, "action");
        items = List.copyOf(items);
        Objects.requireNonNull(prev, "prev");
        Objects.requireNonNull(hash, "hash");
    }
}

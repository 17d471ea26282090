package org.deidworkbench.deid;

import java.util.Objects;

/**
 * The person a record belongs to, as the engine sees it: a pseudonym and a date offset. The
 * original id is deliberately not kept here so that it cannot travel further than the reader.
 *
 * @param pseudonym the subject's pseudonym in the profile's subject domain
 * @param dateOffsetDays the subject's date shift (never 0)
 */
public record Subject(String pseudonym, int dateOffsetDays) {

    public Subject {
        Objects.requireNonNull(pseudonym, "pseudonym");
    }
}

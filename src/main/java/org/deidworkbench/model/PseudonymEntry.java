package org.deidworkbench.model;

import java.util.Objects;

/**
 * One pseudonym ↔ original pair in a domain, as sealed in the key file. Holds an original
 * identifying value: never log or print it; {@link #toString()} hides it.
 */
public record PseudonymEntry(String domain, String pseudonym, String original) implements java.io.Serializable {

    public PseudonymEntry {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(pseudonym, "pseudonym");
        Objects.requireNonNull(original, "original");
    }

    @Override
    public String toString() {
        return "PseudonymEntry[domain=" + domain + ", pseudonym=" + pseudonym + ", original=<hidden>]";
    }
}

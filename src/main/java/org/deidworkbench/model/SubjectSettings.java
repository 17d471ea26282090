package org.deidworkbench.model;

import java.util.List;
import java.util.Objects;

/**
 * How records are tied to a subject (patient), which makes pseudonyms and date shifts per person.
 *
 * @param csvColumns candidate CSV columns holding the subject id, tried in order against a file's
 *     header; the first one present is the file's subject column
 * @param domain the pseudonym domain of the subject id (e.g. {@code patient})
 */
public record SubjectSettings(List<String> csvColumns, String domain) {

    public SubjectSettings {
        csvColumns = List.copyOf(csvColumns);
        Objects.requireNonNull(domain, "domain");
    }
}

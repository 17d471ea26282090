package org.deidworkbench.model;

import java.util.Objects;

/**
 * One identifying value of a subject (a name, an address part, a phone number, an id) and what
 * replaces it in free text: kept, sealed, in the key file so that a later run scrubs it from text
 * even when the table it came from is not part of that run. Holds an original value: never log it;
 * {@link #toString()} hides it.
 *
 * @param value the original value as it appeared in its column
 * @param replacement what replaces the whole value in text (a pseudonym or a {@code [LABEL]})
 * @param wordReplacement what replaces one word of it found alone (always a {@code [LABEL]})
 */
public record KnownIdentifier(String value, String replacement, String wordReplacement)
        implements Comparable<KnownIdentifier>, java.io.Serializable {

    public KnownIdentifier {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(replacement, "replacement");
        Objects.requireNonNull(wordReplacement, "wordReplacement");
    }

    @Override
    public int compareTo(KnownIdentifier o) {
        int c = value.compareTo(o.value);
        if (c == 0) {
            c = replacement.compareTo(o.replacement);
        }
        return c != 0 ? c : wordReplacement.compareTo(o.wordReplacement);
    }

    @Override
    public String toString() {
        return "KnownIdentifier[replacement=" + wordReplacement + "]";
    }
}

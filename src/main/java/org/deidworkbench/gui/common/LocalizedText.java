package org.deidworkbench.gui.common;

import java.util.List;
import java.util.Objects;

/**
 * A message a view model wants shown: a resource bundle key and its arguments, turned into words by
 * the view in the language of the moment (so a language switch re-renders it, and view models are
 * tested on keys, not sentences). Arguments are paths, counts, codes and rule ids, never data values.
 *
 * @param key a key of {@code messages.properties}
 * @param args {@link java.text.MessageFormat} arguments
 */
public record LocalizedText(String key, List<Object> args) {

    public LocalizedText {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    /** A message by key with its arguments. */
    public static LocalizedText of(String key, Object... args) {
        return new LocalizedText(key, List.of(args));
    }
}

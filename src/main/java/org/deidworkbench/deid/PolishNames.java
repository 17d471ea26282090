package org.deidworkbench.deid;

import java.util.function.Predicate;

/**
 * Polish names as a note declines them (decision 0136): a surname a table gave as {@code Kowalska} is written
 * {@code Kowalskiej} ("przekazano Kowalskiej"), {@code Kowalską}; {@code Wiśniewski} {@code Wiśniewskiego},
 * {@code Wiśniewskiemu}, {@code Wiśniewskim}; {@code Nowak} {@code Nowaka}, {@code Nowakowi}, {@code Nowakiem};
 * {@code Halina} {@code Haliny}, {@code Halinę}, {@code Haliną}. {@link #knownBase} finds the form a run knows, as
 * {@link CyrillicGreekNames#knownBase} does for Russian and Greek (decision 0131). Only the regular endings: a stem
 * whose consonant changes ({@code Małgorzata}, {@code Małgorzacie}) is not found. Stateless and thread-safe.
 */
final class PolishNames {

    /**
     * Case endings of an adjectival surname or given name ({@code -ski}, {@code -ska}, {@code -cki}, {@code -ny}),
     * longest first, and of a noun ({@code Nowak}, {@code Anna}), with the endings of the nominative each may come
     * from.
     */
    private static final String[][] ENDINGS = {
        // Wiśniewskiego, Wiśniewskiemu, Kowalskiej, Wiśniewskim; Nowotnego, Nowotnej, Nowotnym
        {"IEGO", "I"}, {"IEMU", "I"}, {"IEJ", "A"}, {"IM", "I"}, {"EGO", "Y"}, {"EMU", "Y"}, {"EJ", "A"},
        {"YM", "Y"},
        // Nowakowi, Nowakiem, Nowakowa (his wife), Kuźniarem; Kowalską (an adjective's accusative and instrumental)
        {"OWI", ""}, {"OWA", ""}, {"OWEJ", ""}, {"IEM", ""}, {"EM", ""}, {"Ą", "A"},
        // Nowaka, Nowaku; Anny, Annę, Anną, Annie (a noun in -a)
        {"A", ""}, {"U", ""}, {"Y", "A"}, {"Ę", "A"}, {"IE", "A"}};

    /** Shortest stem looked up: the ending taken off, so short words ("Jana", "Ewy") do not match every name. */
    private static final int MIN_STEM = 4;

    private PolishNames() {
    }

    /**
     * The form of a declined name ({@code KOWALSKIEJ}: a token as {@link KnownIdentifiers} keeps it, upper case) that
     * {@code known} accepts, or null: the token's case ending is replaced by the nominative's. A token of other letters
     * than Latin ones, or shorter than a stem and an ending, has none.
     */
    static String knownBase(String token, Predicate<String> known) {
        int n = token.length();
        if (n < MIN_STEM + 1 || token.charAt(0) > '\u024F') {
            return null; // Cyrillic, Greek, Hebrew, Arabic, CJK: other rules
        }
        for (String[] e : ENDINGS) {
            if (!token.endsWith(e[0]) || n - e[0].length() < MIN_STEM) {
                continue;
            }
            String candidate = token.substring(0, n - e[0].length()) + e[1];
            if (!candidate.equals(token) && known.test(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

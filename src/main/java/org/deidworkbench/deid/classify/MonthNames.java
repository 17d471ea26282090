package org.deidworkbench.deid.classify;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The months' names and abbreviations in the languages of the exports the project meets (decision 0119): English,
 * German, French, Italian, Spanish, Portuguese, Dutch and Polish (its dates write the month in the genitive, "12 marca
 * 2023"). Oracle writes {@code DD-MON-YY} in the session's language ({@code 05-MAG-23}, {@code 03-ENE-23},
 * {@code 14-MÄR-23}) and notes write the month in full ({@code 12 marzo 2023}, {@code 12 de marzo de 2023},
 * {@code 3. März 2023}). A word is looked up with its accents or without them ({@code MAR}, {@code Marz},
 * {@code fevrier}). Shared by the classifier, which counts such values as dates, and the date actions, which shift
 * them and write the new month in the language, the length and the case of the original. Immutable and thread-safe.
 */
public final class MonthNames {

    /** The languages, in the order that decides a word several of them share ({@code MAR}, {@code DIC}). */
    public enum Language { EN, DE, FR, IT, ES, PT, NL, PL }

    /**
     * What a word names: a month (1–12) of a language, abbreviated or in full, and which of the month's abbreviations
     * it is ({@code Sept} is September's second, {@code Mrz} March's second in German).
     */
    public record Month(Language language, int month, boolean abbreviated, boolean full, int variant,
            boolean unaccented) {

        Month withUnaccented(boolean u) {
            return new Month(language, month, abbreviated, full, variant, u);
        }
    }

    private static final String[][] FULL = {
        {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
            "December"},
        {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
            "Dezember"},
        {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre"},
        {"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
            "novembre", "dicembre"},
        {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
            "diciembre"},
        {"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro",
            "dezembro"},
        {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
            "december"},
        {"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października",
            "listopada", "grudnia"}};

    /** Abbreviations per language and month, the usual one first (as Oracle writes it in that language). */
    private static final String[][][] SHORT = {
        {{"Jan"}, {"Feb"}, {"Mar"}, {"Apr"}, {"May"}, {"Jun"}, {"Jul"}, {"Aug"}, {"Sep", "Sept"}, {"Oct"}, {"Nov"},
            {"Dec"}},
        {{"Jan"}, {"Feb"}, {"Mär", "Mrz"}, {"Apr"}, {"Mai"}, {"Jun"}, {"Jul"}, {"Aug"}, {"Sep", "Sept"}, {"Okt"},
            {"Nov"}, {"Dez"}},
        {{"janv"}, {"févr", "fév"}, {"mars"}, {"avr"}, {"mai"}, {"juin"}, {"juil"}, {"août"}, {"sept"}, {"oct"},
            {"nov"}, {"déc"}},
        {{"gen"}, {"feb"}, {"mar"}, {"apr"}, {"mag"}, {"giu"}, {"lug"}, {"ago"}, {"set", "sett"}, {"ott"}, {"nov"},
            {"dic"}},
        {{"ene"}, {"feb"}, {"mar"}, {"abr"}, {"may"}, {"jun"}, {"jul"}, {"ago"}, {"sep", "sept", "set"}, {"oct"},
            {"nov"}, {"dic"}},
        {{"jan"}, {"fev"}, {"mar"}, {"abr"}, {"mai"}, {"jun"}, {"jul"}, {"ago"}, {"set"}, {"out"}, {"nov"}, {"dez"}},
        {{"jan"}, {"feb"}, {"mrt"}, {"apr"}, {"mei"}, {"jun"}, {"jul"}, {"aug"}, {"sep", "sept"}, {"okt"}, {"nov"},
            {"dec"}},
        {{"sty"}, {"lut"}, {"mar"}, {"kwi"}, {"maj"}, {"cze"}, {"lip"}, {"sie"}, {"wrz"}, {"paź"}, {"lis"}, {"gru"}}};

    /** Lower-case words without their accents → what they name, the first language in {@link Language}'s order. */
    private static final Map<String, Month> WORDS = new HashMap<>();
    /** Lower-case words with accents ({@code mär}, {@code déc}) → what they name, for the words that have accents. */
    private static final Map<String, Month> ACCENTED = new HashMap<>();

    static {
        for (Language l : Language.values()) {
            for (int m = 0; m < 12; m++) {
                String full = fold(FULL[l.ordinal()][m]);
                String[] shorts = SHORT[l.ordinal()][m];
                for (int v = 0; v < shorts.length; v++) {
                    String s = fold(shorts[v]);
                    Month month = new Month(l, m + 1, true, s.equals(full), v, false);
                    WORDS.putIfAbsent(s, month);
                    if (!s.equals(shorts[v].toLowerCase(Locale.ROOT))) {
                        ACCENTED.putIfAbsent(shorts[v].toLowerCase(Locale.ROOT), month);
                    }
                }
                Month month = new Month(l, m + 1, false, true, 0, false);
                WORDS.putIfAbsent(full, month);
                if (!full.equals(FULL[l.ordinal()][m].toLowerCase(Locale.ROOT))) {
                    ACCENTED.putIfAbsent(FULL[l.ordinal()][m].toLowerCase(Locale.ROOT), month);
                }
            }
        }
    }

    private MonthNames() {
    }

    /** Lower case without accents ({@code MÄRZ} → {@code marz}, {@code Août} → {@code aout}). */
    private static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 128;
        }
        return ascii ? lower : Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * What a word names ({@code FEB}, {@code Sept}, {@code marzo}, {@code MÄR}, {@code dic}), or null. A word several
     * languages share is read in the first of them ({@code MAR} in English, {@code DIC} in Italian) unless
     * {@code preferred} has it too ({@code marzo} after Spanish's "de" is Spanish).
     */
    public static Month of(String word, Language preferred) {
        if (word.length() < 3 || word.length() > 12) {
            return null;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String w = fold(word);
        Month first = ACCENTED.get(lower);
        if (first == null) {
            first = WORDS.get(w);
        }
        if (first == null || preferred == null || first.language() == preferred) {
            return first == null ? null : first.withUnaccented(unaccented(lower, first));
        }
        String[] shorts = SHORT[preferred.ordinal()][first.month() - 1];
        for (int v = 0; v < shorts.length; v++) {
            if (fold(shorts[v]).equals(w)) {
                Month m = new Month(preferred, first.month(), true, w.equals(fold(FULL[preferred.ordinal()][first.month()
                        - 1])), v, false);
                return m.withUnaccented(unaccented(lower, m));
            }
        }
        for (int m = 0; m < 12; m++) {
            if (fold(FULL[preferred.ordinal()][m]).equals(w)) {
                Month month = new Month(preferred, m + 1, false, true, 0, false);
                return month.withUnaccented(unaccented(lower, month));
            }
        }
        return first.withUnaccented(unaccented(lower, first));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word is written without the accents its language's word has ({@code Marz}, {@code fevrier}). */
    private static boolean unaccented(String lower, Month m) {
        String[] shorts = SHORT[m.language().ordinal()][m.month() - 1];
        String table = (m.abbreviated() ? shorts[Math.min(m.variant(), shorts.length - 1)]
                : FULL[m.language().ordinal()][m.month() - 1]).toLowerCase(Locale.ROOT);
        return !table.equals(lower) && fold(table).equals(fold(lower));
    }

    /**
     * The languages in which a word names a month ({@code MAR}: English, Italian, Spanish, Portuguese, Polish; {@code DIC}:
     * Italian, Spanish; {@code MÄR}: German alone, as it keeps its accent), in {@link Language}'s order; empty if none.
     */
    public static java.util.EnumSet<Language> languagesOf(String word) {
        java.util.EnumSet<Language> out = java.util.EnumSet.noneOf(Language.class);
        if (word.length() < 3 || word.length() > 12) {
            return out;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String w = fold(word);
        boolean accented = !w.equals(lower);
        for (Language l : Language.values()) {
            for (int m = 0; m < 12 && !out.contains(l); m++) {
                if (matches(FULL[l.ordinal()][m], lower, w, accented)) {
                    out.add(l);
                }
                for (String s : SHORT[l.ordinal()][m]) {
                    if (matches(s, lower, w, accented)) {
                        out.add(l);
                    }
                }
            }
        }
        return out;
    }

    private static boolean matches(String table, String lower, String folded, boolean accented) {
        return accented ? table.toLowerCase(Locale.ROOT).equals(lower) : fold(table).equals(folded);
    }

    /** {@link #of(String, Language)} without a preferred language. */
    public static Month of(String word) {
        return of(word, null);
    }

    /**
     * The name of {@code month} written as {@code like} (a match of {@link #of}) is: its language, abbreviated (with the
     * same variant where the month has it) or in full, its case (all upper, all lower, or capitalised) and its accents
     * (none where {@code like} left its own out: {@code Marz}, {@code fevrier}). A word that is both a month's name and its abbreviation ({@code May},
     * {@code Mai}, {@code mars}) counts as abbreviated only where {@code shortIfBoth} says so (a fixed-width notation,
     * a dot after it).
     */
    public static String name(String like, Month was, int month, boolean shortIfBoth) {
        boolean abbreviated = was.abbreviated() && (!was.full() || shortIfBoth);
        int l = was.language().ordinal();
        String name;
        if (abbreviated) {
            String[] shorts = SHORT[l][month - 1];
            name = was.variant() < shorts.length ? shorts[was.variant()] : shorts[0];
        } else {
            name = FULL[l][month - 1];
        }
        boolean beyondLatin1 = name.chars().anyMatch(c -> c > 0xFF);
        // A word written in ASCII gets no letter beyond Latin-1 ("marca" moved into September is "wrzesnia"): a file
        // read as Windows-1252 or Latin-1 could not write Polish's "ś", and the whole file would fail.
        if (was.unaccented() || beyondLatin1 && isAscii(like)) {
            name = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        if (like.equals(like.toUpperCase(Locale.ROOT))) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (like.equals(like.toLowerCase(Locale.ROOT))) {
            return name.toLowerCase(Locale.ROOT);
        }
        if (Character.isUpperCase(like.charAt(0)) && like.substring(1).equals(like.substring(1).toLowerCase(Locale.ROOT))) {
            return Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
        }
        return name;
    }
}

package org.deidworkbench.deid;

import java.util.regex.Pattern;

/**
 * Ages over 89 in the words of the corpus' other languages, for {@link TextScrubber} (decision 0142): the number before
 * a word for years of age (Spanish {@code 92 años}, Portuguese {@code 92 anos}, Italian {@code 92 anni} and
 * {@code 92enne}, Polish {@code 92 lat} and {@code 92-letnia}, Russian {@code 92 года}, {@code 92 лет} and
 * {@code 92-летний}, Greek {@code 92 ετών} and {@code 92χρονη}, Turkish {@code 92 yaşında}, Japanese {@code 92歳},
 * Chinese {@code 92岁}, Korean {@code 92세}) or after a word for age (Spanish {@code edad: 92}, Italian {@code età 92},
 * Portuguese {@code idade 92}, Polish {@code wiek 92} and {@code lat 92}, Russian {@code возраст 92}, Greek
 * {@code ηλικία 92}, Turkish {@code yaşı 92}, Thai {@code อายุ 92}, written without a space before it). English,
 * German, French, Dutch and Scandinavian ages have the scrubber's own patterns. A number is an age only beside such a
 * word: {@code 92 mg}, {@code Hb 92 g/L} and {@code 92 anni fa} stay as written (the last one is years ago, not an
 * age). Only ASCII digits, from 90 to 149.
 */
final class AgesInNotes {

    /** A number read as an age (the scrubber's bounds: 90 to 149). */
    private static final String AGE = "(?:9\\d|1[0-4]\\d)";
    /** Words for years of age after the number, each ending its word. */
    private static final String AFTER = "(?:[\\s-]*(?:años|anos|anni(?!\\s+fa(?!\\p{L}))|lat|letn\\p{L}*|лет|года?"
            + "|летн\\p{L}*|ετών|χρον\\p{L}*|yaş\\p{L}*)(?!\\p{L})|enne(?!\\p{L})|\\s?(?:歳|才|岁|歲|세))";
    /**
     * Words for age before the number (a preposition or a colon between). A word's start is a negative look-behind, not
     * {@code (?:^|[^\\p{L}])}: with {@code ^} inside this look-behind, the scrubber's anchored match under transparent
     * bounds reported the match as starting at the text's first character (JDK 17), and the word went with the age.
     */
    private static final String BEFORE = "(?:(?<!\\p{L})(?:edad|età|idade|wiek|lat|возраст\\p{L}{0,3}|ηλικία"
            + "|ηλικίας|yaşı)|อายุ)\\s{0,3}(?:(?:de|em|di|w|в)\\s{1,3}|:\\s{0,3})?";

    /**
     * An age over 89 beside its word: the number only is matched, to become {@code 90+}. The look-ahead first: a run of
     * digits that is no number from 90 to 149 fails there, before the look-behind tries its lengths.
     */
    static final Pattern AGE_OVER_89 = Pattern.compile("(?iu)(?=" + AGE + "(?!\\d))(?:(?<![\\d.,])" + AGE
            + "(?=" + AFTER + ")|(?<=" + BEFORE + ")" + AGE + "(?![.,]\\d))");

    private AgesInNotes() {
    }
}

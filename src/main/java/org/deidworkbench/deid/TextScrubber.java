package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes identifiers from free text: every known identifier of the export (replaced by its
 * pseudonym or its {@code [LABEL]}), and PHI patterns — e-mail, URL, IP address, SSN, phone, ZIP+4,
 * street address, names after a title, numbers after words like "MRN", long digit runs, dates
 * (also day and month without a year) and ages over 89 (which become {@code 90+}); full dates 90 or
 * more years back are removed rather than shifted, as their year would tell such an age.
 * Full dates, numeric or with a month name, are shifted by the subject's offset (keeping the
 * clinical timeline and their notation) or become {@code [DATE]} when the record has no subject.
 *
 * <p>All detectors run on the original text, so a replacement is never scanned again. Where
 * matches overlap, the earliest (then the longest) wins and swallows the rest of the others. Stateless apart from its frozen identifier
 * set; thread-safe.
 */
public final class TextScrubber {

    private record Detector(Pattern pattern, String label, int group) {
    }

    private record Span(int start, int end, String replacement) {
    }

    /** A month written with a capital, in full or abbreviated; "May" is left out (a verb too often). */
    private static final String MONTH_NAME = "(?:January|February|March|April|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b";

    /** A capitalised word of a name, or an initial with its full stop ({@code J.}). */
    private static final String NAME_WORD = "\\p{Lu}(?:\\.|[\\p{L}\\p{M}'\u2019-]*)";

    private static final List<Detector> DETECTORS = List.of(
            // Internationalised addresses too: "jürgen@example.de" must not keep "jü". A match starts
            // only where a run of address characters starts, else a long run costs quadratic time.
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}._%+-])[\\p{L}\\p{M}\\p{N}._%+-]+@[\\p{L}\\p{M}\\p{N}.-]+\\.\\p{L}{2,}"), "[EMAIL]", 0),
            // A URL does not end in punctuation that closes the sentence around it.
            new Detector(Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]']"), "[URL]", 0),
            new Detector(Pattern.compile("(?<!\\d)(?<!\\d\\.)(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\d|\\.\\d)"), "[IP]", 0),
            new Detector(Pattern.compile("(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])"), "[SSN]", 0),
            new Detector(Pattern.compile("(?<![\\w+])(?:\\+?\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\w)"),
                    "[PHONE]", 0),
            new Detector(Pattern.compile("(?<![\\d-])\\d{5}-\\d{4}(?![\\d-])"), "[ZIP]", 0),
            new Detector(Pattern.compile("\\b\\d{1,6}\\s+(?:\\p{Lu}[\\p{L}\\p{M}'-]+\\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|"
                    + "Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Terrace|Circle|Parkway|Pkwy)\\b\\.?"), "[ADDRESS]", 0),
            // Titles may be stacked ("Prof. Dr. Müller"); the name is what follows the last one.
            // Repetitions are bounded: an unbounded group recurses per repetition in java.util.regex
            // and a long run of titles or separators would overflow the stack.
            new Detector(Pattern.compile("\\b(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.?\\s+){1,4}(" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,2})"),
                    "[NAME]", 1),
            // The keyword must end its word ("mRNA-1273" is a vaccine, not an MRN); "account" and
            // "policy" only count with "number", "no." or a colon, as in running text they are words.
            new Detector(Pattern.compile("(?i)\\b(?:MRN|medical\\s+record(?:\\s+(?:number|no\\.?))?|SSN|acct"
                    + "|(?:account|policy)(?:\\s+(?:number|no\\.?)|(?=\\s*[:#]))|patient\\s+id|member\\s+id|ID)(?!\\p{L})"
                    + "(?:\\s*(?:[:#]|no\\.?|number)){0,4}\\s*((?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])"),
                    "[ID]", 1),
            // Day and month without a year are still a date element (HIPAA); only capitalised month
            // names, and not "May", which starts too many sentences. With a year, the longer
            // month-name date (shifted like numeric dates) wins.
            new Detector(Pattern.compile("\\b" + MONTH_NAME + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d|[:.,]\\d)"), "[DATE]", 0),
            new Detector(Pattern.compile("\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_NAME), "[DATE]", 0),
            // Ages over 89 are identifying (HIPAA): "92-year-old" becomes "90+-year-old".
            new Detector(Pattern.compile("(?i)(?<![\\d.])(?:9\\d|1[0-4]\\d)(?=[\\s-]*(?:years?|yrs?)[\\s-]*old\\b|\\s*(?:yo|y/o)\\b)"),
                    "90+", 0),
            new Detector(Pattern.compile("(?i)\\bage[d:]?\\s*(?:of\\s+)?(9\\d|1[0-4]\\d)(?!\\d|\\.\\d)"), "90+", 1),
            // Not the digits of a decimal fraction, but still at the end of a sentence.
            new Detector(Pattern.compile("(?<!\\d)(?<!\\d[.,])\\d{7,}(?!\\d|[.,]\\d)"), "[NUMBER]", 0));

    /** A lone number such as a lab value: no pattern can match it, only a known numeric identifier. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[<>+-]?\\s?\\d{1,6}(?:[.,]\\d{1,6})?");

    private final KnownIdentifiers identifiers;
    /** Full dates in or before this year are removed, not shifted ({@code Integer.MIN_VALUE}: none). */
    private final int lastAggregatedYear;

    /** A scrubber that looks for the given (frozen) identifiers in addition to the patterns; no date is too old to shift. */
    public TextScrubber(KnownIdentifiers identifiers) {
        this(identifiers, Integer.MIN_VALUE + 90);
    }

    /**
     * A scrubber that also removes (as {@code [DATE]}) every full date lying 90 or more years before
     * {@code referenceYear}, before or after its shift: a shifted date keeps its year, and a year that
     * old tells an age over 89 when it is a birth date (HIPAA Safe Harbor aggregates those ages).
     * This is the same limit year {@code generalize: birth-year} uses.
     */
    public TextScrubber(KnownIdentifiers identifiers, int referenceYear) {
        this.identifiers = identifiers;
        this.lastAggregatedYear = referenceYear - 90;
    }

    /**
     * The text with every identifier replaced. Where matches overlap, the earliest (then the longest)
     * decides the replacement and also covers the rest of any match it overlaps, so no part of a
     * detected identifier is left in clear. Cost: linear in the text for each detector; a lone short
     * number returns at once.
     *
     * @param subject the record's subject for date shifts, or {@code null}
     */
    public String scrub(String text, Subject subject) {
        if (text.isEmpty() || obviouslyClean(text)) {
            return text;
        }
        List<Span> spans = new ArrayList<>();
        findKnownIdentifiers(text, spans);
        for (Detector d : DETECTORS) {
            Matcher m = d.pattern().matcher(text);
            while (m.find()) {
                spans.add(new Span(m.start(d.group()), m.end(d.group()), d.label()));
            }
        }
        Matcher dates = DateValues.textPattern().matcher(text);
        while (dates.find()) {
            String replacement = "[DATE]";
            if (subject != null) {
                try {
                    replacement = DateValues.shift(dates.group(), subject.dateOffsetDays());
                    if (Math.min(DateValues.year(dates.group()), DateValues.year(replacement)) <= lastAggregatedYear) {
                        replacement = "[DATE]";
                    }
                } catch (UnprocessableValueException e) {
                    replacement = "[DATE]";
                }
            }
            spans.add(new Span(dates.start(), dates.end(), replacement));
        }
        for (Pattern p : DateValues.monthNameTextPatterns()) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String replacement = "[DATE]";
                if (subject != null) {
                    try {
                        replacement = DateValues.shiftMonthNameDate(m, subject.dateOffsetDays());
                        // The shifted date ends with its four-digit year, as the original does.
                        int shifted = Integer.parseInt(replacement.substring(replacement.length() - 4));
                        if (Math.min(Integer.parseInt(m.group("y")), shifted) <= lastAggregatedYear) {
                            replacement = "[DATE]";
                        }
                    } catch (UnprocessableValueException e) {
                        replacement = "[DATE]";
                    }
                }
                spans.add(new Span(m.start(), m.end(), replacement));
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(text.length() + 16);
        int pos = 0;
        for (Span s : spans) {
            if (s.end() <= pos) {
                continue;
            }
            if (s.start() < pos) {
                pos = s.end();
                continue;
            }
            out.append(text, pos, s.start()).append(s.replacement());
            pos = s.end();
        }
        return out.append(text, pos, text.length()).toString();
    }

    /**
     * Whether scrubbing this text depends on the subject: only dates are shifted per subject, so a
     * text without a date scrubs the same for everyone (and a caller may cache it by value).
     */
    public boolean mayShiftDates(String text) {
        if (DateValues.textPattern().matcher(text).find()) {
            return true;
        }
        for (Pattern p : DateValues.monthNameTextPatterns()) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A lone number (a lab value, a count) cannot hold a pattern; it can only be a known numeric
     * identifier, which needs at least four digits.
     */
    private boolean obviouslyClean(String text) {
        if (text.length() > 16 || !PLAIN_NUMBER.matcher(text).matches()) {
            return false;
        }
        if (identifiers.size() == 0) {
            return true;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits < 4;
    }

    private void findKnownIdentifiers(String text, List<Span> spans) {
        if (identifiers.size() == 0) {
            return;
        }
        List<int[]> bounds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        KnownIdentifiers.tokenize(text, bounds, tokens);
        int max = identifiers.maxTokens();
        for (int t = 0; t < tokens.size(); t++) {
            if (!identifiers.startsSome(tokens.get(t))) {
                continue;
            }
            for (int len = Math.min(max, tokens.size() - t); len >= 1; len--) {
                String key = len == 1 ? tokens.get(t) : String.join(" ", tokens.subList(t, t + len));
                String replacement = identifiers.replacement(key);
                if (replacement != null) {
                    spans.add(new Span(bounds.get(t)[0], bounds.get(t + len - 1)[1], replacement));
                    t += len - 1;
                    break;
                }
            }
        }
    }
}

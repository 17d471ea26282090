package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes identifiers from free text: every known identifier of the export (replaced by its
 * pseudonym or its {@code [LABEL]}), and PHI patterns — e-mail, URL, IP address, SSN, phone, ZIP+4,
 * street address, names after a title, numbers after words like "MRN", long digit runs and dates.
 * Dates are shifted by the subject's offset (keeping the clinical timeline) or become
 * {@code [DATE]} when the record has no subject.
 *
 * <p>All detectors run on the original text and the longest, earliest match wins where they
 * overlap, so a replacement is never scanned again. Stateless apart from its frozen identifier
 * set; thread-safe.
 */
public final class TextScrubber {

    /** Cheap facts about a text that tell which detectors could possibly match it. */
    private record Shape(int digits, int longestDigitRun, boolean at, boolean url, boolean title) {
        static Shape of(String text) {
            int digits = 0;
            int run = 0;
            int longest = 0;
            for (int i = 0; i < text.length(); i++) {
                if (Character.isDigit(text.charAt(i))) {
                    digits++;
                    longest = Math.max(longest, ++run);
                } else {
                    run = 0;
                }
            }
            boolean url = text.contains("://") || text.regionMatches(true, 0, "www.", 0, 4) || text.contains("www.")
                    || text.contains("WWW.");
            boolean title = text.contains("Mr") || text.contains("Ms") || text.contains("Dr") || text.contains("Miss")
                    || text.contains("Prof");
            return new Shape(digits, longest, text.indexOf('@') >= 0, url, title);
        }
    }

    /** A PHI pattern; {@code applies} skips it cheaply for texts it cannot match. */
    private record Detector(Pattern pattern, String label, int group, java.util.function.Predicate<Shape> applies) {
    }

    private record Span(int start, int end, String replacement) {
    }

    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";

    private static final List<Detector> DETECTORS = List.of(
            new Detector(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[EMAIL]", 0, s -> s.at()),
            new Detector(Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+"), "[URL]", 0, s -> s.url()),
            new Detector(Pattern.compile("(?<![\\d.])(?:\\d{1,3}\\.){3}\\d{1,3}(?![\\d.])"), "[IP]", 0, s -> s.digits() >= 4),
            new Detector(Pattern.compile("(?<![\\d-])\\d{3}-\\d{2}-\\d{4}(?![\\d-])"), "[SSN]", 0, s -> s.digits() >= 9),
            new Detector(Pattern.compile("(?<![\\w+])(?:\\+?\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\w)"),
                    "[PHONE]", 0, s -> s.digits() >= 10),
            new Detector(Pattern.compile("(?<![\\d-])\\d{5}-\\d{4}(?![\\d-])"), "[ZIP]", 0, s -> s.digits() >= 9),
            new Detector(Pattern.compile("\\b\\d{1,6}\\s+(?:[A-Z][A-Za-z]+\\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|"
                    + "Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Terrace|Circle|Parkway|Pkwy)\\b\\.?"), "[ADDRESS]", 0, s -> s.digits() >= 1),
            new Detector(Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.?\\s+([A-Z][A-Za-z'-]+(?:\\s+[A-Z][A-Za-z'-]+)?)"),
                    "[NAME]", 1, s -> s.title()),
            new Detector(Pattern.compile("(?i)\\b(?:MRN|medical record(?: number| no\\.?)?|SSN|acct|account(?: number| no\\.?)?"
                    + "|patient id|member id|policy(?: number| no\\.?)?|ID)\\s*(?:[:#]|no\\.?)?\\s*([A-Za-z0-9-]*\\d[A-Za-z0-9-]*)"),
                    "[ID]", 1, s -> s.digits() >= 1),
            new Detector(Pattern.compile("(?i)\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"), "[DATE]", 0, s -> s.longestDigitRun() >= 4),
            new Detector(Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{4}\\b"), "[DATE]", 0, s -> s.longestDigitRun() >= 4),
            new Detector(Pattern.compile("(?<![\\d.])\\d{7,}(?![\\d.])"), "[NUMBER]", 0, s -> s.longestDigitRun() >= 7));

    private final KnownIdentifiers identifiers;

    /** A scrubber that looks for the given (frozen) identifiers in addition to the patterns. */
    public TextScrubber(KnownIdentifiers identifiers) {
        this.identifiers = identifiers;
    }

    /**
     * The text with every identifier replaced.
     *
     * @param subject the record's subject for date shifts, or {@code null}
     */
    public String scrub(String text, Subject subject) {
        if (text.isEmpty() || obviouslyClean(text)) {
            return text;
        }
        List<Span> spans = new ArrayList<>();
        findKnownIdentifiers(text, spans);
        Shape shape = Shape.of(text);
        for (Detector d : DETECTORS) {
            if (!d.applies().test(shape)) {
                continue;
            }
            Matcher m = d.pattern().matcher(text);
            while (m.find()) {
                spans.add(new Span(m.start(d.group()), m.end(d.group()), d.label()));
            }
        }
        Matcher dates = shape.longestDigitRun() >= 4 ? DateValues.textPattern().matcher(text) : null;
        while (dates != null && dates.find()) {
            String replacement = "[DATE]";
            if (subject != null) {
                try {
                    replacement = DateValues.shift(dates.group(), subject.dateOffsetDays());
                } catch (UnprocessableValueException e) {
                    replacement = "[DATE]";
                }
            }
            spans.add(new Span(dates.start(), dates.end(), replacement));
        }
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(text.length() + 16);
        int pos = 0;
        for (Span s : spans) {
            if (s.start() < pos) {
                continue;
            }
            out.append(text, pos, s.start()).append(s.replacement());
            pos = s.end();
        }
        return out.append(text, pos, text.length()).toString();
    }

    /**
     * Whether scrubbing this text depends on the subject: only dates written with digits are
     * shifted per subject (others become {@code [DATE]} whoever the subject is).
     */
    public boolean mayShiftDates(String text) {
        return Shape.of(text).longestDigitRun() >= 4 && DateValues.textPattern().matcher(text).find();
    }

    /** Short numbers and codes cannot hold any identifier this scrubber knows: skip them quickly. */
    private static boolean obviouslyClean(String text) {
        if (text.length() > 12) {
            return false;
        }
        int digitRun = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                if (++digitRun >= 4) {
                    return false;
                }
            } else if (c == '.' || c == ',' || c == '+' || c == '-' || c == ' ' || c == '<' || c == '>') {
                digitRun = 0;
            } else {
                return false;
            }
        }
        return true;
    }

    private void findKnownIdentifiers(String text, List<Span> spans) {
        if (identifiers.size() == 0) {
            return;
        }
        List<int[]> bounds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                bounds.add(new int[] {start, i});
                tokens.add(text.substring(start, i).toUpperCase(Locale.ROOT));
            }
        }
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

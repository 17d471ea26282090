package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Decision 0145: {@link HealthNumbers#find}, which tries each pattern only where its first characters can start a
 * match, finds exactly what the patterns' {@code find()} over the whole text found before (kept here as the
 * reference), on generated texts full of the numbers' shapes and cues.
 */
class HealthNumbersDifferentialTest {

    private static final Pattern IHI = Pattern.compile("(?<![\\d-])8003 ?6[0-2]\\d\\d ?\\d{4} ?\\d{4}(?![\\d-]|[.,]\\d)");
    private static final Pattern MEDICARE = Pattern.compile("(?<![\\d-])[2-6]\\d{3} \\d{5} \\d(?: ?/ ?\\d)?(?![\\d-]|[.,]\\d)");
    private static final String NHI_LETTER = "[A-HJ-NP-Z]";
    private static final Pattern NHI = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + NHI_LETTER + "{3}(?:\\d{4}|\\d\\d"
            + NHI_LETTER + "{2})(?![\\p{L}\\p{N}])");
    private static final Pattern DVA = Pattern.compile("\\bDVA(?: (?:Gold|White|Orange|GOLD|WHITE|ORANGE) (?:Card|CARD))?"
            + "(?:\\s*(?:[:#]|file|no\\.?|number|(?i:file)))*\\s*([NVQWST][A-Z]{0,3}\\d{2,6}[A-Z]?)(?![\\p{L}\\p{N}])");
    private static final Pattern CANADIAN_HEALTH_NUMBER = Pattern.compile("(?<![\\w-])[1-9]\\d{3}([- ])\\d{3}\\1\\d{3}"
            + "(?:\\1?([A-Z]{2}))?(?![\\w-])|(?<![\\w-])[1-9]\\d{9}([A-Z]{2})(?![\\w-])");
    private static final Pattern RAMQ = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{4} ?\\d\\d(\\d\\d) ?(\\d\\d)\\d\\d(?![\\p{L}\\p{N}])");
    private static final Pattern SIN = Pattern.compile("(?<![\\d-])\\d{3}([- ])\\d{3}\\1\\d{3}(?![\\d-]|[.,]\\d)");
    private static final Pattern SIN_LABEL = Pattern.compile("(?i)(?:\\bSIN|\\bNAS|social insurance|assurance sociale)"
            + "(?:\\s*(?:[:#(]|no\\.?|number|num[ée]ro))*\\s*$");
    private static final Pattern AU_POSTCODE = Pattern.compile("\\b(NSW|ACT|VIC|QLD|SA|WA|TAS|NT)\\.?,? {1,2}(\\d{4})"
            + "(?![\\d-]|[.,]\\d)");
    private static final String CA_FIRST = "[ABCEGHJ-NPRSTVXY]";
    private static final String CA_LETTER = "[ABCEGHJ-NPRSTV-Z]";
    private static final Pattern CA_POSTCODE = Pattern.compile("(?<![\\p{L}\\p{N}])" + CA_FIRST + "\\d" + CA_LETTER + "(?: |"
            + "(?<=(?:\\b(?:ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU)\\.?,? {1,2})...))\\d" + CA_LETTER + "\\d(?![\\p{L}\\p{N}])");

    /** HealthNumbers.find as it was before decision 0145: each pattern's find() over the whole text. */
    private static List<HealthNumbers.Found> oldFind(String text) {
        List<HealthNumbers.Found> found = new ArrayList<>();
        Matcher m = IHI.matcher(text);
        while (m.find()) {
            if (CheckDigits.luhn(CheckDigits.digits(m.group()))) {
                found.add(new HealthNumbers.Found(m.start(), m.end(), HealthNumbers.Kind.NUMBER));
            }
        }
        m = MEDICARE.matcher(text);
        while (m.find()) {
            if (CheckDigits.medicare(CheckDigits.digits(m.group()))) {
                found.add(new HealthNumbers.Found(m.start(), m.end(), HealthNumbers.Kind.NUMBER));
            }
        }
        m = NHI.matcher(text);
        while (m.find()) {
            String upper = m.group().toUpperCase(java.util.Locale.ROOT);
            if ((m.group().equals(upper) || m.group().equals(m.group().toLowerCase(java.util.Locale.ROOT))) && CheckDigits.nhi(upper)) {
                found.add(new HealthNumbers.Found(m.start(), m.end(), HealthNumbers.Kind.NUMBER));
            }
        }
        m = DVA.matcher(text);
        while (m.find()) {
            found.add(new HealthNumbers.Found(m.start(1), m.end(1), HealthNumbers.Kind.NUMBER));
        }
        m = CANADIAN_HEALTH_NUMBER.matcher(text);
        while (m.find()) {
            String d = CheckDigits.digits(m.group());
            if (m.group(1) != null ? m.group(2) != null || CheckDigits.luhn(d) || CheckDigits.bcPhn(d) : CheckDigits.luhn(d)) {
                found.add(new HealthNumbers.Found(m.start(), m.end(), HealthNumbers.Kind.NUMBER));
            }
        }
        m = RAMQ.matcher(text);
        while (m.find()) {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            if ((month >= 1 && month <= 12 || month >= 51 && month <= 62) && day >= 1 && day <= 31) {
                found.add(new HealthNumbers.Found(m.start(), m.end(), HealthNumbers.Kind.NUMBER));
            }
        }
        m = SIN.matcher(text);
        while (m.find()) {
            boolean cued = m.group(1).equals("-")
                    || SIN_LABEL.matcher(text.substring(Math.max(0, m.start() - 24), m.start())).find();
            if (cued && CheckDigits.luhn(CheckDigits.digits(m.group()))) {
                found.add(new HealthNumbers.Found(m.start(), m.end(), HealthNumbers.Kind.NUMBER));
            }
        }
        m = AU_POSTCODE.matcher(text);
        while (m.find()) {
            if (HealthNumbers.australianPostcode(m.group(1), Integer.parseInt(m.group(2)))) {
                found.add(new HealthNumbers.Found(m.start(2), m.end(2), HealthNumbers.Kind.POSTCODE));
            }
        }
        m = CA_POSTCODE.matcher(text);
        while (m.find()) {
            found.add(new HealthNumbers.Found(m.start(), m.end(), HealthNumbers.Kind.POSTCODE));
        }
        return found;
    }

    /** Synthetic numbers of every shape, valid and not, and the cues around them. */
    private static final String[] CUES = {"8003 6012 3456 7890", "8003608166690503", "80036", "8003", "2123 45670 1", "2123 45670 1/2",
        "2123 45670", "ZZZ0016", "zzz0016", "ZSC21TN", "zsc21tn", "ZsC21TN", "ABC12", "DVA", "DVA Gold Card", "DVA GOLD CARD",
        "DVA file no.", "DVA #", "NX901667", "QX12", "4532-128-875-AB", "4532 128 875", "4532128875AB", "9698 658 215",
        "TREM 6252 1412", "TREM62521412", "TREM", "046-454-286", "046 454 286", "SIN", "NAS", "social insurance", "no.", "number",
        "numéro", "NSW", "ACT", "VIC", "QLD", "SA", "WA", "TAS", "NT", "2010", "0870", "K1A 0B1", "K1A0B1", "ON", "QC", "BC",
        "K1M", "2C4", "file", "1", "-", ".", ",", "é", "Ö", "٣"};

    @Test
    void findsWhatThePatternsFoundOverTheWholeText() {
        int found = 0;
        for (String text : GeneratedTexts.of(1450, 60_000, 9, CUES)) {
            List<HealthNumbers.Found> expected = oldFind(text);
            assertEquals(expected, HealthNumbers.find(text), text);
            found += expected.size();
        }
        assertTrue(found > 3_000, "the generated texts hold numbers often enough to test: " + found);
    }
}

package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link LeakDictionary#dates}: the shortcut that turns away long values without trying its three patterns (date-times
 * such as {@code 06.05.2015 08:24}, which a run checks for every date it writes) gives what the patterns give.
 */
class LeakDictionaryDatesShortcutTest {

    private static final Pattern ISO = Pattern.compile("\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?\\s*");
    private static final Pattern COMPACT = Pattern.compile("\\s*(\\d{4})(\\d{2})(\\d{2})\\s*");
    private static final Pattern SLASHED = Pattern.compile("\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\s*");

    /** The reading before the shortcut: the three patterns, tried in order. */
    private static List<LocalDate> reference(String value) {
        List<LocalDate> out = new ArrayList<>();
        String stripped = value.strip();
        if (stripped.length() < 8 || !Character.isDigit(stripped.charAt(0))) {
            return out;
        }
        Matcher m = ISO.matcher(value);
        if (m.matches()) {
            add(out, m.group(1), m.group(2), m.group(3));
            return out;
        }
        m = COMPACT.matcher(value);
        if (m.matches()) {
            add(out, m.group(1), m.group(2), m.group(3));
            return out;
        }
        m = SLASHED.matcher(value);
        if (m.matches()) {
            add(out, m.group(3), m.group(1), m.group(2));
            add(out, m.group(3), m.group(2), m.group(1));
        }
        return out;
    }

    private static void add(List<LocalDate> out, String y, String mo, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year >= 1800 && year <= 2200) {
                LocalDate date = LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d));
                if (!out.contains(date)) {
                    out.add(date);
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            // not a date
        }
    }

    @Test
    void longValuesAreReadAsThePatternsReadThem() {
        List<String> values = new ArrayList<>(List.of("06.05.2015 08:24", "2015-05-06 08:24", "2015-05-06T08:24:00Z",
                "2015-5-6 8:24", "06/05/2015 08:24", "06/05/2015", " 06/05/2015 ", "20150506", "20150506 1",
                "2015-05-06\t", "2015-05-06\u2003", "\u20032015-05-06", "2015x05-06 10:00", "2015-05-06 10:00 9",
                "12345678901", "٢٠١٥-05-06 08:24", "2015-05-06\u00a09"));
        Random r = new Random(23);
        String alphabet = "0123456789-T /.:\t\u2003\u00a0\u0663x";
        int dated = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            if (r.nextInt(3) > 0) {
                LocalDate d = LocalDate.of(1790 + r.nextInt(430), 1 + r.nextInt(12), 1 + r.nextInt(28));
                String iso = d.toString();
                String sep = String.valueOf("/.-".charAt(r.nextInt(3)));
                b.append(switch (r.nextInt(4)) {
                    case 0 -> iso;
                    case 1 -> iso.replace("-", "");
                    case 2 -> iso.substring(8, 10) + sep + iso.substring(5, 7) + sep + iso.substring(0, 4);
                    default -> iso.substring(5, 7) + sep + iso.substring(8, 10) + sep + iso.substring(0, 4);
                });
                if (r.nextBoolean()) {
                    b.append(r.nextBoolean() ? ' ' : 'T').append(String.format("%02d:%02d", r.nextInt(24), r.nextInt(60)));
                }
            }
            int extra = r.nextInt(5);
            for (int k = 0; k < extra; k++) {
                b.insert(r.nextInt(b.length() + 1), alphabet.charAt(r.nextInt(alphabet.length())));
            }
            values.add(b.toString());
        }
        for (String v : values) {
            List<LocalDate> expected = reference(v);
            if (!expected.isEmpty()) {
                dated++;
            }
            assertEquals(expected, LeakDictionary.dates(v), () -> "for a value of shape " + v.replaceAll("[0-9]", "9"));
        }
        assertTrue(dated > 3_000, "the generated values hold dates (" + dated + ")");
    }
}

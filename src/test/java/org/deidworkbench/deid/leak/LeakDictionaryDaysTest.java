package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LeakDictionary#days}: what a run compares the dates it writes with (decision 0029) reads every value as the
 * dictionary reads originals, its regex-free path included.
 */
class LeakDictionaryDaysTest {

    private static long[] viaRegex(String value) {
        return LeakDictionary.dates(value).stream()
                .mapToLong(d -> d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth()).toArray();
    }

    @Test
    void agreesWithTheDictionarysDateReaderOnDatesAndNearMisses() {
        List<String> values = new ArrayList<>(List.of("1970-05-03", "19700503", "03.05.1970", "05/03/1970",
                "1970-5-3", "1970-05-03T10:00:00Z", "1970-05-03 10:00:00", "1970-05-03\n10:00", "1970-05-03x",
                "1970-02-30", "19700230", "17990101", "22010101", "2200-12-31", " 1970-05-03", "1970-05-03 ",
                "1970-13-01", "1970-00-10", "1970-05-00", "12345678", "1234567", "abcdefgh", "1970/05/03",
                "2024-02-29", "2023-02-29", "13.13.1970", "1.2.2020", "1970-05-03T", "1970-05-03\u2028", "31/12/1999",
                "12-12-2000", "00.05.1970", "3.05.1970", "31.02.1970", "05.03.1799", "05/03-2201", "05:03.1970"));
        Random r = new Random(11);
        String alphabet = "0123456789-T /.:\n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            if (r.nextBoolean()) {
                LocalDate d = LocalDate.of(1790 + r.nextInt(430), 1 + r.nextInt(12), 1 + r.nextInt(28));
                String iso = d.toString();
                String dd = iso.substring(8, 10);
                String mm = iso.substring(5, 7);
                String yyyy = iso.substring(0, 4);
                String sep = String.valueOf("/.-".charAt(r.nextInt(3)));
                b.append(switch (r.nextInt(4)) {
                    case 0 -> iso;
                    case 1 -> iso.replace("-", "");
                    case 2 -> dd + sep + mm + sep + yyyy;
                    default -> mm + sep + dd + "/.-".charAt(r.nextInt(3)) + yyyy;
                });
            }
            int extra = r.nextInt(6);
            for (int k = 0; k < extra; k++) {
                int at = r.nextInt(b.length() + 1);
                b.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
            }
            values.add(b.toString());
        }
        for (String v : values) {
            assertArrayEquals(viaRegex(v), LeakDictionary.days(v), () -> "for a value of shape "
                    + v.replaceAll("[0-9]", "9"));
        }
    }

    /**
     * Decision 0209: the days a run notes for an identifier's digit groups ({@link LeakDictionary#digitGroupDays}) are
     * exactly the days of the digit-group patterns the dictionary makes of it, no more.
     */
    @Test
    void anIdentifiersDigitGroupDaysAreThoseTheVerifierLooksForAlone() {
        for (String id : List.of("JP-20230611", "MRN 19570611-44", "20230611", "2023-06-11", "JP-20231399",
                "A-2023061", "AB-202306111", "x 20230611 y 19991231", "MRN-004711", "20230611091500", "Ref 17990101")) {
            LeakDictionary.Builder b = new LeakDictionary.Builder();
            b.add(id, "test", b.subject("s"));
            LeakDictionary d = b.build();
            java.util.Set<Long> expected = new java.util.TreeSet<>();
            for (int p = 0; p < d.patterns(); p++) {
                if (d.digitDay(p) > 0) {
                    expected.add((long) d.digitDay(p));
                }
            }
            java.util.Set<Long> noted = new java.util.TreeSet<>();
            for (long day : LeakDictionary.digitGroupDays(id)) {
                noted.add(day);
            }
            assertEquals(expected, noted, id);
        }
        assertArrayEquals(new long[] {20230611}, LeakDictionary.digitGroupDays("JP-20230611"));
        assertArrayEquals(new long[] {20230611, 19991231}, LeakDictionary.digitGroupDays("x 20230611 y 19991231"));
        assertArrayEquals(new long[0], LeakDictionary.digitGroupDays("JP-20231399"));
        assertArrayEquals(new long[0], LeakDictionary.digitGroupDays("20230611"));
    }
}

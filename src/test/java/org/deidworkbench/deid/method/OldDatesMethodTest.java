package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.junit.jupiter.api.Test;

/** Decision 0142: a column taken for dates by its values aggregates the dates that may tell an age over 89. */
class OldDatesMethodTest {

    private static final FieldContext TEN_DAYS = new FieldContext(new Subject("P", 10), "d");
    private static final DeidMethod METHOD = new OldDatesMethod(new ShiftDateMethod(-3), 2026, false);

    @Test
    void aDateNinetyOrMoreYearsBackIsAggregated() throws Exception {
        assertEquals("<=1936", METHOD.apply("1929-03-05", TEN_DAYS));
        assertEquals("<=1936", METHOD.apply("1936-12-31", TEN_DAYS));
    }

    @Test
    void aDateWhoseShiftLandsNinetyYearsBackIsAggregatedToo() throws Exception {
        assertEquals("<=1936", new OldDatesMethod(new ShiftDateMethod(-3), 2026, false)
                .apply("1937-01-05", new FieldContext(new Subject("P", -10), "d")));
    }

    @Test
    void aYoungerDateIsShifted() throws Exception {
        assertEquals("1937-01-15", METHOD.apply("1937-01-05", TEN_DAYS));
        assertEquals("2024-01-25", METHOD.apply("2024-01-15", TEN_DAYS));
    }

    @Test
    void everyNotationStartingWithItsYearIsReadAsTheParseReadsIt() throws Exception {
        // the year read from the first four digits without parsing must agree with the parse in every notation
        assertEquals("<=1936", METHOD.apply("19300101", TEN_DAYS));
        assertEquals("<=1936", METHOD.apply(" 1930-01-01T10:00:00", TEN_DAYS));
        assertEquals("<=1936", METHOD.apply("1930/01/01", TEN_DAYS));
        assertEquals("<=1936", METHOD.apply("1930年1月1日", TEN_DAYS));
        assertEquals("<=1936", METHOD.apply("01/05/1930", TEN_DAYS));
        assertEquals("19700111", METHOD.apply("19700101", TEN_DAYS));
        assertEquals("1970/01/11", METHOD.apply("1970/01/01", TEN_DAYS));
    }

    @Test
    void aBuddhistEraYearIsReadInTheCommonEra() throws Exception {
        // 2470 BE is 1927: its first four digits are a year after 1936, which is no reason to keep it
        assertEquals("<=1936", METHOD.apply("2470-05-01", TEN_DAYS));
        assertEquals("2567-05-11", METHOD.apply("2567-05-01", TEN_DAYS));
    }

    @Test
    void theYearReadWithoutParsingIsTheParsedYearWheneverTheParseReadsOne() {
        // random values in and around every date notation: where the shortcut reads a year below the Buddhist Era's,
        // the parse reads the same year or none at all (then the value is no date and is not aggregated either)
        java.util.Random random = new java.util.Random(142);
        String[] seeds = {"1930-01-05", "05.03.1930", "3/5/1930", "05-03-1930", "19300105", "1930/01/05", "1930-01",
            "1930", "03FEB1930", "3 Feb 1930", "Feb 3, 1930", "03-FEB-30 10.15.00", "1930年1月5日", "2470-05-01",
            "05.03.30 10:15:00.2015", "01/05/30 10:15+2015", "05.03.2015T10:15", "S33.3.12", " 2015-01-05"};
        String alphabet = "0123456789./-: TAPMZ+年";
        int checked = 0;
        for (int k = 0; k < 200_000; k++) {
            StringBuilder b = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int edits = random.nextInt(4); edits > 0 && b.length() > 0; edits--) {
                int at = random.nextInt(b.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> b.setCharAt(at, c);
                    case 1 -> b.insert(at, c);
                    default -> b.deleteCharAt(at);
                }
            }
            String v = b.toString();
            int evident = OldDatesMethod.evidentYear(v);
            if (evident < 0 || evident >= 2400) {
                continue;
            }
            for (boolean dayFirst : new boolean[] {false, true}) {
                try {
                    int parsed = org.deidworkbench.deid.DateValues.shiftedYear(v, 0, 2026, dayFirst);
                    assertEquals(evident, parsed, "value shape " + v.replaceAll("[0-9]", "9"));
                    checked++;
                } catch (org.deidworkbench.deid.UnprocessableValueException e) {
                    // no date: aggregated by neither
                }
            }
        }
        assertTrue(checked > 10_000, "too few dates among the random values: " + checked);
    }
}

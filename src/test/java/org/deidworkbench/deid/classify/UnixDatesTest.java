package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Random;
import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.TextScrubber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0242: a program's date with its weekday — Unix {@code date} and Java's {@code Date.toString()}, C's
 * {@code asctime}, e-mail's and HTTP's RFC 2822 — is a date: shifted in its notation with the new day's weekday, the
 * time and zone as written, where it was emptied and reported as no date (a column) or cut in two (a text).
 */
class UnixDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mon Oct 02 21:00:00 EDT 2023|3|Thu Oct 05 21:00:00 EDT 2023",
        "Mon Oct 02 21:00:00 EDT 2023|-2|Sat Sep 30 21:00:00 EDT 2023",
        "Mon Oct  2 21:00:00 2023|10|Thu Oct 12 21:00:00 2023",
        "Thu Oct 12 21:00:00 2023|-10|Mon Oct  2 21:00:00 2023",
        "Tue Feb 27 08:15:00 CET 2024|3|Fri Mar 01 08:15:00 CET 2024",
        "Mon, 02 Oct 2023 21:00:00 -0400|-1|Sun, 01 Oct 2023 21:00:00 -0400",
        "Mon, 2 Oct 2023 21:00:00 GMT|40|Sat, 11 Nov 2023 21:00:00 GMT",
        "Sun, 31 Dec 2023|1|Mon, 01 Jan 2024"})
    void aProgramsDateIsShiftedWithItsNewWeekday(String value, int days, String expected) throws Exception {
        assertEquals(expected, DateValues.shift(value, days));
        assertEquals(UnixDates.parse(expected).getYear(), DateValues.shiftedYear(value, days));
    }

    @Test
    void theWeekdayIsAlwaysTheShiftedDays() {
        Random r = new Random(242);
        for (int i = 0; i < 2000; i++) {
            LocalDate d = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(30000));
            int days = r.nextInt(800) - 400;
            String value = String.format(java.util.Locale.ROOT, "%ta %tb %td 10:00:00 UTC %tY", d, d, d, d);
            String shifted = UnixDates.shift(value, days);
            LocalDate s = d.plusDays(days);
            assertEquals(String.format(java.util.Locale.ROOT, "%ta %tb %td 10:00:00 UTC %tY", s, s, s, s), shifted,
                    value + " + " + days);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mon Oct 32 21:00:00 EDT 2023", "Mon Feb 30 21:00:00 2023", "Monday Oct 02 21:00:00 2023",
        "mon oct 02 21:00:00 2023", "Mon Oct 02 2023", "Mon, 02 Oct 23"})
    void notAProgramsDate(String value) {
        assertNull(UnixDates.shift(value, 3), value);
        assertFalse(DateValues.isDate(value), value);
    }

    @Test
    void aColumnOfThemIsADateColumn() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        for (int k = 0; k < 20; k++) {
            stats.add(String.format(java.util.Locale.ROOT, "%s Oct %02d 21:%02d:00 EDT 2023",
                    new String[] {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}[(k + 1) % 7], 1 + k, k));
        }
        ColumnClass c = ColumnClassifier.classify("uploaded", stats).columnClass();
        assertTrue(c == ColumnClass.DATE || c == ColumnClass.DATE_TIME, c.toString());
    }

    @Test
    void inATextTheWholeDateGoes() {
        TextScrubber scrubber = new TextScrubber(new KnownIdentifiers());
        assertEquals("Uploaded [DATE] by the device.",
                scrubber.scrub("Uploaded Mon Oct 02 21:00:00 EDT 2023 by the device.", null));
        assertEquals("Date: [DATE]", scrubber.scrub("Date: Mon, 02 Oct 2023 21:00:00 -0400", null));
        String kept = "Seen Mon. Oct clinic closed";
        assertEquals(kept, scrubber.scrub(kept, null));
        assertEquals(2, UnixDates.find("Sent Tue, 3 Oct 2023 09:12:00 +0000 and Wed Oct  4 10:00:00 2023.").size());
    }
}

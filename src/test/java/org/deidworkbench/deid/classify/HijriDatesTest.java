package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.deidworkbench.deid.classify.HijriDates.Calendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Hijri (Umm al-Qura) and Solar Hijri calendars' dates: read, converted and shifted in their notation. */
class HijriDatesTest {

    /** Known pairs: Nowruz of several years (1399 and 1403 leap), the 22 Bahman 1357 (11 February 1979), month ends. */
    @ParameterizedTest
    @CsvSource({"1399,1,1,2020-03-20", "1399,12,30,2021-03-20", "1400,1,1,2021-03-21", "1402,1,1,2023-03-21",
        "1402,12,29,2024-03-19", "1403,1,1,2024-03-20", "1403,12,30,2025-03-20", "1404,1,1,2025-03-21",
        "1357,11,22,1979-02-11", "1402,6,31,2023-09-22", "1402,7,1,2023-09-23", "1336,12,21,1958-03-12"})
    void solarHijriDaysAreTheKnownGregorianDays(int y, int m, int d, String gregorian) {
        assertEquals(LocalDate.parse(gregorian), HijriDates.toGregorian(y, m, d, Calendar.SOLAR_HIJRI));
        assertArrayEquals(new int[] {y, m, d}, HijriDates.fromGregorian(LocalDate.parse(gregorian), Calendar.SOLAR_HIJRI));
    }

    @Test
    void daysASolarHijriMonthDoesNotHaveAreNoDates() {
        assertNull(HijriDates.toGregorian(1402, 12, 30, Calendar.SOLAR_HIJRI)); // 1402 is no leap year
        assertNull(HijriDates.toGregorian(1402, 7, 31, Calendar.SOLAR_HIJRI));
        assertNull(HijriDates.toGregorian(1402, 13, 1, Calendar.SOLAR_HIJRI));
    }

    @Test
    void hijriDaysAreUmmAlQuraDays() {
        assertEquals(LocalDate.of(2023, 7, 19), HijriDates.toGregorian(1445, 1, 1, Calendar.HIJRI)); // 1 Muharram 1445
        assertEquals(LocalDate.of(2023, 9, 27), HijriDates.toGregorian(1445, 3, 12, Calendar.HIJRI));
        assertEquals(LocalDate.of(2023, 3, 23), HijriDates.toGregorian(1444, 9, 1, Calendar.HIJRI)); // 1 Ramadan 1444
    }

    @Test
    void aShiftKeepsTheNotationAndCrossesMonthAndYear() {
        assertEquals("1403/01/06", HijriDates.shift("1402/12/25", 10, Calendar.SOLAR_HIJRI));
        assertEquals("15.1.1402", HijriDates.shift("5.1.1402", 10, Calendar.SOLAR_HIJRI));
        assertEquals("1445/01/01", HijriDates.shift("1444/12/30", 1, Calendar.HIJRI)); // Dhu al-Hijjah 1444 had 30 days
        assertEquals("22/03/1378", HijriDates.shift("12/03/1378", 10, Calendar.HIJRI));
        assertNull(HijriDates.shift("1402/12/30", 1, Calendar.SOLAR_HIJRI));
    }

    @Test
    void theCalendarIsToldByTheText() {
        assertEquals(Calendar.SOLAR_HIJRI, HijriDates.calendarOf("در تاریخ ۱۴۰۲/۱۲/۲۰"));
        assertEquals(Calendar.SOLAR_HIJRI, HijriDates.calendarOf("۱۴۰۲/۱۲/۲۰"));
        assertEquals(Calendar.HIJRI, HijriDates.calendarOf("بتاريخ 1445/03/12 هـ"));
        assertEquals(Calendar.HIJRI, HijriDates.calendarOf("١٤٤٥/٠٣/١٢"));
        assertNull(HijriDates.calendarOf("1402/12/20"));
        assertNull(HijriDates.calendarOf("הגיעה 1402/12/20"));
    }

    @Test
    void onlyYearsOfTheseCalendarsAreTheirs() {
        assertTrue(HijriDates.hasIslamicYear("1445/03/12"));
        assertTrue(HijriDates.hasIslamicYear("12/03/1378"));
        assertFalse(HijriDates.hasIslamicYear("2023/03/12"));
        assertFalse(HijriDates.hasIslamicYear("12/03/1958"));
    }
}

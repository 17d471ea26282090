package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.classify.MonthNames;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateValuesTest {

    @Test
    void isoDateShiftsForward() throws Exception {
        assertEquals("2024-01-25", DateValues.shift("2024-01-15", 10));
    }

    @Test
    void isoDateShiftsBackwardAcrossYearEnd() throws Exception {
        assertEquals("2023-12-26", DateValues.shift("2024-01-05", -10));
    }

    @Test
    void isoDateShiftsForwardAcrossYearEnd() throws Exception {
        assertEquals("2024-01-04", DateValues.shift("2023-12-25", 10));
    }

    @Test
    void isoDateShiftsAcrossMonthEnd() throws Exception {
        assertEquals("2023-02-01", DateValues.shift("2023-01-31", 1));
    }

    @Test
    void leapDayPlus365LandsOnTwentyEighthOfFebruary() throws Exception {
        assertEquals("2025-02-28", DateValues.shift("2024-02-29", 365));
    }

    @Test
    void leapDayMinus365LandsOnFirstOfMarch() throws Exception {
        assertEquals("2023-03-01", DateValues.shift("2024-02-29", -365));
    }

    @Test
    void shiftReachesLeapDay() throws Exception {
        assertEquals("2024-02-29", DateValues.shift("2024-02-28", 1));
    }

    @Test
    void isoDateWithoutPaddingStaysUnpadded() throws Exception {
        assertEquals("2024-1-6", DateValues.shift("2024-1-5", 1));
    }

    @ParameterizedTest(name = "{0} shifted by {1} is {2}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-10T14:05:09|3|2024-03-13T14:05:09",
        "2024-03-10 14:05|-3|2024-03-07 14:05",
        "2024-03-10T14:05|1|2024-03-11T14:05",
        "2024-03-10T14:05:09.123456Z|1|2024-03-11T14:05:09.123456Z",
        "2024-03-10T14:05:09,5|1|2024-03-11T14:05:09,5",
        "2024-03-10T23:59:59+02:00|1|2024-03-11T23:59:59+02:00",
        "2024-03-10T00:00:00-05:00|-1|2024-03-09T00:00:00-05:00",
        "2024-03-10T00:00:00+0530|1|2024-03-11T00:00:00+0530",
        "3/4/2021 10:30 PM|1|3/5/2021 10:30 PM",
        // a zone after a space (decision 0238): HealthKit's export, logs in UTC, a US zone's name
        "2024-01-08 07:00:00 -0500|3|2024-01-11 07:00:00 -0500",
        "2024-01-08 07:00:00 +0000|-8|2023-12-31 07:00:00 +0000",
        "2024-01-08 07:00:00 UTC|1|2024-01-09 07:00:00 UTC",
        "2024-07-08 07:00:00 EDT|1|2024-07-09 07:00:00 EDT",
        "08.01.2024 07:00 +0100|1|09.01.2024 07:00 +0100"})
    void dateTimeKeepsItsTimePartVerbatim(String value, int days, String expected) throws Exception {
        assertEquals(expected, DateValues.shift(value, days));
    }

    @Test
    void slashYearFirstDateShiftsAcrossYearEnd() throws Exception {
        assertEquals("2025/01/01", DateValues.shift("2024/12/31", 1));
    }

    @Test
    void unpaddedUsDateIsReadMonthFirstAndStaysUnpadded() throws Exception {
        assertEquals("3/5/2021", DateValues.shift("3/4/2021", 1));
        assertEquals("10/1/2021", DateValues.shift("9/30/2021", 1));
    }

    @Test
    void paddedUsDateIsReadMonthFirstAndStaysPadded() throws Exception {
        assertEquals("04/03/2021", DateValues.shift("03/04/2021", 30));
    }

    @Test
    void twoDigitYearStaysTwoDigitAcrossTheCentury() throws Exception {
        assertEquals("01/01/00", DateValues.shift("12/31/99", 1));
    }

    @Test
    void twoDigitYearZeroIsTheLeapYear2000() throws Exception {
        assertEquals("2/29/00", DateValues.shift("2/28/00", 1));
    }

    @Test
    void dotDateIsReadDayFirst() throws Exception {
        assertEquals("05.03.2021", DateValues.shift("04.03.2021", 1));
        assertEquals("01.01.2024", DateValues.shift("31.12.2023", 1));
    }

    @Test
    void dotDateWithTwoDigitYearReachesLeapDay() throws Exception {
        assertEquals("29.02.24", DateValues.shift("28.02.24", 1));
    }

    @Test
    void dashDateWithYearLastIsReadDayFirst() throws Exception {
        assertEquals("01-03-2023", DateValues.shift("28-02-2023", 1));
    }

    @Test
    void dicomDateShiftsAcrossYearEnd() throws Exception {
        assertEquals("20240101", DateValues.shift("20231231", 1));
    }

    @Test
    void aPostgresTimestampWithAWholeHoursOffsetIsShifted() throws Exception {
        // PostgreSQL writes a timestamptz's offset as +01 when its minutes are zero (a psql or COPY export)
        assertEquals("2023-02-07 08:20:11.482+01", DateValues.shift("2023-02-06 08:20:11.482+01", 1));
        assertEquals("2023-02-05 23:59:59-05", DateValues.shift("2023-02-06 23:59:59-05", -1));
        assertEquals("2023-02-07 08:20:11+05:30", DateValues.shift("2023-02-06 08:20:11+05:30", 1));
    }

    @Test
    void dicomDateTimeKeepsFractionAndOffset() throws Exception {
        assertEquals("20240101235959.123456+0100", DateValues.shift("20231231235959.123456+0100", 1));
    }

    @Test
    void dicomDateTimeLeapDayMinus365() throws Exception {
        assertEquals("20230301120000", DateValues.shift("20240229120000", -365));
    }

    @Test
    void monthPrecisionMovesByTheMiddleOfTheMonth() throws Exception {
        assertEquals("2024-04", DateValues.shift("2024-03", 31));
        assertEquals("2023-12", DateValues.shift("2024-01", -20));
        assertEquals("2024-03", DateValues.shift("2024-03", 10));
    }

    @Test
    void bareYearIsKept() throws Exception {
        assertEquals("1961", DateValues.shift("1961", 200));
    }

    @Test
    void surroundingWhitespaceIsKept() throws Exception {
        assertEquals(" 2024-01-16 ", DateValues.shift(" 2024-01-15 ", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "13/40/2020", "unknown", "", "   ", "2023-13-01", "20230230", "2024-00",
        "12345678", "2024-01-15T", "1/2/3", "2024-01-15 10:30 tomorrow"})
    void invalidDateIsReportedWithoutItsValue(String value) {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> DateValues.shift(value, 5));
        assertEquals("VALUE-NOT-A-DATE", e.code());
        if (!value.isBlank()) {
            assertFalse(e.getMessage().contains(value.strip()), e.getMessage());
        }
    }

    @Test
    void aTimeOfDayAloneIsWhatAWholeDaysShiftLeavesIt() throws Exception {
        // an extract's ADMIT_TIME beside its ADMIT_DATE: emptied as no date on every row before (decision 0231)
        for (String time : List.of("14:22", "09:15:02", "9:05 PM", "23:59:59.125", "00:10:00Z", "07:30:00+01:00")) {
            assertEquals(time, DateValues.shift(time, -257), time);
        }
        for (String notATime : List.of("25:00", "14:61", "14:22 tomorrow", "14:2")) {
            assertEquals("VALUE-NOT-A-DATE", assertThrows(UnprocessableValueException.class,
                    () -> DateValues.shift(notATime, 5)).code(), notATime);
        }
        assertEquals("2023-05-25 14:22", DateValues.shift("2024-02-06 14:22", -257), "a date and time moves its day");
    }

    @Test
    void onlyAZoneMayFollowATimeAfterASpace() throws Exception {
        // decision 0238 reads "-0500", "UTC" or "EDT" after a space; a word that is no zone is no part of a date
        for (String notADate : List.of("2024-01-08 07:00 Smith", "2024-01-08 07:00:00 XYZQ",
                "2024-01-08 07:00:00  -0500")) {
            assertEquals("VALUE-NOT-A-DATE", assertThrows(UnprocessableValueException.class,
                    () -> DateValues.shift(notADate, 5)).code(), notADate);
        }
    }

    @Test
    void aSystemsMarkerWhereADateWouldBeIsKept() throws Exception {
        // REDCap writes "[not completed]" in the timestamp of a survey not completed: emptied and reported as no date on
        // every such row before (decision 0176)
        assertEquals("[not completed]", DateValues.shift("[not completed]", 5));
        for (String notAMarker : List.of("[Not Completed]", "[Smith]", "[not completed 2023]", "not completed")) {
            assertEquals("VALUE-NOT-A-DATE", assertThrows(UnprocessableValueException.class,
                    () -> DateValues.shift(notAMarker, 5)).code(), "a value with a capital or a digit may be a person's");
        }
    }

    @Test
    void shiftBeyondYear9999IsReportedAsOutOfRange() {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> DateValues.shift("9999-12-31", 1));
        assertEquals("VALUE-DATE-OUT-OF-RANGE", e.code());
    }

    @ParameterizedTest(name = "year of {0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "2024-03-10T14:05|2024", "03/04/2021|2021", "3/4/45|1945", "3/4/21|2021", "04.03.99|1999",
        "20231231|2023", "20231231235959.1+0100|2023", "2024-03|2024", "1961|1961", " 1999-12-31 |1999"})
    void yearIsExtractedFromEveryNotation(String value, int year) throws Exception {
        assertEquals(year, DateValues.year(value));
    }

    @Test
    void pastYearReadsTwoDigitYearsInTheLatestCenturyNotInTheFuture() throws Exception {
        assertEquals(1928, DateValues.pastYear("3/4/28", 2026));
        assertEquals(2025, DateValues.pastYear("3/4/25", 2026));
        assertEquals(2026, DateValues.pastYear("1/1/26", 2026));
        assertEquals(2028, DateValues.year("3/4/28"));
        assertEquals(2030, DateValues.pastYear("2030-01-01", 2026));
    }

    @Test
    void yearOfNonDateIsReported() {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class, () -> DateValues.year("n/a"));
        assertEquals("VALUE-NOT-A-DATE", e.code());
    }

    @Test
    void isDateTellsDatesFromOtherValues() {
        assertTrue(DateValues.isDate("2024-02-29"));
        assertFalse(DateValues.isDate("2023-02-29"));
        assertFalse(DateValues.isDate("128/82"));
    }

    @Test
    void slashDateOfADayFirstColumnIsShiftedDayFirst() throws Exception {
        assertEquals("30/03/2022", DateValues.shift("25/03/2022", 5, true));
        assertEquals("03/30/2022", DateValues.shift("03/25/2022", 5, false));
    }

    @Test
    void zeroPaddingWritesWhatStringFormatWrote() {
        for (int v = -12_000; v <= 12_000; v++) {
            assertEquals(String.format(java.util.Locale.ROOT, "%02d", v), DateValues.zeroPadded(v, 2));
            assertEquals(String.format(java.util.Locale.ROOT, "%04d", v), DateValues.zeroPadded(v, 4));
        }
    }
    /**
     * The hand-written paths for the common notations (ISO, and day or month first with a four-digit year) must
     * give what the notations' regular expressions give — the same text, or the same error — for dates, near
     * misses and impossible dates alike, in both slash orders.
     */
    @Test
    void fastPathsShiftExactlyAsTheNotationPatterns() {
        java.util.Random rng = new java.util.Random(20261130);
        String[] seps = {".", "/", "-", ".", "/", ":", ""};
        String[] times = {"", "", " 08:15", "T23:59", " 07:02:00", "T07:02:00Z", " 13:24:05.123", "T01:02+01:00",
            " 1:02", " 08:15 PM", "T08:15:00,5", " 08:15:00.1234567890", "Z", " 08", "x", " 08:20:11.482+01",
            " 08:20-05", "T08:20:11+1", " 08:20:11+013"};
        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            String sep = seps[rng.nextInt(seps.length)];
            String sep2 = rng.nextInt(20) == 0 ? seps[rng.nextInt(seps.length)] : sep;
            String a = number(rng, rng.nextInt(8) == 0 ? 3 : 1 + rng.nextInt(2), 1 + rng.nextInt(31));
            String b = number(rng, rng.nextInt(8) == 0 ? 3 : 1 + rng.nextInt(2), 1 + rng.nextInt(13));
            int yearDigits = rng.nextInt(10) == 0 ? 2 + rng.nextInt(4) : 4;
            String y = number(rng, yearDigits, rng.nextInt(10) == 0 ? rng.nextInt(10_000) : 1900 + rng.nextInt(200));
            String date = (rng.nextInt(6) == 0 ? y + sep + b + sep2 + a : a + sep + b + sep2 + y)
                    + times[rng.nextInt(times.length)];
            String value = rng.nextInt(15) == 0 ? " " + date + "  " : date;
            int days = rng.nextInt(10) == 0 ? rng.nextInt(4_000_000) - 2_000_000 : rng.nextInt(2001) - 1000;
            boolean dayFirst = rng.nextBoolean();
            assertEquals(outcome(() -> DateValues.shiftByNotations(value, days, dayFirst)),
                    outcome(() -> DateValues.shift(value, days, dayFirst)), value + " by " + days);
            checked++;
        }
        assertEquals(200_000, checked);
    }

    private interface Shift {
        String get() throws UnprocessableValueException;
    }

    private static String outcome(Shift shift) {
        try {
            return shift.get();
        } catch (UnprocessableValueException e) {
            return "error " + e.code();
        }
    }

    /** {@code value} in {@code digits} digits, zero-padded or cut to the last digits. */
    private static String number(java.util.Random rng, int digits, int value) {
        String s = Integer.toString(value);
        if (s.length() > digits) {
            return s.substring(s.length() - digits);
        }
        boolean pad = digits > s.length() && (digits != 2 || rng.nextBoolean());
        return pad ? "0".repeat(digits - s.length()) + s : s;
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        // Oracle's DD-MON-YY and DD-MON-YYYY, with a TIMESTAMP's time (decision 0115)
        "03-FEB-2023|10|13-FEB-2023",
        "03-FEB-23|10|13-FEB-23",
        "28-DEC-22|10|07-JAN-23",
        "27-FEB-23|10|09-MAR-23",
        "03-Feb-2023|-10|24-Jan-2023",
        "03-FEB-23 10.15.00.000000 AM|10|13-FEB-23 10.15.00.000000 AM",
        // SAS's DATE9, DATE7 and DATETIME
        "03FEB2023|10|13FEB2023",
        "03FEB23|10|13FEB23",
        "28FEB2023:10:15:00|10|10MAR2023:10:15:00",
        // report styles: the month's name and case as written, the day padded only when it was
        "3 Feb 2023|10|13 Feb 2023",
        "03 FEB 2023 10:15|10|13 FEB 2023 10:15",
        "Feb 3, 2023|10|Feb 13, 2023",
        // Strava's export: a comma before the time too (decision 0243)
        "Jan 8, 2024, 11:10:31 AM|10|Jan 18, 2024, 11:10:31 AM",
        "Dec 28, 2023, 6:10:31 PM|10|Jan 7, 2024, 6:10:31 PM",
        "February 27, 2023|10|March 9, 2023",
        "Sept 30, 2023|10|Oct 10, 2023",
        "feb 3, 2023|10|feb 13, 2023",
        // May is a full name and an abbreviation: abbreviated only where every month is
        "05-MAY-22|60|04-JUL-22",
        "05MAY2022|60|04JUL2022",
        "May 3, 2023|60|July 2, 2023",
        "3 May 2023|60|2 July 2023",
        // ... and where it is written in capitals, as Rave's raw dates and reports do (decision 0175)
        "24 MAY 1974|238|17 JAN 1975",
        "24 MAY 1948|-83|02 MAR 1948",
        "JUN 3, 2023|-31|MAY 3, 2023",
        "May. 3, 2023|60|Jul. 2, 2023",
        "Jul 3, 2023|-60|May 4, 2023"})
    void datesWithTheMonthsNameShiftInTheirOwnNotation(String value, int days, String expected) throws Exception {
        assertEquals(expected, DateValues.shift(value, days));
        assertTrue(DateValues.isDate(value), value);
    }

    /**
     * Oracle's DD-MON-YY(YY) in the session's language and the reports' dates in other languages (decision 0119): shifted,
     * the new month written in the language, length, case and accents of the original.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        // Italian: GEN FEB MAR APR MAG GIU LUG AGO SET OTT NOV DIC
        "05-MAG-2023|10|15-MAG-2023",
        "25-MAG-2023|10|04-GIU-2023",
        "29-DIC-2022|5|03-GEN-2023",
        // Spanish: ENE FEB MAR ABR MAY JUN JUL AGO SEP OCT NOV DIC
        "03-ENE-2023|30|02-FEB-2023",
        "25-ABR-2023|-30|26-MAR-2023",
        // German: MÄR (also MRZ), MAI, OKT, DEZ
        "14-MÄR-23|-20|22-FEB-23",
        "30-DEZ-22|2|01-JAN-23",
        "25-OKT-22|10|04-NOV-22",
        // FEB is English's too: a shared abbreviation is read in the first language that has it
        "20-FEB-23|10|02-MAR-23",
        // reports: Italian, Spanish with "de", German with the dot after the day, French with and without accents
        "12 marzo 2023|30|11 aprile 2023",
        "12 de marzo de 2023|30|11 de abril de 2023",
        "3. März 2023|30|2. April 2023",
        // a month German and English share, after German's dot: German still (decision 0150)
        "4. April 2023|64|7. Juni 2023",
        "1. Mai 2023|61|1. Juli 2023",
        "3 Marz 2023|-10|21 Februar 2023",
        "25 juillet 2023|10|4 août 2023",
        "25 fevrier 2023|10|7 mars 2023",
        "25 février 2023|10|7 mars 2023",
        "28 grudnia 2022|10|7 stycznia 2023",
        // Polish: a word written in ASCII gets no letter beyond Latin-1, which a Windows-1252 file could not write
        "12 marca 2023|180|8 wrzesnia 2023",
        "12 lutego 2023|240|10 pazdziernika 2023",
        "3 października 2023|-30|3 września 2023"})
    void datesWithAMonthsNameInAnotherLanguageShiftInThatLanguage(String value, int days, String expected)
            throws Exception {
        assertEquals(expected, DateValues.shift(value, days));
        assertTrue(DateValues.isDate(value), value);
    }

    /** A column's language of month names decides an abbreviation several languages share (decision 0119). */
    @Test
    void aColumnsLanguageWritesASharedAbbreviationsNewMonth() throws Exception {
        assertEquals("29-DEC-2022", DateValues.shift("12-MAR-2023", -73, false, null));
        assertEquals("29-DIC-2022", DateValues.shift("12-MAR-2023", -73, false, MonthNames.Language.ES));
        assertEquals("10-AGO-2022", DateValues.shift("05-MAY-2023", -268, false, MonthNames.Language.ES));
        assertEquals("10-AGO-2022", DateValues.shift("05-MAG-2023", -268, false, MonthNames.Language.IT));
        assertEquals("03-GEN-2023", DateValues.shift("29-DIC-2022", 5, false, MonthNames.Language.IT));
        assertEquals("03-ENE-2023", DateValues.shift("29-DIC-2022", 5, false, MonthNames.Language.ES));
        // a word the column's language does not have is read in the first language that has it
        assertEquals("13-FEB-2023", DateValues.shift("03-FEB-2023", 10, false, MonthNames.Language.PL));
        assertEquals("2023-02-13", DateValues.shift("2023-02-03", 10, false, MonthNames.Language.ES));
    }

    @Test
    void wordsAndImpossibleDaysWithAMonthShapeAreNoDates() throws Exception {
        assertEquals(2023, DateValues.shiftedYear("28-DEC-22", 10), "a shifted year");
        assertEquals(1941, DateValues.pastYear("14-MAR-41", 2026), "a two-digit birth year lies in the past");
        // "MAY 2023" and "Feb 2023" are a month and its year, a date since decision 0152 (MonthYearsTest)
        for (String v : java.util.List.of("31-FOO-2023", "30-FEB-2023", "03-FEBR-2023", "AB-FEB-2023", "MAYO2023",
                "Feb2023", "03FEB", "Mar 3rd, 2023x")) {
            assertFalse(DateValues.isDate(v), v);
            assertThrows(UnprocessableValueException.class, () -> DateValues.shift(v, 10), v);
        }
    }

    /** Decision 0181: FileMan writes the month first in capitals, no zero before the day, no space after the comma. */
    @Test
    void aFileManExternalDateKeepsItsNotation() throws Exception {
        assertEquals("FEB 13,1931", DateValues.shift("FEB 16,1931", -3));
        assertEquals("SEP 9,1966", DateValues.shift("SEP 19,1966", -10));
        assertEquals("MAR 22,2023@14:30", DateValues.shift("MAR 12,2023@14:30", 10));
        assertEquals("MAR 24, 2023@09:05:12", DateValues.shift("MAR 14, 2023@09:05:12", 10));
        // a day written with its zero keeps it, and day-first capitals stay two digits (decision 0175)
        assertEquals("MAR 2,2023", DateValues.shift("FEB 27,2023", 3));
        assertEquals("MAR 05,2023", DateValues.shift("MAR 02,2023", 3));
        assertEquals("02 MAR 2023", DateValues.shift("27 FEB 2023", 3));
    }
}

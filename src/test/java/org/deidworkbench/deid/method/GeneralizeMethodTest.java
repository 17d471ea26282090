package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.model.Generalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeneralizeMethodTest {

    private static final FieldContext CONTEXT = new FieldContext(null, "field");

    /** With a zero offset for records of no subject (a run's is never 0): the notation's year as written. */
    private static String apply(Generalization kind, String value) throws Exception {
        return new GeneralizeMethod(kind, 2026, 0).apply(value, CONTEXT);
    }

    private static String apply(Generalization kind, String value, int subjectOffset) throws Exception {
        return new GeneralizeMethod(kind, 2026, 0).apply(value, new FieldContext(new Subject("P", subjectOffset), "f"));
    }

    @ParameterizedTest(name = "age {0} is in band {1}")
    @CsvSource({"0,0-4", "4,0-4", "5,5-9", "44,40-44", "45,45-49", "84,80-84", "85,85-89", "89,85-89", "90,90+",
        "120,90+", "' 45 ',45-49", "45 years,45-49"})
    void ageInYearsBecomesAFiveYearBandAndOver89Becomes90Plus(String age, String band) throws Exception {
        assertEquals(band, apply(Generalization.AGE_BAND, age));
    }

    @ParameterizedTest(name = "DICOM age {0} is in band {1}")
    @CsvSource({"045Y,45-49", "089Y,85-89", "090Y,90+", "006M,0-4", "003W,0-4", "010D,0-4", "072M,5-9", "520W,5-9",
        "999D,0-4", "999M,80-84"})
    void dicomAgeStringIsConvertedToYearsBeforeBanding(String age, String band) throws Exception {
        assertEquals(band, apply(Generalization.AGE_BAND, age));
    }

    @ParameterizedTest
    @ValueSource(strings = {"forty", "-5", "45.5", "", "1000"})
    void valueThatIsNotAnAgeIsReported(String value) {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> apply(Generalization.AGE_BAND, value));
        assertEquals("VALUE-NOT-AN-AGE", e.code());
    }

    @ParameterizedTest(name = "ZIP {0} becomes {1}")
    @CsvSource({"02139,021", "02139-1234,021", "' 90210 ',902", "03601,000", "89012-3456,000", "05901,000", "82301,000", "021391234,021"})
    void zipKeepsThreeDigitsAndRestrictedAreasBecome000(String zip, String expected) throws Exception {
        assertEquals(expected, apply(Generalization.ZIP3, zip));
    }

    @ParameterizedTest(name = "UK postcode {0} becomes its area {1}")
    @CsvSource({"SW1A 1AA,SW", "OX4 1HP,OX", "cf10 3nq,CF", "B12 9QL,B", "SW1A1AA,SW", "' M1 1AE ',M"})
    void aUkPostcodeKeepsItsArea(String postcode, String expected) throws Exception {
        assertEquals(expected, apply(Generalization.ZIP3, postcode));
    }

    @ParameterizedTest(name = "four-digit postcode {0} becomes its region {1}")
    @CsvSource({"1010,10", "8001,80", "2000,20", "' 4051 ',40", "1015 CJ,10", "1015CJ,10", "2139,21"})
    void aFourDigitPostcodeKeepsTwoDigits(String postcode, String expected) throws Exception {
        // Vienna, Zürich, Sydney, Basel, Amsterdam (with its letters), a US ZIP whose leading zero a spreadsheet dropped
        assertEquals(expected, apply(Generalization.ZIP3, postcode));
    }

    /** A Brazilian CEP keeps its first two digits, an Indian PIN code its first three (decision 0125). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"01310-100,01", "40080-004,40", "560001,560", "141010,141"})
    void aBrazilianCepOrAnIndianPinCodeKeepsItsRegion(String postcode, String expected) throws Exception {
        assertEquals(expected, apply(Generalization.ZIP3, postcode));
    }

    /**
     * A Japanese postcode keeps its first two digits, a Canadian postal code its first letter, the postal district
     * (decision 0135); both used to be emptied.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"〒100-0001,10", "530-0001,53", "1000001,10", "〒 060-0806,06",
        "K1A 0B1,K", "p1a2c7,P", "H3Z 2Y7,H"})
    void aJapanesePostcodeKeepsTwoDigitsAndACanadianOneItsDistrictLetter(String postcode, String expected)
            throws Exception {
        assertEquals(expected, apply(Generalization.ZIP3, postcode));
    }

    /** Canadian codes never start with D, F, I, O, Q, U, W or Z, and a Japanese one has seven digits. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"D1A 0B1", "Z9Z 9Z9", "100-001", "〒100-00011"})
    void lookalikesOfThosePostcodesAreStillRefused(String postcode) {
        org.junit.jupiter.api.Assertions.assertThrows(org.deidworkbench.deid.UnprocessableValueException.class,
                () -> apply(Generalization.ZIP3, postcode));
    }

    /** A ZIP's first three digits alone (HCUP's ZIP3) are kept, 000 for the small areas (decision 0229). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"759,759", "021,021", "036,000", "' 692 ',000"})
    void aZip3AloneIsKept(String zip3, String expected) throws Exception {
        assertEquals(expected, apply(Generalization.ZIP3, zip3));
    }

    /** A Polish (00-360) or Portuguese (1000-001) postcode keeps its first two digits (decision 0119). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"00-360,00", "80-827,80", "31-858,31", "1000-001,10", "4050-123,40"})
    void aPolishOrPortuguesePostcodeKeepsTwoDigits(String postcode, String expected) throws Exception {
        assertEquals(expected, apply(Generalization.ZIP3, postcode));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABCDE", "0213912345", "02139-12", "0-360", "00-36", "123-456", "OX4", "SW1A 1A", "12", "1015 C", "012345", "7S9"})
    void valueThatIsNotAZipIsReportedWithoutItsValue(String value) {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> apply(Generalization.ZIP3, value));
        assertEquals("VALUE-NOT-A-ZIP", e.code());
        assertFalse(e.getMessage().contains(value), e.getMessage());
    }

    @ParameterizedTest(name = "{0} becomes year {1}")
    @CsvSource({"1961-04-13,1961", "04/13/1961 10:00,1961", "19610413,1961", "1961,1961"})
    void dateBecomesItsYear(String date, String year) throws Exception {
        assertEquals(year, apply(Generalization.YEAR, date));
    }

    @Test
    void yearOfANonDateIsReported() {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> apply(Generalization.YEAR, "n/a"));
        assertEquals("VALUE-NOT-A-DATE", e.code());
    }

    @ParameterizedTest(name = "born {0}, reference year 2026: {1}")
    @CsvSource({"1936-12-31,<=1936", "1900-01-01,<=1936", "1937-01-01,1937", "2001-05-05,2001", "3/4/28,<=1936",
        "3/4/25,2025", "03.04.45,1945"})
    void birthDateBecomesYearAndThoseWhoMayBe90OrOlderAreAggregated(String birth, String expected) throws Exception {
        assertEquals(expected, apply(Generalization.BIRTH_YEAR, birth));
    }

    /**
     * Decision 0091: the year kept is the year shift-date would write for the same subject, so that a birth year in a
     * FHIR export and the shifted birth date in the CSV export of the same person agree, and together tell nothing of
     * the offset.
     */
    @ParameterizedTest(name = "{0} shifted by {2} days keeps year {3}")
    @CsvSource({"1980-12-20,DATE,15,1981", "1980-01-10,DATE,-15,1979", "12/20/1980,DATE,15,1981", "19801220,DATE,15,1981",
        "1980-12,DATE,20,1981", "1980,DATE,200,1980", "1980-06-15,DATE,15,1980",
        "1980-12-20,BIRTH,15,1981", "1980-01-10,BIRTH,-15,1979", "12/20/80,BIRTH,15,1981", "1980-06-15,BIRTH,-15,1980"})
    void theYearIsThatOfTheShiftedDate(String date, String kind, int offset, String year) throws Exception {
        Generalization g = kind.equals("DATE") ? Generalization.YEAR : Generalization.BIRTH_YEAR;
        assertEquals(year, apply(g, date, offset));
        assertEquals(year, Integer.toString(org.deidworkbench.deid.DateValues.pastYear(
                org.deidworkbench.deid.DateValues.shift(date, offset), kind.equals("DATE") ? 2030 : 2026)),
                "the year of what shift-date writes");
    }

    @Test
    void recordsOfNoSubjectUseTheRunsOffset() throws Exception {
        GeneralizeMethod m = new GeneralizeMethod(Generalization.YEAR, 2026, 30);
        assertEquals("1981", m.apply("1980-12-20", CONTEXT));
        assertEquals("1980", new GeneralizeMethod(Generalization.YEAR, 2026, -30).apply("1980-12-20", CONTEXT));
    }

    @Test
    void aBirthYearIsAggregatedWhenTheOriginalOrTheShiftedYearIs90YearsBack() throws Exception {
        // born in the last days of 1936: 90 in 2026 even though the shifted date falls in 1937
        assertEquals("<=1936", apply(Generalization.BIRTH_YEAR, "1936-12-25", 20));
        // born early in 1937, shifted back into 1936
        assertEquals("<=1936", apply(Generalization.BIRTH_YEAR, "1937-01-05", -20));
        assertEquals("1937", apply(Generalization.BIRTH_YEAR, "1937-01-05", 20));
    }

    /**
     * Decision 0105: a birth date is shifted as shift-date shifts it, in its own notation, but anyone who may be 90 or
     * older in the reference year (by the original or the shifted year) gets birth-year's band marker instead, so a
     * full birth date never tells an age that an age band of 90+ beside it hides.
     */
    @ParameterizedTest(name = "born {0}, shifted by {1} days, reference year 2026: {2}")
    @CsvSource({"1980-06-15,10,1980-06-25", "06/15/1980,-20,05/26/1980", "15.06.1980,10,25.06.1980",
        "19800615,10,19800625", "1980-06-15T08:30:00,10,1980-06-25T08:30:00", "1937-06-01,-5,1937-05-27",
        "1931-12-31,30,<=1936", "1900-01-01,-30,<=1936", "1936-12-30,10,<=1936", "1937-01-05,-20,<=1936",
        "1931,0,<=1936", "1990,100,1990", "3/4/28,10,<=1936", "3/4/25,10,3/14/25"})
    void aBirthDateIsShiftedAndAggregatedForThoseWhoMayBe90OrOlder(String birth, int offset, String expected)
            throws Exception {
        assertEquals(expected, apply(Generalization.BIRTH_DATE, birth, offset));
    }

    @Test
    void aBirthDateIsWrittenAsShiftDateWouldWriteIt() throws Exception {
        Subject s = new Subject("P", 37);
        ShiftDateMethod shift = new ShiftDateMethod(5);
        GeneralizeMethod birth = new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, 5);
        for (String date : new String[] {"1961-04-13", "4/13/1961", "13.04.1961", " 1961-04-13 "}) {
            assertEquals(shift.apply(date, new FieldContext(s, "f")), birth.apply(date, new FieldContext(s, "f")), date);
            assertEquals(shift.apply(date, CONTEXT), birth.apply(date, CONTEXT), date + ", no subject");
        }
        GeneralizeMethod dayFirst = new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, 5, true, null);
        assertEquals("20/05/1961", dayFirst.apply("13/04/1961", new FieldContext(s, "f")));
        assertThrows(UnprocessableValueException.class, () -> birth.apply("unknown", CONTEXT));
    }

    /**
     * Decision 0225: a birth date without its day (SDTM's partial {@code BRTHDTC 1944-03}, {@code 03/1944}) gives its
     * shifted year only: shifted from the middle of its month, an offset of under half a month gave the month of birth
     * back as written, whatever the key. Not attested as a shifted date: it is none.
     */
    @Test
    void aBirthDateWithoutItsDayGivesItsShiftedYearOnly() throws Exception {
        java.util.List<String> attested = new java.util.ArrayList<>();
        GeneralizeMethod birth = new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, 5, false,
                (subject, written) -> attested.add(written));
        for (int offset : new int[] {-365, -20, -3, 0, 1, 9, 14, 200}) {
            FieldContext c = new FieldContext(new Subject("P", offset), "f");
            String year = Integer.toString(java.time.LocalDate.of(1944, 3, 16).plusDays(offset).getYear());
            assertEquals(year, birth.apply("1944-03", c), "offset " + offset);
            assertEquals(year, birth.apply("194403", c), "offset " + offset);
            assertEquals(year, birth.apply("03/1944", c), "offset " + offset);
            birth.reused("1944-03", year, c);
        }
        assertEquals("<=1936", birth.apply("1936-12", new FieldContext(new Subject("P", 20), "f")));
        assertEquals(java.util.List.of(), attested);
        assertEquals("1961-04-18", birth.apply("1961-04-13", CONTEXT), "a whole date stays a shifted date");
    }

    /** A UK column's birth date with a day above 12 is a date day first, for the year kinds too. */
    @Test
    void dayFirstSlashDatesGiveTheirYears() throws Exception {
        FieldContext c = new FieldContext(new Subject("P", 20), "f");
        assertEquals("<=1936", new GeneralizeMethod(Generalization.BIRTH_YEAR, 2026, 5, true, null).apply("25/12/1931", c));
        assertEquals("1981", new GeneralizeMethod(Generalization.BIRTH_YEAR, 2026, 5, true, null).apply("25/12/1980", c));
        assertEquals("1981", new GeneralizeMethod(Generalization.YEAR, 2026, 5, true, null).apply("25/12/1980", c));
        assertEquals("<=1936", new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, 5, true, null).apply("25/12/1931", c));
        assertThrows(UnprocessableValueException.class,
                () -> new GeneralizeMethod(Generalization.BIRTH_YEAR, 2026, 5).apply("25/12/1931", c));
    }

    @Test
    void aShiftedBirthDateIsAttestedAsShiftDateAttestsItAndTheBandMarkerIsNot() throws Exception {
        java.util.List<String> attested = new java.util.ArrayList<>();
        GeneralizeMethod birth = new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, 5, false,
                (subject, written) -> attested.add(subject.pseudonym() + " " + written));
        Subject s = new Subject("P", 10);
        birth.apply("1980-06-15", new FieldContext(s, "f"));
        birth.apply("1931-06-15", new FieldContext(s, "f"));
        birth.reused("1980-06-15", "1980-06-25", new FieldContext(s, "f"));
        birth.apply("1980-06-15", CONTEXT);
        assertEquals(java.util.List.of("P 1980-06-25", "P 1980-06-25"), attested);
    }

    @Test
    void yearsDependOnTheSubjectSoNoCallerCachesThemByValue() {
        assertTrue(new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, 1).dependsOnSubject("1980-01-01"));
        assertTrue(new GeneralizeMethod(Generalization.YEAR, 2026, 1).dependsOnSubject("1980-01-01"));
        assertTrue(new GeneralizeMethod(Generalization.BIRTH_YEAR, 2026, 1).dependsOnSubject("1980-01-01"));
        assertFalse(new GeneralizeMethod(Generalization.ZIP3, 2026, 1).dependsOnSubject("02139"));
    }

    /** Decision 0124: a code is kept, an age over 89 in it aggregated. */
    @ParameterizedTest(name = "code {0} becomes {1}")
    @CsvSource({"DEM|AGE:91,DEM|AGE:90+", "DEM|AGE:45,DEM|AGE:45", "ICD10:E11.9,ICD10:E11.9", "AGE_GT_89,AGE_GT_89"})
    void aCodeIsKeptButAnAgeOver89InItIsAggregated(String code, String result) throws Exception {
        assertEquals(result, apply(Generalization.CODE, code));
    }

    /** Decision 0236: a GS1 UDI keeps its device identifier, the model; the serial, lot and dates go. */
    @ParameterizedTest(name = "UDI {0} becomes {1}")
    @CsvSource(delimiter = '|', value = {
        "(01)00889024123456(17)290131(10)64328817(21)ZB7731904412|(01)00889024123456",
        "(01)00643169876543(11)231115(17)260630(21)PJN4418207H|(01)00643169876543",
        " (21)SN-4471(01)00643169876543 |(01)00643169876543",
        "(01)00643169876543|(01)00643169876543"})
    void aUdiKeepsItsDeviceIdentifierAlone(String udi, String result) throws Exception {
        assertEquals(result, apply(Generalization.UDI, udi));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0100889024123456172901311064328817", "+H123PROD1234/$$3290131LOT123/S12345",
        "(21)ZB7731904412", "(01)0088902412345(21)X", "(01)00889024123456 and more", "ZB7731904412"})
    void whatIsNoReadableUdiIsReportedAndEmptiedNeverKept(String value) {
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> apply(Generalization.UDI, value));
        assertEquals("VALUE-NOT-A-UDI", e.code());
        assertFalse(e.getMessage().contains("ZB77"), "the message names no value");
    }
}

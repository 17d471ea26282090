package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.model.Generalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeneralizeMethodTest {

    private static final FieldContext CONTEXT = new FieldContext(null, "field");

    private static String apply(Generalization kind, String value) throws Exception {
        return new GeneralizeMethod(kind, 2026).apply(value, CONTEXT);
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

    @ParameterizedTest
    @ValueSource(strings = {"2139", "ABCDE", "0213912345", "02139-12", "SW1A 1AA"})
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
}

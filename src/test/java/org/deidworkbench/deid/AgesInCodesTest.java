package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgesInCodesTest {

    @ParameterizedTest(name = "{0} becomes {1}")
    @CsvSource(delimiter = ';', value = {
        "DEM|AGE:91;DEM|AGE:90+", "DEM|AGE:90;DEM|AGE:90+", "DEM|AGE:104;DEM|AGE:90+", "age_91;age_90+",
        "AGE91;AGE90+", "AGE:93Y;AGE:90+Y", "age_92_years;age_90+_years", "PCORNET:AGE 95;PCORNET:AGE 90+",
        "DEM|AGE:90-94;DEM|AGE:90+", "AGE_GT_95;AGE_GT_89", "AGE_GE_92;AGE_GE_90", "AGE>=93;AGE>=90", "AGE>91;AGE>89",
        "AGE_OVER_99;AGE_OVER_89", "Age: 96;Age: 90+", "DEM|AGE:91,DEM|AGE:97;DEM|AGE:90+,DEM|AGE:90+"})
    void anAgeOver89InACodeIsAggregated(String code, String grouped) {
        assertEquals(grouped, AgesInCodes.group(code));
    }

    @ParameterizedTest(name = "{0} is kept")
    @ValueSource(strings = {"DEM|AGE:89", "DEM|AGE:45", "age_7", "AGE_GT_89", "AGE_GE_90", "AGE>89", "AGE_OVER_89",
        "LOINC:30525-0", "ICD10:E11.9", "LOINC:4548-4", "NDC:00378018001", "STAGE:93", "PAGE:91", "MESSAGE_95",
        "AGENT:91", "AGE:91A", "AGE:91.5", "AGE:9100", "age-adjusted 95", "DEM|SEX:F", "MED:DOSE", "AGE:150", "",
        "ge", "AGE", "age_group_9"})
    void ordinaryCodesAndAgesUpTo89AreKeptAsTheSameInstance(String code) {
        assertSame(code, AgesInCodes.group(code));
    }
}

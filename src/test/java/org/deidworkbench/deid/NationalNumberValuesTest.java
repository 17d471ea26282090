package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.deid.classify.ColumnClass;
import org.deidworkbench.deid.classify.ColumnClassifier;
import org.deidworkbench.deid.classify.NameDictionary;
import org.deidworkbench.deid.classify.ValueStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision 0138: a whole value as a national or health number by its check digits (synthetic numbers only). */
class NationalNumberValuesTest {

    private static final NationalNumberValues CHECK = NationalNumberValues.INSTANCE;

    /** One of each kind, with valid check digits, as the adversarial corpus's {@code opaque/Query1.csv} writes them. */
    private static final List<String> VALID = List.of("QUEC580312MDFNLL09", "12.345.678-5", "137-246-805 66",
            "12035804157", "943 476 5919", "2345 6789 0124", "529.982.247-25", "52998224725", "1-1017-00011-04-6");

    @ParameterizedTest
    @ValueSource(strings = {"QUEC580312MDFNLL09", "12.345.678-5", "137-246-805 66", "12035804157", "943 476 5919",
        "2345 6789 0124", "529.982.247-25", "52998224725", "9434765919"})
    void aNumberWithItsCheckDigitsPasses(String value) {
        assertTrue(CHECK.passes(value), "a valid national number was not taken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUEC580312MDFNLL08", "12.345.678-4", "137-246-805 67", "943 476 5918", "2345 6789 0125",
        "529.982.247-26", "52998224726"})
    void theSameNumberWithAWrongCheckDigitFails(String value) {
        assertFalse(CHECK.passes(value), "a wrong check digit passed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E11.9", "4548-4", "2023-03-12", "1234.50", "1.250.000", "+52 55 1234 5678",
        "5e1c0000-1b2c-43d4-a5e6-7f8091a2b3c4", "01310-100", "H800121", "Jl. Merdeka No. 3"})
    void codesDatesAmountsPhonesAndPostcodesAreNoNationalNumbers(String value) {
        assertFalse(CHECK.passes(value), "taken for a national number");
    }

    private static ColumnClass classify(String header, List<String> values) {
        ValueStats stats = new ValueStats(NameDictionary.get(), CHECK);
        values.forEach(stats::add);
        return ColumnClassifier.classify(header, stats).columnClass();
    }

    @Test
    void aColumnOfEightCountriesNumbersUnderColumn7IsANationalId() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            values.addAll(List.of("QUEC580312MDFNLL09", "12.345.678-5", "137-246-805 66", "12035804157", "943 476 5919",
                    "2345 6789 0124", "529.982.247-25", "512-44-3187"));
        }
        assertEquals(ColumnClass.NATIONAL_ID, classify("Column7", values));
        assertEquals(ColumnClass.NATIONAL_ID, classify("Nomor Identitas", values));
    }

    /**
     * A visits table repeats each patient's national number, written without its groups: eleven-digit integers that
     * repeat are no record numbers by their shape, and were kept as numbers.
     */
    @Test
    void aRepeatedBareNationalNumberIsANationalIdNotANumberToKeep() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            values.addAll(List.of("52998224725", "11144477735", "39053344705", "12035804157", "13724680566",
                    "20491836663"));
        }
        assertEquals(ColumnClass.NUMBER, ColumnClassifier.classify("VAR0012", stats(values, null)).columnClass(),
                "without the check: kept as numbers");
        assertEquals(ColumnClass.NATIONAL_ID, classify("VAR0012", values));
    }

    private static ValueStats stats(List<String> values, NationalNumberValues check) {
        ValueStats stats = check == null ? new ValueStats(NameDictionary.get()) : new ValueStats(NameDictionary.get(), check);
        values.forEach(stats::add);
        return stats;
    }

    /**
     * Eleven-digit numbers of no register: a tenth or so pass one check or another by chance (CPF, TC Kimlik, SNILS,
     * AMKA, CUIL, IMSS), never the share that makes a column of national numbers.
     */
    @Test
    void elevenDigitNumbersThatPassByChanceAreNotNationalNumbers() {
        List<String> values = new ArrayList<>();
        int passing = 0;
        for (long i = 0; i < 200; i++) {
            String v = Long.toString(30000000000L + i * 104729L * 37L);
            values.add(v);
            passing += CHECK.passes(v) ? 1 : 0;
        }
        assertTrue(passing > 0 && passing < 60, "the sample does not probe chance passes: " + passing + " of 200");
        assertNotEquals(ColumnClass.NATIONAL_ID, classify("Column9", values));
    }

    @Test
    void aColumnWithHalfItsValuesValidIsNotTakenForNationalNumbers() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add("529.982.247-25");
            values.add("529.982.24" + i % 10 + "-" + (10 + i));
        }
        assertNotEquals(ColumnClass.NATIONAL_ID, classify("Column7", values));
    }

    @Test
    void theFixturesOfThisTestAreValid() {
        for (String v : VALID) {
            assertTrue(CHECK.passes(v), "fixture " + VALID.indexOf(v) + " is not valid");
        }
    }
}

package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decision 0245: the headers of South African, Nigerian, Kenyan and Ghanaian exports and the columns under them
 * (synthetic values). With main's jar a Lagos hospital's {@code NIN} was kept as numbers, its {@code Other Names} (the
 * given names) and {@code LGA} as text, a Kenyan {@code Ward} as text, and a medical aid's member number scrubbed to
 * "BON [PHONE]".
 */
class AfricanHeadersTest {

    private static ColumnClass classify(String header, String... values) {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of(values).forEach(stats::add);
        return ColumnClassifier.classify(header, stats).columnClass();
    }

    @Test
    void nigeriasNationalNumberIsANationalId() {
        assertEquals(ColumnClass.NATIONAL_ID, classify("NIN", "12345678901", "23456789012", "34567890123",
                "45678901234"));
    }

    @Test
    void otherNamesAreGivenNames() {
        assertEquals(ColumnClass.PERSON_NAME, classify("Other Names", "Oluwaseun Babatunde", "Ngozi Adaeze",
                "Aminu Sani", "Chinedu Ikechukwu"));
        assertEquals(ColumnClass.PERSON_NAME, classify("OTHER_NAMES", "Oluwaseun Babatunde", "Ngozi Adaeze",
                "Aminu Sani", "Chinedu Ikechukwu"));
    }

    @Test
    void aLocalGovernmentAreaIsAPlace() {
        assertEquals(ColumnClass.PLACE, classify("LGA", "Eti-Osa", "Ikeja", "Gwarinpa", "Surulere"));
    }

    /** An administrative ward is a place; a hospital's ward, of ordinary words or a number, stays what it was. */
    @Test
    void aWardOfPlacesIsAPlaceAndAHospitalsWardIsNot() {
        assertEquals(ColumnClass.PLACE, classify("Ward", "Laini Saba", "Nyalenda B", "Kangemi", "Makina", "Sarang'ombe"));
        assertNotEquals(ColumnClass.PLACE, classify("Ward", "Female Surgical", "Maternity", "Male Medical", "Paediatric",
                "Maternity", "Female Surgical"));
        assertNotEquals(ColumnClass.PLACE, classify("Ward", "Ward 7A", "Ward 5B", "ICU", "Ward 7A"));
    }

    @Test
    void aMedicalAidsMemberNumberIsRemovedAndItsSchemeKept() {
        assertEquals(ColumnClass.NATIONAL_ID, classify("Medical Aid Number", "DH4471203", "BON887123", "MOM5520019",
                "GEMS0091823"));
        assertNotEquals(ColumnClass.NATIONAL_ID, classify("Medical Aid", "Discovery Health", "Bonitas", "Momentum",
                "GEMS", "Discovery Health"));
    }
}

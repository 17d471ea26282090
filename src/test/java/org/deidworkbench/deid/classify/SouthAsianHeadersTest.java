package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision 0247: the headers of Pakistani, Bangladeshi and Sri Lankan exports and the columns under them (synthetic
 * values). With main's jar a Lahore register's {@code Tehsil}, a Dhaka hospital's {@code Village/Road}, {@code Post
 * Office} and {@code Upazila/Thana} and a Colombo ward list's {@code BHT No} were kept.
 */
class SouthAsianHeadersTest {

    @ParameterizedTest
    @CsvSource({"Tehsil,PLACE", "Upazila/Thana,PLACE", "Post Office,PLACE", "Zila,PLACE", "Taluka,PLACE", "Mouza,PLACE",
        "Village/Road,PLACE", "Village/Road,ADDRESS", "CNIC,NATIONAL_ID", "NID No,NATIONAL_ID", "NIC,NATIONAL_ID",
        "BHT No,ID"})
    void aHeaderGivesItsHint(String header, String hint) {
        assertTrue(HeaderHints.of(header).has(HeaderHints.Hint.valueOf(hint)), header + ": " + HeaderHints.of(header));
    }

    @Test
    void aVillagesAddressWithItsLabelsIsAnAddressAndAPrefixedRegisterNumberAnId() {
        ValueStats villages = new ValueStats(NameDictionary.get());
        List.of("Vill- Char Kukri", "House 12, Road 5, Dhanmondi", "Vill- Boro Bari", "Vill: Kashimpur", "Vill- Sonadanga")
                .forEach(villages::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("Village/Road", villages);
        assertTrue(c.columnClass() == ColumnClass.PLACE || c.columnClass() == ColumnClass.ADDRESS, c.toString());
        ValueStats mixed = new ValueStats(NameDictionary.get());
        List.of("Vill- Char Kukri", "House 12, Road 5, Dhanmondi", "Vill- Boro Bari", "Flat 7, Block 13-D, Gulshan",
                "Vill- Sonadanga").forEach(mixed::add);
        c = ColumnClassifier.classify("Village/Road", mixed);
        assertEquals(ColumnClass.ADDRESS, c.columnClass(), c.toString());

        ValueStats offices = new ValueStats(NameDictionary.get());
        List.of("PO- Kalikapur", "PO- Shibganj", "P.O- Dhanmondi", "PO- Bhairab Bazar", "PO- Kotchandpur")
                .forEach(offices::add);
        c = ColumnClassifier.classify("Post Office", offices);
        assertTrue(c.columnClass() == ColumnClass.PLACE || c.columnClass() == ColumnClass.ADDRESS, c.toString());

        ValueStats tickets = new ValueStats(NameDictionary.get());
        List.of("BHT 24/1187", "BHT 24/1203", "BHT 24/1219").forEach(tickets::add);
        c = ColumnClassifier.classify("BHT No", tickets);
        assertEquals(ColumnClass.IDENTIFIER, c.columnClass(), c.toString());
        ValueStats visits = new ValueStats(NameDictionary.get());
        List.of("Visit 1", "Visit 2", "Visit 3").forEach(visits::add);
        c = ColumnClassifier.classify("Visit No", visits);
        assertFalse(c.columnClass() == ColumnClass.IDENTIFIER, c.toString());
    }
}

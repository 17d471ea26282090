package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision 0244: the headers of Singapore, Malaysian, Indonesian and Philippine exports, and the columns under them
 * (synthetic values). With main's jar a Malaysian clinic's {@code Nama Pesakit}, {@code Alamat}, {@code Poskod} and
 * {@code Bandar} and an Indonesian claim's {@code NAMA_PESERTA}, {@code KELURAHAN} and {@code KECAMATAN} were kept.
 */
class SoutheastAsianHeadersTest {

    @ParameterizedTest
    @CsvSource({"Nama Pesakit,NAME_PART", "NAMA_PESERTA,NAME_PART", "Nama Lengkap,NAME_PART",
        "Pangalan ng Pasyente,NAME_PART", "Alamat,ADDRESS", "Bandar,PLACE", "KELURAHAN,PLACE", "KECAMATAN,PLACE",
        "KAB_KOTA,PLACE", "BARANGAY,PLACE", "Poskod,ZIP", "KODE_POS,ZIP", "Kod Pos,ZIP", "NO_HP,PHONE",
        "No. Telepon,PHONE", "Tarikh Lahir,BIRTH", "TGL_LAHIR,BIRTH", "Tarikh Lawatan,DATE", "TGL_MASUK,DATE",
        "NRIC/FIN,NATIONAL_ID", "No. MyKad,NATIONAL_ID", "No. K/P,NATIONAL_ID", "NIK,NATIONAL_ID", "NO_KARTU_BPJS,NATIONAL_ID",
        "PHILHEALTH_PIN,NATIONAL_ID", "TARIF,MEASURE", "Biaya,MEASURE", "CATATAN,TEXT", "DIAGNOSA,CODE"})
    void aHeaderGivesItsHint(String header, String hint) {
        assertTrue(HeaderHints.of(header).has(HeaderHints.Hint.valueOf(hint)), header + ": " + HeaderHints.of(header));
    }

    @Test
    void aDrugsNameAndAPostcodeInTwoWordsAreNoPersonAndNoCode() {
        assertFalse(HeaderHints.of("Nama Ubat").has(HeaderHints.Hint.NAME_PART), HeaderHints.of("Nama Ubat").toString());
        assertFalse(HeaderHints.of("KODE_POS").has(HeaderHints.Hint.CODE), HeaderHints.of("KODE_POS").toString());
        assertTrue(HeaderHints.of("JNS_KELAMIN").namesDemographic());
        assertTrue(HeaderHints.of("Jantina").namesDemographic());
    }

    @Test
    void malayAndIndonesianNamesUnderANameHeaderAreNames() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("Norhaliza binti Zulkarnain", "Tan Chee Keong", "Rajeswari a/p Muniandy", "Muhammad Hafiz bin Rosli",
                "Kavitha d/o Subramaniam").forEach(stats::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("Nama Pesakit", stats);
        assertEquals(ColumnClass.PERSON_NAME, c.columnClass(), c.toString());

        ValueStats capitals = new ValueStats(NameDictionary.get());
        List.of("SRI WAHYUNINGSIH", "SUPARMAN", "AN. MUHAMMAD RIZKY PRATAMA", "ENDANG LESTARI", "BAMBANG SUTRISNO")
                .forEach(capitals::add);
        c = ColumnClassifier.classify("NAMA_PESERTA", capitals);
        assertEquals(ColumnClass.PERSON_NAME, c.columnClass(), c.toString());
    }

    @Test
    void villagesAndSubdistrictsArePlacesAndAStreetAnAddress() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("KENARI", "BARATA JAYA", "CIPAMOKOLAN", "MENTENG", "GONDANGDIA").forEach(stats::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("KELURAHAN", stats);
        assertEquals(ColumnClass.PLACE, c.columnClass(), c.toString());

        ValueStats streets = new ValueStats(NameDictionary.get());
        List.of("No. 12, Jalan Bunga Raya 3, Taman Melati Utama", "23, Lorong Cempaka 5, Taman Sri Andalas",
                "Lot 88, Kampung Baru Sungai Siput").forEach(streets::add);
        c = ColumnClassifier.classify("Alamat", streets);
        assertEquals(ColumnClass.ADDRESS, c.columnClass(), c.toString());
    }

    /** A tariff in rupiah rounded to hundreds is shaped like a phone written with dots; under its header it is kept. */
    @Test
    void aTariffInGroupsOfThreeIsANumberAndAPhoneColumnStaysOne() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("4.567.800", "9.210.300", "3.120.500", "12.455.900").forEach(stats::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("TARIF", stats);
        assertEquals(ColumnClass.NUMBER, c.columnClass(), c.toString());
        c = ColumnClassifier.classify("NO_HP", stats);
        assertEquals(ColumnClass.PHONE, c.columnClass(), c.toString());
    }

    @Test
    void aMalayBirthDateIsABirthDate() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("12/03/1985", "21/09/1977", "05/02/1969").forEach(stats::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("Tarikh Lahir", stats);
        assertEquals(ColumnClass.BIRTH_DATE, c.columnClass(), c.toString());
    }
}

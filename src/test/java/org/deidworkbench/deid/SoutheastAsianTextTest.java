package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0244: what Singapore, Malaysian, Indonesian and Philippine notes write of a person and a place — forms of
 * address ("Puan", "Encik", "Tn.", "Ny.", "An."), the Malay and Tamil patronymics ("bin", "binti", "a/l", "a/p",
 * "s/o", "d/o"), kin words ("suami", "anak perempuan"), streets with their kind first ("Jalan", "Jl.", "Lorong"),
 * housing estates and villages ("Taman", "Kampung"), neighbourhood units (RT/RW), a subdivision's block and lot, a
 * barangay and its purok, an Indonesian kelurahan and kecamatan, and a Singapore number of eight digits after its word.
 * With main's jar every one of them was kept (synthetic values).
 */
class SoutheastAsianTextTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Suami, Encik Faizal bin Hamdan, menemani.|Suami, Encik [NAME] bin [NAME], menemani.",
        "Wife Puan Norazlina binti Yusof to collect meds.|Wife Puan [NAME] binti [NAME] to collect meds.",
        "Came with son Kumaresan s/o Palaniappan.|Came with son [NAME] s/o [NAME].",
        "RAJENDRAN S/O MUTHUSAMY, 67M|[NAME] S/O [NAME], 67M",
        "Pn. Rajeswari a/p Muniandy, hipertensi.|Pn. [NAME] a/p [NAME], hipertensi.",
        "Anak perempuan Tan Mei Ling akan ambil ubat.|Anak perempuan [NAME] [NAME] [NAME] akan ambil ubat.",
        "Pasien Ny. Sri Wahyuningsih, 38 th.|Pasien Ny. [NAME] [NAME], 38 th.",
        "Tn. Suparman, 62 th, stroke iskemik.|Tn. [NAME], 62 th, stroke iskemik.",
        "An. Muhammad Rizky Pratama, 7 th, pneumonia.|An. [NAME] [NAME] [NAME], 7 th, pneumonia.",
        "Ibu: Ny. Dewi Kartikasari.|Ibu: Ny. [NAME] [NAME].",
        "Mdm Quek Sze Hwee, 35F.|Mdm [NAME] [NAME] [NAME], 35F."})
    void aNameAfterItsFormOfAddressOrBesideItsPatronymicIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /**
     * "s/o" is "suggestive of" and "d/o" a disorder in a note, "A/P" its assessment and plan, "bin" a container, "En"
     * and "An" words of other languages and of English without their full stop, "Madam" a chair's form of address.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CXR s/o pneumonia.", "CXR s/o Pneumonia in RLL.", "Mood d/o NOS.",
        "A/P: Continue metformin.", "Discard in Sharps bin after use.", "An MRI was done.",
        "Madam Chair opened the meeting.", "Lot 88 of the vaccine.", "Follow-up in Gang III.", "Jalan-jalan ke pasar.",
        "Ward 9876 5432 beds", "Tel suami datang."})
    void wordsThatOnlyLookLikeThemStay(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tinggal di No. 12, Jalan Bunga Raya 3, Taman Melati Utama.|Tinggal di [ADDRESS].",
        "Dirawat oleh anak, Jl. Ngagel Jaya Selatan Gg. III No. 7.|Dirawat oleh anak, [ADDRESS].",
        "Alamat: JL. KRAMAT RAYA NO. 45 RT 003/RW 005, Kel. Kenari.|Alamat: [ADDRESS], [LOCATION].",
        "23, Lorong Cempaka 5, Taman Sri Andalas|23, [ADDRESS]",
        "Tinggal di Lot 88, Kampung Baru Sungai Siput bersama anak.|Tinggal di [ADDRESS] bersama anak.",
        "Pt from Blk 7 Lot 12 Phase 2, Brgy. San Isidro.|Pt from [ADDRESS], [LOCATION].",
        "Contact person: Purok 4, Brgy. Visayan Village.|Contact person: [ADDRESS], [LOCATION].",
        "Rujukan dari Puskesmas Kecamatan Senen.|Rujukan dari Puskesmas [LOCATION].",
        "Patient walked on Jalan Ampang. Patient stable.|Patient walked on [ADDRESS]. Patient stable."})
    void aStreetEstateVillageOrBarangayIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NOK hp 9876 5432.|NOK hp [PHONE].",
        "H/P: 8123-4567|H/P: [PHONE]",
        "Tel 6452 3311 (home)|Tel [PHONE] (home)",
        "Contact no. 91234567 after 6pm|Contact no. [PHONE] after 6pm"})
    void aSingaporeNumberAfterItsWordIsAPhone(String text, String expected) {
        assertEquals(expected, scrub(text));
    }
}

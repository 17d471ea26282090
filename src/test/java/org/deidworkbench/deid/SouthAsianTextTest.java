package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0247: what Pakistani, Bangladeshi and Sri Lankan notes write of a place and a person — a village's address
 * part by part after its labels ("Vill- Char Kukri, PO- Kalikapur, PS- Daudkandi"), an upazila and a tehsil, a mohalla,
 * a Punjab village by its number ("Chak No. 45/GB"), a name after "Md." and "Mst.", a Sri Lankan name with its
 * initials first ("Mr. K.A.D. Sunil Perera"), and the town that ends a known address. With main's jar they were kept
 * (synthetic values).
 */
class SouthAsianTextTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "63M, Vill- Char Kukri, PO- Kalikapur, PS- Daudkandi.|63M, [LOCATION], [LOCATION], [LOCATION].",
        "Vill: Boro Bari, Upazila Shibganj. Platelet 38,000/cmm.|[LOCATION], [LOCATION]. Platelet 38,000/cmm.",
        "R/O Chak No. 45/GB Tehsil Jaranwala, Hb 7.8 g/dl.|R/O [ADDRESS] [LOCATION], Hb 7.8 g/dl.",
        "R/O Mohallah Islampura, c/o polyuria.|R/O [ADDRESS], c/o polyuria.",
        "Mother Mst. Hasina Khatun present.|Mother Mst. [NAME] [NAME] present.",
        "Son Md. Rafiqul Islam with patient.|Son Md. [NAME] [NAME] with patient.",
        "Husband Mr. K.A.D. Sunil Perera informed.|Husband Mr. [NAME] informed.",
        "Seen by Dr. J.R. Fernando.|Seen by Dr. [NAME]."})
    void aVillagesAddressAndANameAfterItsPrefixAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /**
     * "PO" is by mouth and "PS" a postscript without their hyphen; Russell's viper is a snake; "Md." before an ordinary
     * word, and a label before no name, stay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Paracetamol 1 g PO: Tylenol held.", "PS: Family meeting Friday.",
        "Snake bite, Russell's viper, 20 WBCT >20 min.", "Md. Patient stable on room air.",
        "District hospital transfer.", "Village: to be confirmed. Thana- unknown."})
    void wordsThatOnlyLookLikeThemStay(String text) {
        assertEquals(text, scrub(text));
    }

    /** The town that ends a street address in a column is found alone in a note ("56M, from Peradeniya"). */
    @Test
    void theTownOfAKnownAddressIsFoundAlone() {
        KnownIdentifiers known = new KnownIdentifiers();
        known.add("45, Kandy Road, Peradeniya", "[ADDRESS]");
        known.add("742 Evergreen Terrace, Springfield, IL 62704", "[ADDRESS]");
        String scrubbed = new TextScrubber(known.snapshot()).scrub("56M, from Peradeniya. Mobile: 555; IL resident.", null);
        assertEquals("56M, from [ADDRESS]. Mobile: 555; IL resident.", scrubbed);
    }
}

package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision 0183: numbers a note names a specimen, a case, a device or a patient's age by, which no column made known —
 * a pathology report's accession, a lab's case number by its shape, a pacemaker's serial, the age a patient turns —
 * and a social media handle are removed; the words that look alike ("serial troponins", "in case of", "turned 90
 * degrees", "@home") are kept.
 */
class AccessionNumbersInNotesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, new Subject("P", 10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SURGICAL PATHOLOGY Accession #: S23-12345 received.|SURGICAL PATHOLOGY Accession #: [ID] received.",
        "Prior CT (Acc# 9876543) compared.|Prior CT (Acc# [ID]) compared.",
        "Case no. SP-23-004512, frozen section.|Case no. [ID], frozen section.",
        "See SP-23-004512 and EP23-004417 for the margins.|See [ID] and [ID] for the margins.",
        "Specimen ID: 23CH004512 received.|Specimen ID: [ID] received.",
        "Outside records, ref. no. QX-77812.|Outside records, ref. no. [ID].",
        "Medtronic pacemaker serial PJN123456H placed.|Medtronic pacemaker serial [ID] placed.",
        "She turns 92 this year.|She turns 90+ this year.",
        "Turning 95 in May, lives alone.|Turning 90+ in May, lives alone.",
        "Pt's twitter @quillfeather_77 posted photos.|Pt's twitter [URL] posted photos.",
        "Instagram: @marigoldw shows the farm.|Instagram: [URL] shows the farm.",
    })
    void anIdentifyingNumberOrAgeIsRemoved(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Serial troponins were negative.",
        "Serial 3 ECGs unchanged.",
        "In case of fever call the clinic.",
        "Patient turned 90 degrees every two hours.",
        "Specimen received in formalin.",
        "ICD-10 I50.22 and CPT 99213 billed.",
        "Room 4N-412-A, bed 2.",
        "Pt resting @home, meds @HS; seen @ bedside.",
        "Meds in the big @home box; 2x @bedtime.",
    })
    void wordsThatLookAlikeAreKept(String text) {
        assertEquals(text, scrub(text));
    }
}

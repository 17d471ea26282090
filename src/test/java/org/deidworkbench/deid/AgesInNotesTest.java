package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision 0142: an age over 89 in a note of the corpus' other languages becomes 90+, only beside its words. */
class AgesInNotesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Paciente de 92 años, caída.|Paciente de 90+ años, caída.",
        "Paciente de 93 anos, queda.|Paciente de 90+ anos, queda.",
        "Paziente di 94 anni, caduta.|Paziente di 90+ anni, caduta.",
        "Una 96enne vive sola.|Una 90+enne vive sola.",
        "Pacjentka lat 97, upadek.|Pacjentka lat 90+, upadek.",
        "Pacjent 98 lat, 98-letni mężczyzna.|Pacjent 90+ lat, 90+-letni mężczyzna.",
        "Пациентка 91 год, 95 лет, 92-летний.|Пациентка 90+ год, 90+ лет, 90+-летний.",
        "Ασθενής 99 ετών, 93χρονη.|Ασθενής 90+ ετών, 90+χρονη.",
        "Hasta 101 yaşında.|Hasta 90+ yaşında.",
        "患者は95歳の女性。|患者は90+歳の女性。",
        "102세 여자 환자.|90+세 여자 환자.",
        "ผู้ป่วยอายุ 103 ปี|ผู้ป่วยอายุ 90+ ปี",
        "Edad: 104. Età 92, idade 93.|Edad: 90+. Età 90+, idade 90+.",
        "Wiek 94, возраст 95, ηλικία 96.|Wiek 90+, возраст 90+, ηλικία 90+.",
        "患者92岁。|患者90+岁。"})
    void anAgeOver89WithItsWordBecomes90Plus(String text, String scrubbed) {
        assertEquals(scrubbed, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hb 92 g/L, creatinina 96 µmol/L, 93 mg.", "Paziente di 67 anni, operata 91 anni fa.",
        "Pacjentka lat 45, 45 lat.", "Edad 45, 89 años.", "Dosis 92,5 mg; 92.5 años-persona", "Hasta 89 yaşında."})
    void aNumberWithoutAnAgeWordOrUpTo89StaysAsWritten(String text) {
        assertEquals(text, scrub(text));
    }
}

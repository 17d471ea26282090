package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names after a word for the patient, a relative or a physician in Arabic, Persian and Hebrew text (decision 0132). */
class MiddleEasternNamesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "زوجته نورة بنت سعد الدوسري حضرت معه.|زوجته [NAME] حضرت معه.",
        "الطبيب المعالج د. خالد الشهري. داء السكري|الطبيب المعالج د. [NAME]. داء السكري",
        "زوجها عبدالمجيد الغامدي. للتواصل|زوجها [NAME]. للتواصل",
        "راجع المريض محمد بن عبدالله القحطاني الطوارئ|راجع المريض [NAME] الطوارئ",
        "همسرش مریم احمدی\u200Cفر همراه است|همسرش [NAME] همراه است",
        "پسرش بهرام نیک\u200Cنام اطلاع داده شد|پسرش [NAME] اطلاع داده شد",
        "בעלה משה בן-שטרית ליווה אותה|בעלה [NAME] ליווה אותה",
        "נבדקה על ידי ד\"ר גדעון פרלמוטר.|נבדקה על ידי ד\"ר [NAME]."})
    void aNameAfterItsCueIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "راجع المريض بتاريخ أمس|راجع المريض بتاريخ أمس",
        "بیمار در تاریخ دیروز بستری شد|بیمار در تاریخ دیروز بستری شد",
        "داء السكري غير منضبط.|داء السكري غير منضبط."})
    void aSentenceWithoutANameIsLeft(String text, String expected) {
        assertEquals(expected, scrub(text));
    }
}

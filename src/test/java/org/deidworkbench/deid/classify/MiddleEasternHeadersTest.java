package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.deid.classify.HeaderHints.Hint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Arabic, Persian and Hebrew headers and values (decision 0132). */
class MiddleEasternHeadersTest {

    @ParameterizedTest
    @CsvSource({"رقم الملف,ID", "رقم الهوية,NATIONAL_ID", "رقم الإقامة,NATIONAL_ID", "کد ملی,NATIONAL_ID",
        "ת.ז.,NATIONAL_ID", "تاريخ الميلاد,BIRTH", "تاریخ تولد,BIRTH", "תאריך לידה,BIRTH", "الجوال,PHONE",
        "تلفن همراه,PHONE", "טלפון,PHONE", "الاسم,NAME_PART", "نام خانوادگی,NAME_PART", "שם פרטי,NAME_PART",
        "الملاحظات,TEXT", "شرح حال,TEXT", "סיכום,TEXT", "التشخيص,CODE", "تاريخ الدخول,DATE", "تاريخ الميلاد الهجري,BIRTH"})
    void aHeaderGivesItsHint(String header, String hint) {
        assertTrue(HeaderHints.of(header).has(Hint.valueOf(hint)), header + " " + HeaderHints.of(header));
    }

    @Test
    void aLongerTermIsNoShorterOne() {
        assertFalse(HeaderHints.of("تاريخ الميلاد").has(Hint.DATE) && !HeaderHints.of("تاريخ الميلاد").has(Hint.BIRTH));
        assertFalse(HeaderHints.of("الجنسية").has(Hint.NAME_PART));
        assertFalse(HeaderHints.of("نام خانوادگی").words().contains("firstname"));
    }

    @Test
    void aTatweelInTheHeaderChangesNothing() {
        assertTrue(HeaderHints.of("رقـــم الهويـة").has(Hint.NATIONAL_ID));
    }

    @Test
    void arabicAndHebrewNamesUnderANameHeaderArePersonNames() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("محمد بن عبدالله القحطاني", "فاطمة بنت أحمد الزهراني", "عبدالرحمن السيد الشرقاوي").forEach(stats::add);
        assertEquals(ColumnClass.PERSON_NAME, ColumnClassifier.classify("الاسم", stats).columnClass());
        ValueStats hebrew = new ValueStats(NameDictionary.get());
        List.of("בן-שטרית", "רוזנצוויג", "כהן").forEach(hebrew::add);
        assertEquals(ColumnClass.PERSON_NAME, ColumnClassifier.classify("שם משפחה", hebrew).columnClass());
    }

    @Test
    void aDiagnosisInArabicIsNoName() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("سكري الحمل", "الربو", "احتشاء عضلة القلب").forEach(stats::add);
        assertTrue(ColumnClassifier.classify("التشخيص", stats).columnClass() != ColumnClass.PERSON_NAME);
    }

    @Test
    void slashDatesUnderAnArabicHeaderAreReadDayFirst() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("12/03/1985", "05/09/1990", "01/02/1977").forEach(stats::add);
        assertTrue(ColumnClassifier.classify("تاريخ الميلاد", stats).slashDayFirst());
        ValueStats english = new ValueStats(NameDictionary.get());
        List.of("12/03/1985", "05/09/1990", "01/02/1977").forEach(english::add);
        assertFalse(ColumnClassifier.classify("birth_date", english).slashDayFirst());
    }
}

package org.deidworkbench.deid;

import static org.deidworkbench.deid.TextFoldingTestSupport.scrubberKnowing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Arabic-Indic and Persian digits, bidi controls, zero-width characters and tatweel in free text (decision 0132): what
 * the run knows or its patterns find is found through them, cut from the original, and written in its digits.
 */
class TextFoldingTest {

    private static final Subject SUBJECT = new Subject("PAT-7", 10);

    @Test
    void aTextWithNothingToFoldIsNotFolded() {
        assertNull(TextFolding.of("Patient seen 2023-03-12, phone 0501234567."));
        assertNull(TextFolding.of("المريض في الطوارئ"));
    }

    @Test
    void foldedOffsetsPointIntoTheOriginal() {
        String text = "رقم ٠٥٥\u200F٩٨٧ end";
        TextFolding f = TextFolding.of(text);
        assertEquals("رقم 055987 end", f.folded());
        int start = f.folded().indexOf("055");
        int end = start + "055987".length();
        assertEquals("٠٥٥\u200F٩٨٧", text.substring(f.originalStart(start), f.originalEnd(end)));
        assertEquals("٠١٢", f.inOriginalDigits(f.originalStart(start), f.originalEnd(end), "012"));
        assertEquals("[PHONE]", f.inOriginalDigits(f.originalStart(start), f.originalEnd(end), "[PHONE]"));
    }

    @Test
    void aKnownPhoneInArabicIndicDigitsWithAMarkInsideIsReplaced() {
        TextScrubber s = scrubberKnowing("0559876543", "[PHONE]");
        assertEquals("للتواصل [PHONE]. سكري الحمل.", s.scrub("للتواصل ٠٥٥\u200F٩٨٧٦٥٤٣. سكري الحمل.", null));
    }

    @Test
    void aKnownValueWrittenInArabicIndicDigitsIsFoundInAsciiDigits() {
        TextScrubber s = scrubberKnowing("٠٥٥٩٨٧٦٥٤٣", "[PHONE]");
        assertEquals("call [PHONE] today", s.scrub("call 0559876543 today", null));
    }

    @Test
    void aKnownNameWithATatweelOrAZeroWidthJoinerInsideIsReplaced() {
        TextScrubber s = scrubberKnowing("فاطمة الزهراني", "[NAME]");
        assertEquals("المريضة [NAME] حامل", s.scrub("المريضة فاطمة الزهـــراني حامل", null));
        assertEquals("المريضة [NAME] حامل", s.scrub("المريضة فاطمة الزه\u200Dراني حامل", null));
    }

    @Test
    void aPersianNameWithItsZwnjIsKnownWithOrWithoutIt() {
        TextScrubber s = scrubberKnowing("حسین\u200Cزاده", "[NAME]");
        assertEquals("آقای [NAME] آمد", s.scrub("آقای حسین\u200Cزاده آمد", null).replace("[NAME] [NAME]", "[NAME]"));
        assertEquals("[NAME] آمد", scrubberKnowing("حسین\u200Cزاده", "[NAME]").scrub("حسینزاده آمد", null));
    }

    @Test
    void aPhoneInArabicIndicDigitsIsFoundByItsPattern() {
        String out = scrubberKnowing().scrub("الجوال ٠٥٠١٢٣٤٥٦٧. داء السكري", null);
        assertFalse(TextFoldingTestSupport.hasDigits(out), out);
        assertTrue(out.endsWith(". داء السكري"), out);
    }

    @Test
    void aLabValueInArabicIndicDigitsKeepsItsDigits() {
        assertEquals("سكر الدم ١٨٢ mg/dL", scrubberKnowing().scrub("سكر الدم ١٨٢ mg/dL", SUBJECT));
    }

    @Test
    void aHebrewPrepositionGluedToADateDoesNotHideIt() {
        String out = scrubberKnowing().scrub("הגיעה ב-12.03.2023 עם כאב", SUBJECT);
        assertEquals("הגיעה ב-22.03.2023 עם כאב", out);
    }

    @Test
    void aHijriDateIsShiftedInItsCalendarAndDigits() {
        // 12 Rabi' al-Awwal 1445 is 27 September 2023; ten days later, 22 Rabi' al-Awwal
        assertEquals("بتاريخ ١٤٤٥/٠٣/٢٢ هـ.", scrubberKnowing().scrub("بتاريخ ١٤٤٥/٠٣/١٢ هـ.", SUBJECT));
        assertEquals("الميلاد 22/03/1378 هـ", scrubberKnowing().scrub("الميلاد 12/03/1378 هـ", SUBJECT));
    }

    @Test
    void aJalaliDateIsShiftedInItsCalendarAcrossTheYear() {
        // 25 Esfand 1402 is 15 March 2024; 1403 begins on 20 March (Esfand 1402 has 29 days)
        assertEquals("در تاریخ ۱۴۰۳/۰۱/۰۶ بستری", scrubberKnowing().scrub("در تاریخ ۱۴۰۲/۱۲/۲۵ بستری", SUBJECT));
    }

    @Test
    void aDateOfTheseYearsInAnUntoldCalendarIsEmptied() {
        assertEquals("[DATE]", scrubberKnowing().scrub("1402/12/20", SUBJECT));
        assertEquals("admitted [DATE]", scrubberKnowing().scrub("admitted 1402/12/20", SUBJECT));
    }

    @Test
    void aHijriDateWithoutASubjectIsEmptied() {
        assertEquals("بتاريخ [DATE] هـ", scrubberKnowing().scrub("بتاريخ ١٤٤٥/٠٣/١٢ هـ", null));
    }

    @Test
    void aDateInArabicIndicDigitsMakesTheScrubDependOnTheSubject() {
        // else a second patient's identical note would take the first one's shifted date from a cache by value
        assertTrue(scrubberKnowing().mayShiftDates("بتاريخ ١٤٤٥/٠٣/١٢ هـ"));
        assertTrue(scrubberKnowing().mayShiftDates("در تاریخ ۱۴۰۲/۱۲/۲۵"));
        assertFalse(scrubberKnowing().mayShiftDates("سكر الدم ١٨٢"));
    }
}

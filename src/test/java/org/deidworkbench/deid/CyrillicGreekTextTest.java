package org.deidworkbench.deid;

import static org.deidworkbench.deid.TextFoldingTestSupport.scrubberKnowing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Russian and Greek notes (decision 0131): check digits, declined names, cued names and genitive month-name dates. */
class CyrillicGreekTextTest {

    private static final Subject SUBJECT = new Subject("PAT-7", 10);

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, SUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11223344595", "15678023488", "00100200217"})
    void aSnilsWithItsCheckNumberIsOne(String d) {
        assertTrue(CheckDigits.snils(d));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11223344596", "11223344559", "00100199800", "1122334459", "00100100000"})
    void aSnilsWithAnotherCheckNumberOrWithoutOneIsNone(String d) {
        assertFalse(CheckDigits.snils(d));
    }

    @Test
    void aSnilsWhoseSumIsAHundredOrMoreChecksModulo101() {
        // 999 999 999: 9 × 45 = 405, 405 mod 101 = 1 → 01; 100 and 101 both check as 00
        assertTrue(CheckDigits.snils("99999999901"));
        assertFalse(CheckDigits.snils("99999999905"));
    }

    @Test
    void omsAmkaAndAfmCheckTheirLastDigit() {
        assertTrue(CheckDigits.oms("7700123456789013"));
        assertFalse(CheckDigits.oms("7700123456789014"));
        assertFalse(CheckDigits.oms("0000000000000000"));
        assertTrue(CheckDigits.amka("12035801237"));
        assertFalse(CheckDigits.amka("12035801238"));
        assertFalse(CheckDigits.amka("32135801237"), "no 32nd day, no 13th month");
        assertTrue(CheckDigits.afm("123456783"));
        assertFalse(CheckDigits.afm("123456784"));
        assertFalse(CheckDigits.afm("000000000"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "СНИЛС 112-233-445 95, полис выдан.|СНИЛС [ID], полис выдан.",
        "СНИЛС 11223344595.|СНИЛС [ID].",
        "полис ОМС 7700 1234 5678 9013 действителен|полис ОМС [ID] действителен",
        "ΑΜΚΑ 12035801237, ΑΦΜ 123456783.|ΑΜΚΑ [ID], ΑΦΜ [ID].",
        "тел. +7 (912) 345-67-89, моб. 8 912 345 67 89|тел. [PHONE], моб. [PHONE]",
        "τηλ. +30 210 1234567 ή 6912345678|τηλ. [PHONE] ή [PHONE]",
        "Индекс 125009, г. Москва|Индекс [ZIP], г. Москва"})
    void russianAndGreekNumbersAreFoundByTheirCheckDigitsOrShapes(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"СНИЛС 112-233-445 96, полис выдан.", "полис ОМС 7700 1234 5678 9014 действителен",
        "ΑΜΚΑ 12035801238 λάθος"})
    void aNumberWhoseCheckFailsIsNotTakenForOne(String text) {
        assertTrue(CyrillicGreekNumbers.find(text).isEmpty());
    }

    @Test
    void aNumberOfTheSameShapeInAnEnglishNoteStays() {
        String text = "Accession 11223344595, card 7700 1234 5678 9013.";
        assertFalse(CyrillicGreekNames.mayHold(text));
        assertTrue(CyrillicGreekNumbers.find(text).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"Смирновой,Смирнова", "Смирнову,Смирнова", "Смирновым,Смирнов", "Ивана,Иван", "Анне,Анна",
        "Петровны,Петровна", "Ивановичем,Иванович", "Марии,Мария", "Достоевского,Достоевский",
        "Παπαδοπούλου,Παπαδόπουλος", "Καραγιάννη,Καραγιάννης", "Παπαδόπουλο,Παπαδόπουλος"})
    void aDeclinedNameFindsTheFormARunKnows(String declined, String known) {
        Set<String> set = Set.of(KnownIdentifiers.normalizeToken(known));
        assertEquals(KnownIdentifiers.normalizeToken(known),
                CyrillicGreekNames.knownBase(KnownIdentifiers.normalizeToken(declined), set::contains));
    }

    @Test
    void anotherNameWithTheSameBeginningIsNotADeclinedForm() {
        Set<String> known = Set.of(KnownIdentifiers.normalizeToken("Иван"));
        assertNull(CyrillicGreekNames.knownBase(KnownIdentifiers.normalizeToken("Иванова"), known::contains));
        assertNull(CyrillicGreekNames.knownBase(KnownIdentifiers.normalizeToken("Ивановский"), known::contains));
    }

    @Test
    void theDeclinedFormsOfASurnameATableGaveAreReplacedInANote() {
        TextScrubber s = scrubberKnowing("Смирнова", "[NAME]", "Παπαδόπουλος", "[NAME]");
        assertEquals("[NAME] проведена коронарография. [NAME] рекомендовано наблюдение.",
                s.scrub("Смирновой проведена коронарография. Смирнову рекомендовано наблюдение.", null));
        assertEquals("Η σύζυγος του [NAME] ενημερώθηκε.", s.scrub("Η σύζυγος του Παπαδοπούλου ενημερώθηκε.", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Со слов мужа Смирнова Ивана, боли с утра.|Со слов мужа [NAME], боли с утра.",
        "Осмотрен д-ром Кузнецовым.|Осмотрен д-ром [NAME].",
        "Направлена к Лебедевой М. В. на консультацию|Направлена к [NAME] на консультацию",
        "Лечащий врач Кузнецов Дмитрий Алексеевич.|Лечащий врач [NAME].",
        "Больной Белозёров Олег Игоревич выписан.|Больной [NAME] выписан.",
        "Η ασθενής Παπαδοπούλου Μαρία εισήχθη.|Η ασθενής [NAME] εισήχθη.",
        "Επανεξέταση από τον Δρ. Γεωργίου σε 3 μήνες.|Επανεξέταση από τον Δρ. [NAME] σε 3 μήνες."})
    void namesANoteCuesOrWritesWithInitialsOrAPatronymicAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @Test
    void aNameCuedOnceIsFoundInItsOtherCasesInTheSameNote() {
        assertEquals("Пациентка [NAME] поступила. [NAME] проведена коронарография.",
                scrub("Пациентка Смирнова Анна Петровна поступила. Смирновой проведена коронарография."));
        assertEquals("Η ασθενής [NAME] εισήχθη. Ο σύζυγος [NAME] ενημερώθηκε. Ο [NAME] υπέγραψε.",
                scrub("Η ασθενής Παπαδοπούλου Μαρία εισήχθη. Ο σύζυγος Γιώργος ενημερώθηκε. Ο Παπαδόπουλος υπέγραψε."));
    }

    @Test
    void ordinaryCapitalisedWordsAndMedicalTermsStay() {
        String text = "Глюкоза 7,8 ммоль/л. Кардиология, ИБС. Острый инфаркт миокарда. Τροπονίνη 2,41 ng/mL.";
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "поступила 12 марта 2023 г. с болями|поступила 22 марта 2023 г. с болями",
        "выписан 25 декабря 2022 г.|выписан 4 января 2023 г.",
        "выписан 05 МАЯ 2023|выписан 15 МАЯ 2023",
        "εισήχθη στις 12 Μαρτίου 2023 με|εισήχθη στις 22 Μαρτίου 2023 με",
        "εξήλθε στις 25 Δεκεμβρίου 2022.|εξήλθε στις 4 Ιανουαρίου 2023.",
        "ΕΞΟΔΟΣ 25 ΔΕΚΕΜΒΡΙΟΥ 2022|ΕΞΟΔΟΣ 4 ΙΑΝΟΥΑΡΙΟΥ 2023",
        "виписаний 3 січня 2023 р.|виписаний 13 січня 2023 р."})
    void monthNameDatesAreShiftedInTheirOwnNotation(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @Test
    void aMonthNameDateWithoutASubjectIsTakenOut() {
        assertEquals("поступила [DATE] г.", new TextScrubber(new KnownIdentifiers().snapshot())
                .scrub("поступила 12 марта 2023 г.", null));
        assertTrue(new TextScrubber(new KnownIdentifiers().snapshot()).mayShiftDates("поступила 12 марта 2023 г."));
    }

    @Test
    void aNumberBeforeAWordThatNamesNoMonthIsNoDate() {
        String text = "Назначено 12 таблеток 2023 года выпуска";
        assertEquals(text, scrub(text));
    }
}

package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.classify.HeaderHints.Hint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Russian, Ukrainian and Greek headers give the hints their English words give (decision 0131). */
class CyrillicGreekHeadersTest {

    @ParameterizedTest
    @CsvSource({"ФИО,NAME_PART", "Фамилия,NAME_PART", "Имя,NAME_PART", "Отчество,NAME_PART", "Дата рождения,BIRTH",
        "Дата поступления,DATE", "СНИЛС,NATIONAL_ID", "Полис ОМС,NATIONAL_ID", "№ карты,ID",
        "Номер истории болезни,ID", "Телефон,PHONE", "Адрес,ADDRESS", "Индекс,ZIP", "МКБ-10,CODE", "Диагноз,CODE",
        "Врач,PERSON_ROLE", "Запись,TEXT", "Эпикриз,TEXT", "Результат,MEASURE", "Прізвище,NAME_PART",
        "Ονοματεπώνυμο,NAME_PART", "ΟΝΟΜΑΤΕΠΩΝΥΜΟ,NAME_PART", "Ημερομηνία γέννησης,BIRTH", "ΑΜΚΑ,NATIONAL_ID",
        "ΑΦΜ,NATIONAL_ID", "Τηλέφωνο,PHONE", "Κινητό,PHONE", "Διεύθυνση,ADDRESS", "Τ.Κ.,ZIP",
        "Κωδικός ασθενούς,ID", "Αριθμός εισαγωγής,ID", "Σημείωση,TEXT", "Ιατρός,PERSON_ROLE", "Διάγνωση,CODE"})
    void aHeaderGivesItsHint(String header, String hint) {
        assertTrue(HeaderHints.of(header).has(Hint.valueOf(hint)), header + " " + HeaderHints.of(header));
    }

    @ParameterizedTest
    @CsvSource({"Пол,ID", "Отделение,NAME_PART", "Κλινική,NAME_PART", "Κωδικός ασθενούς,CODE", "Показатель,ID"})
    void aHeaderDoesNotGiveAHintItsWordsDoNotSay(String header, String hint) {
        assertFalse(HeaderHints.of(header).has(Hint.valueOf(hint)), header + " " + HeaderHints.of(header));
    }
}

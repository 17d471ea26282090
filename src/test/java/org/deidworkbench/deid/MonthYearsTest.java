package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A month and its year in a note, without a day (decision 0152): a date element that is shifted as dates are. */
class MonthYearsTest {

    /** 40 days: the 15th of every month moves into the next month. */
    private static final Subject FORTY_DAYS_ON = new Subject("PAT-40", 40);

    private static TextScrubber scrubber() {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Admitted October 1995 for appendectomy.|Admitted November 1995 for appendectomy.",
        "Follow-up in Nov. 2019, stable.|Follow-up in Dec. 2019, stable.",
        "Diagnosed in March of 2004.|Diagnosed in April of 2004.",
        "Seen in Dec 2019 and in OCT 2020.|Seen in Jan 2020 and in NOV 2020.",
        "Symptoms since late September 2018.|Symptoms since late October 2018.",
        "CT in Sept 2018 was normal.|CT in Oct 2018 was normal.",
        "prior MI in 03/2017; PCI 3/2017|prior MI in 04/2017; PCI 4/2017",
        "Erstdiagnose 11.2019, Kontrolle im Oktober 1995|Erstdiagnose 12.2019, Kontrolle im November 1995",
        "seit März 2019 beschwerdefrei|seit April 2019 beschwerdefrei",
        "Seen again 2018-06 and 2018/12.|Seen again 2018-07 and 2019/01.",
        "hospitalisé en octobre 1995|hospitalisé en novembre 1995",
        "diagnosticado en marzo de 2004|diagnosticado en abril de 2004",
        "Kontrolle Okt 2019|Kontrolle Nov 2019",
        "Admitted June, 2019.|Admitted July, 2019.",
    })
    void aMonthAndItsYearAreShiftedWithTheRecordsDates(String note, String expected) {
        assertEquals(expected, scrubber().scrub(note, FORTY_DAYS_ON));
    }

    @Test
    void withoutASubjectTheyAreRemoved() {
        assertEquals("Admitted [DATE] and again [DATE].", scrubber().scrub("Admitted October 1995 and again 03/2017.",
                null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Insulin set 2000 units per vial",          // Italian and Portuguese "set" only with a dot
        "Transfer out 2019 cohort",                 // Portuguese "out"
        "Stable in 2019 and 2020.",                 // a year alone is no date element
        "ANA titer 1/2560, ratio 1/3000",           // no year 1800-2099
        "Code 2019-13 and 2019-00 in the list",     // no month 13 or 0
        "Version 2.2019 of the form",               // a month with a dot has two digits
        "ICD2019 and A1995 are codes",              // letters joined to the year
        "page 12/2019/3",                           // part of something longer
    })
    void wordsAndNumbersThatAreNoMonthAndYearStay(String note) {
        assertEquals(note, scrubber().scrub(note, FORTY_DAYS_ON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Wurden Sie 2019 operiert?", "Haben sie 2019 geraucht?", "zwei Jahre ago 2019", "gen 2020"})
    void abbreviationsThatAreWordsNeedTheirDot(String note) {
        assertTrue(org.deidworkbench.deid.classify.MonthYears.find(note).isEmpty(), note);
        assertEquals(1, org.deidworkbench.deid.classify.MonthYears.find(note.replace(" 20", ". 20")).size(), note);
    }

    @Test
    void aFullDateIsShiftedAsBeforeAndNotTwice() {
        assertEquals("Seen 2019-04-21 and 21 April 2019 and 04/21/2019.",
                scrubber().scrub("Seen 2019-03-12 and 12 March 2019 and 03/12/2019.", FORTY_DAYS_ON));
    }

    @Test
    void theRecordsOwnNameStaysItsName() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("June", "[NAME]");
        TextScrubber s = new TextScrubber(ids.snapshot(), 2026);
        assertEquals("[NAME] 2019 was seen; admitted April 2019.",
                s.scrub("June 2019 was seen; admitted March 2019.", FORTY_DAYS_ON));
    }

    @Test
    void aMonthAndYearNinetyYearsBackAreRemoved() {
        assertEquals("Born [DOB], widowed July 1961.", scrubber().scrub("Born March 1930, widowed June 1961.",
                FORTY_DAYS_ON));
    }

    @Test
    void aTextWithOnlyAMonthAndYearDependsOnTheSubject() {
        assertTrue(scrubber().mayShiftDates("stable since 03/2017"));
        assertTrue(scrubber().mayShiftDates("stable since October 1995"));
        assertEquals("stable since [DATE]", scrubber().scrub("stable since 03/2017", null));
        assertEquals("stable since 04/2017", scrubber().scrub("stable since 03/2017", FORTY_DAYS_ON));
    }

    @Test
    void everyOffsetMovesTheMonthAsItsMiddleDayMoves() {
        TextScrubber s = scrubber();
        for (int days = -400; days <= 400; days++) {
            LocalDate mid = LocalDate.of(2019, 6, 15).plusDays(days);
            String month = mid.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            assertEquals("Seen " + month + " " + mid.getYear() + " and " + String.format("%02d/%d", mid.getMonthValue(),
                    mid.getYear()) + ".", s.scrub("Seen June 2019 and 06/2019.", new Subject("P", days)),
                    "offset " + days);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "03/2017|04/2017", "3/2017|4/2017", "11.2019|12.2019", "October 1995|November 1995", "Okt. 2019|Nov. 2019",
        "2018-06|2018-07", "Dec 2019|Jan 2020", "' 12/2019 '|' 01/2020 '"})
    void aColumnsMonthAndYearValueIsADate(String value, String expected) throws UnprocessableValueException {
        assertTrue(DateValues.isDate(value), value);
        assertEquals(expected, DateValues.shift(value, 40));
    }
}

package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A holiday with its year in a note names a day (decision 0186): the whole is {@code [DATE]}, with a subject or
 * without — no shift makes a holiday of the shifted day. Without its year too (decision 0189): a holiday of several
 * words or one that only names a day wherever it stands, one that is a word otherwise too after a word of time.
 */
class HolidayDatesTest {

    private static final Subject FORTY_DAYS_ON = new Subject("PAT-40", 40);

    private static TextScrubber scrubber() {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Seen Christmas Eve 2021 and again Thanksgiving 2022.|Seen [DATE] and again [DATE].",
        "Easter Sunday 2023 visit, fell on New Year's Eve, 2019.|[DATE] visit, fell on [DATE].",
        "Syncope on the Fourth of July 2020 at a barbecue.|Syncope on [DATE] at a barbecue.",
        "ED visit Boxing Day 2022; GP review Anzac Day 2023.|ED visit [DATE]; GP review [DATE].",
        "Sturz an Heiligabend 2021, Kontrolle Ostermontag 2022.|Sturz an [DATE], Kontrolle [DATE].",
        "Chute le jour de l’an 2020, revu à Pâques 2021.|Chute le [DATE], revu à [DATE].",
        "Ingreso en Nochebuena de 2021.|Ingreso en [DATE].",
        "Caduta a Capodanno 2019.|Caduta a [DATE].",
        "Opname tweede kerstdag 2022.|Opname [DATE].",
        "Internado na Páscoa 2023.|Internado na [DATE].",
        "Halloween of 2018 she broke her wrist.|[DATE] she broke her wrist.",
    })
    void aHolidayWithItsYearIsADate(String note, String expected) {
        assertEquals(expected, scrubber().scrub(note, FORTY_DAYS_ON));
        assertEquals(expected, scrubber().scrub(note, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Seen on Christmas Day; daughter visited over Thanksgiving.|Seen on [DATE]; daughter visited over [DATE].",
        "Family visits over Christmas; Easter plans unchanged.|Family visits over [DATE]; Easter plans unchanged.",
        "Mother's Day brunch was tolerated.|[DATE] brunch was tolerated.",
        "Fell on Good Friday, no LOC; worse since Easter.|Fell on [DATE], no LOC; worse since [DATE].",
        "christmas eve: SOB, came in by ambulance|[DATE]: SOB, came in by ambulance",
        "Sturz an Heiligabend, Schmerzen seit Ostern.|Sturz an [DATE], Schmerzen seit [DATE].",
        "Revu depuis Noël, chute à la Toussaint.|Revu depuis [DATE], chute à la [DATE].",
        "Ingreso en Nochevieja, mejor desde Navidad.|Ingreso en [DATE], mejor desde [DATE].",
        "Caduta a Natale, visita dopo Ferragosto.|Caduta a [DATE], visita dopo [DATE].",
        "Opname met Pasen, controle na Koningsdag.|Opname met [DATE], controle na [DATE].",
        "Internado no Natal, alta na véspera de Natal.|Internado no [DATE], alta na [DATE].",
    })
    void aHolidayWithoutItsYearIsADateWhereItNamesADay(String note, String expected) {
        assertEquals(expected, scrubber().scrub(note, FORTY_DAYS_ON));
        assertEquals(expected, scrubber().scrub(note, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Christmas 5 kg weight gain, HbA1c 2021 target 7%.",
        "Work-up for Christmas disease (factor IX 3%), on Easter Island until May.",
        "No Natal teeth; no natal cleft dimple.",
        "Christmas cards from the ward; an Easter egg hunt.",
        "Easter plans unchanged, Thanksgiving menu discussed.",
        "Since 2019 the Reyes clinic follows her.",
        "Valentine 2019 pacemaker check normal.",
        "Xmas tree 20210 lights",
    })
    void aHolidayThatNamesNoDayOrAYearWithoutAHolidayIsNoDate(String note) {
        String scrubbed = scrubber().scrub(note, FORTY_DAYS_ON);
        assertFalse(scrubbed.contains("[DATE]"), scrubbed);
    }
}

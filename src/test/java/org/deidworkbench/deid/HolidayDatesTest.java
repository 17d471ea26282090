package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A holiday with its year in a note names a day (decision 0186): the whole is {@code [DATE]}, with a subject or
 * without — no shift makes a holiday of the shifted day. Without a year the holiday is a season and stays.
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
    @ValueSource(strings = {
        "Family visits over Christmas; Easter plans unchanged.",
        "Mother's Day brunch was tolerated.",
        "Christmas 5 kg weight gain, HbA1c 2021 target 7%.",
        "Since 2019 the Reyes clinic follows her.",
        "Valentine 2019 pacemaker check normal.",
        "Xmas tree 20210 lights",
    })
    void aHolidayWithoutItsYearOrAYearWithoutAHolidayIsNoDate(String note) {
        String scrubbed = scrubber().scrub(note, FORTY_DAYS_ON);
        assertFalse(scrubbed.contains("[DATE]"), scrubbed);
    }
}

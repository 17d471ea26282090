package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Japanese era dates and the year-month-day dates of Japanese, Chinese and Korean text. */
class EastAsianDatesTest {

    @ParameterizedTest
    @CsvSource({"昭和33年3月12日,1958-03-12", "S33.3.12,1958-03-12", "令和元年5月1日,2019-05-01", "令和1年5月1日,2019-05-01",
        "平成31年4月30日,2019-04-30", "平成元年1月8日,1989-01-08", "昭和64年1月7日,1989-01-07", "大正15年12月24日,1926-12-24",
        "明治45年7月29日,1912-07-29", "H1.1.8,1989-01-08", "2023年3月12日,2023-03-12", "2023년 3월 12일,2023-03-12",
        "2023년3월12일,2023-03-12"})
    void aDateIsRead(String value, String iso) {
        assertEquals(LocalDate.parse(iso), EastAsianDates.parse(value));
    }

    @ParameterizedTest
    @CsvSource({"平成31年5月1日", "令和元年4月30日", "昭和64年1月8日", "2023年2月30日", "S70.1.1", "平成0年1月1日", "X33.3.12"})
    void aDayTheEraDidNotHaveIsNoDate(String value) {
        assertNull(EastAsianDates.parse(value));
    }

    @ParameterizedTest
    @CsvSource({"平成31年4月30日,1,令和元年5月1日", "令和元年5月1日,-1,平成31年4月30日", "昭和64年1月7日,1,平成元年1月8日",
        "昭和33年3月12日,139,昭和33年7月29日", "S33.3.12,139,S33.7.29", "H31.4.30,1,R1.5.1", "S64.1.7,1,H1.1.8",
        "2023年3月12日,-5,2023年3月7日", "2023年03月12日,1,2023年03月13日", "2023년 3월 12일,30,2023년 4월 11일",
        "明治1年10月23日,-1,1868年10月22日"})
    void aDateIsShiftedInItsNotationAndEra(String value, int days, String shifted) {
        assertEquals(shifted, EastAsianDates.shift(value, days));
    }

    @Test
    void datesAreFoundInRunningTextWithoutSpaces() {
        String text = "2023年3月12日 救急搬送。昭和33年3月12日生。令和5年1月3日退院。2023년 4월 25일 퇴원.";
        List<EastAsianDates.Found> found = EastAsianDates.find(text);
        assertEquals(4, found.size());
        assertEquals("昭和33年3月12日", text.substring(found.get(1).start(), found.get(1).end()));
        assertEquals("2023년 4월 25일", text.substring(found.get(3).start(), found.get(3).end()));
    }

    @Test
    void aNumberBeforeAYearIsNoDate() {
        assertEquals(List.of(), EastAsianDates.find("番号12023年3月12日"));
    }
}

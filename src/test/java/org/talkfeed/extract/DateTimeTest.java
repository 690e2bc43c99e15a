package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DateTimeTest {
    private static final LocalDate SENT = LocalDate.of(2022, 2, 16); // a Wednesday

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Tuesday, February 22nd at 11:00 am | 2022-02-22",
            "Feb. 22, 2022 | 2022-02-22",
            "22 Feb 2022 | 2022-02-22",
            "the 22nd of February | 2022-02-22",
            "on 2/22 in room 5 | 2022-02-22",
            "22.02.2022 | 2022-02-22",
            "2022-02-22 | 2022-02-22",
            "tomorrow at noon | 2022-02-17",
            "today | 2022-02-16",
            "Jan 10 | 2022-01-10",
            "Mar 1 | 2022-03-01",
            "September 9 | 2022-09-09",
            "December 20 | 2021-12-20",
            "Thu, Dec 3, 2026 | 2026-12-03",
    })
    void datesMonthFirst(String text, String expected) {
        List<DateMention> found = new DateFinder(SENT, false).find(text);
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).date()).isEqualTo(LocalDate.parse(expected));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"3/4 | 2022-04-03", "13/4 | 2022-04-13", "4/13 | 2022-04-13"})
    void dayFirstFollowsTheListLocaleUnlessTheNumbersDecide(String text, String expected) {
        assertThat(new DateFinder(SENT, true).find(text).get(0).date()).isEqualTo(LocalDate.parse(expected));
    }

    @org.junit.jupiter.api.Test
    void theTextItselfCanShowItsDatesAreDayFirst() {
        List<DateMention> found = new DateFinder(SENT, false).find("deadline 22/3, talk on 3/4");
        assertThat(found.get(1).date()).isEqualTo(LocalDate.of(2022, 4, 3));
        assertThat(new DateFinder(SENT, false).find("talk on 3/4").get(0).date()).isEqualTo(LocalDate.of(2022, 3, 4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"you may 2 choose", "version 1.2 released", "at 3.30pm", "a 1/2 hour break",
            "3/4 of the seats"})
    void notDates(String text) {
        assertThat(new DateFinder(SENT, false).find(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aWeekdayThatContradictsTheDateIsAWarning() {
        DateMention d = new DateFinder(SENT, false).find("Monday, February 22").get(0);
        assertThat(d.warning()).contains("Monday").contains("Tuesday");
        assertThat(new DateFinder(SENT, false).find("Tuesday, February 22").get(0).warning()).isNull();
    }

    @org.junit.jupiter.api.Test
    void aWeekdayAloneIsTheNextSuchDay() {
        assertThat(new DateFinder(SENT, false).findWeekdays("this Thursday").get(0).date()).isEqualTo(LocalDate.of(2022, 2, 17));
    }

    @ParameterizedTest(name = "{0} -> {1}-{2}")
    @CsvSource(delimiter = '|', value = {
            "11:00 am CT | 11:00 | ",
            "4pm | 16:00 | ",
            "4 p.m. | 16:00 | ",
            "16:30 | 16:30 | ",
            "16h30 | 16:30 | ",
            "12:00 noon | 12:00 | ",
            "noon | 12:00 | ",
            "3:30-4:30pm | 15:30 | 16:30",
            "15:00–16:00 | 15:00 | 16:00",
            "11-12:30pm | 11:00 | 12:30",
            "10:30 AM - 12 PM | 10:30 | 12:00",
            "from 3 to 4 pm | 15:00 | 16:00",
            "16 c.t. | 16:15 | ",
            "16 s.t. | 16:00 | ",
            "1:15pm-3:15pm ET | 13:15 | 15:15",
            "This Friday (12-2) is our last meeting | 12:00 | 14:00",
    })
    void times(String text, String start, String end) {
        List<TimeRange> found = new TimeFinder(true).find(text);
        assertThat(found).as(text).isNotEmpty();
        assertThat(found.get(0).start()).isEqualTo(LocalTime.parse(start));
        assertThat(found.get(0).end()).isEqualTo(end == null ? null : LocalTime.parse(end));
    }

    @Test
    void aTwoDigitYearTakesTheCenturyOfTheMessage() {
        LocalDate sent2001 = LocalDate.of(2001, 3, 20);
        assertThat(new DateFinder(sent2001, false).find("on 9-Apr-01").get(0).date()).isEqualTo(LocalDate.of(2001, 4, 9));
        assertThat(new DateFinder(sent2001, false).find("on 4/9/01").get(0).date()).isEqualTo(LocalDate.of(2001, 4, 9));
        assertThat(new DateFinder(SENT, false).find("on 3/6/22").get(0).date()).isEqualTo(LocalDate.of(2022, 3, 6));
    }

    @Test
    void aStatedWeekdaySettlesTheOrderOfAnAmbiguousDate() {
        LocalDate sent2001 = LocalDate.of(2001, 3, 20);
        // 9 April 2001 was a Monday, 4 September 2001 a Tuesday
        assertThat(new DateFinder(sent2001, true).find("When: 4.9.01, Monday").get(0).date()).isEqualTo(LocalDate.of(2001, 4, 9));
        assertThat(new DateFinder(sent2001, false).find("Tuesday 4.9.01").get(0).date()).isEqualTo(LocalDate.of(2001, 9, 4));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Room 1.204", "call 773-834-1234", "22.02.2022", "$3.50", "page 12",
            "Friday 12-15 May", "won 12-2 last season", "Tuesday afternoon", "the noontime sun", "a middayish break"})
    void notTimes(String text) {
        assertThat(new TimeFinder(true).find(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "11:00 am CT | America/Chicago",
            "3pm EDT | America/New_York",
            "10:00 ET | America/New_York",
            "17:00 UTC | UTC",
            "14:00 CEST | Europe/Berlin",
            "9am Pacific Time | America/Los_Angeles",
            "16:00 Chicago time | America/Chicago",
            "18:00 UTC+2 | Etc/GMT-2",
            "18:00 (London time) | Europe/London",
            "noon JST | Asia/Tokyo",
            "6 to 7pm UK Summer Time | Europe/London",
            "17:00 Central European Summer Time | Europe/Berlin",
    })
    void zones(String text, String zone) {
        assertThat(ZoneWords.find(text)).isEqualTo(zone);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Smith et al. 2020", "The MT system", "at 4pm"})
    void noZone(String text) {
        assertThat(ZoneWords.find(text)).isNull();
    }
}

package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesNamesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Algebra Seminar Fri Nov 6|Algebra Seminar", "HCI Lunch this week|HCI Lunch",
            "Vision online seminar, Tue 17 Nov 17:00 UTC|Vision online seminar", "Logic Colloquium 12/3|Logic Colloquium"})
    void aSubjectsSeriesNameLeavesOutWhen(String head, String name) {
        assertThat(SeriesNames.fromSubjectHead(head)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Talk", "Guest lecture Friday", "Virtual talk Thu 11/19 10:00 ET", "Special Seminar", "PhD Thesis Defense",
            "Tue 3 Mar"})
    void genericWordsAndDatesAreNoSeriesName(String head) {
        assertThat(SeriesNames.fromSubjectHead(head)).isNull();
    }

    @Test
    void theBodyNamesTheSeriesInASentence() {
        assertThat(SeriesNames.inProse("Dear all,\n\nThis Monday the next Number Theory Seminar's speaker is visiting."))
                .isEqualTo("Number Theory Seminar");
        assertThat(SeriesNames.inProse("The joint Applied Topology Reading Group (two departments) meets online."))
                .isEqualTo("Applied Topology Reading Group");
        assertThat(SeriesNames.inProse("The Guest Lecture is at noon. The speaker works on the colloquium series."))
                .isNull();
    }

    @Test
    void aDigestHeadingIsASeriesNameCapitalizedAsOne() {
        assertThat(SeriesNames.heading("2) NUMERICAL ANALYSIS SEMINAR")).isEqualTo("Numerical Analysis Seminar");
        assertThat(SeriesNames.heading("Date: Tuesday, December 8")).isNull();
        assertThat(SeriesNames.heading("1) GUEST LECTURE")).isNull();
        assertThat(SeriesNames.heading("This week's talks:")).isNull();
    }

    @Test
    void theBodysFullNameWinsOverTheSubjectsAbbreviation() {
        assertThat(SeriesNames.fuller("NT Seminar", "Number Theory Seminar")).isEqualTo("Number Theory Seminar");
        assertThat(SeriesNames.fuller("Logic Lunch", "Number Theory Seminar")).isEqualTo("Logic Lunch");
        assertThat(SeriesNames.fuller(null, "Number Theory Seminar")).isEqualTo("Number Theory Seminar");
    }
}

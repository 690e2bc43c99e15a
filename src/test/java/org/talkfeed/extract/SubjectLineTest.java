package org.talkfeed.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SubjectLineTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "May 2023: Regulating Machine Learning in Europe | Regulating Machine Learning in Europe",
            "Thu 13 Apr: Building Parsers by Hand | Building Parsers by Hand",
            "[talks] 12/10: Soil Carbon and Farm Policy | Soil Carbon and Farm Policy",
    })
    void aDateBeforeTheColonLeavesTheTitle(String subject, String title) {
        assertThat(SubjectLine.subjectParts(subject).title()).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ines Carvalho cancels her visit to campus | Ines Carvalho",
            "Reminder: Tom Hale talks Friday on glaciers | Tom Hale",
    })
    void aSubjectThatOpensOnThePerson(String subject, String name) {
        assertThat(SubjectLine.subjectParts(subject).speaker().name()).isEqualTo(name);
    }
}

package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerCluesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Ana Ruiz (Lisbon): Minimal surfaces in space forms | Ana Ruiz | Lisbon | Minimal surfaces in space forms",
            "Geometry seminar: Ana Ruiz (Lisbon): Minimal surfaces in space forms | Ana Ruiz | Lisbon | Minimal surfaces in space forms",
    })
    void headlineWithAnOptionalSeriesFirst(String line, String name, String affiliation, String title) {
        SubjectLine.SubjectParts parts = SpeakerClues.headline(line);
        assertThat(parts).isNotNull();
        assertThat(parts.speaker().name()).isEqualTo(name);
        assertThat(parts.speaker().affiliation()).isEqualTo(affiliation);
        assertThat(parts.title()).isEqualTo(title);
    }

    @Test
    void aHostNamedAtTheEndOfASentenceEndsThere() {
        assertThat(SpeakerClues.hostFromProse("She is visiting at the invitation of Ada Quist. If you would like to meet, reply."))
                .isEqualTo("Ada Quist");
        assertThat(SpeakerClues.hostFromProse("The talk is hosted by Prof. Ada Quist and the lab.")).isEqualTo("Ada Quist");
    }
}

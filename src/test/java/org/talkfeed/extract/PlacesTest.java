package org.talkfeed.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlacesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Join us on Zoom at 4pm. | true",
            "Aufgrund der Lage finden die meisten Vorträge als Online-Veranstaltungen statt. | true",
            "Im Kulturhaus (Lindenweg 3) sowie digital. | true",
            "3. Ringvorlesung: Klima (online) | true",
            "Ein Videovortrag über Gletscher | true",
            "La conférence aura lieu en ligne. | true",
            "Online-Anmeldung bis Freitag, Vortrag im Hörsaal 2. | false",
            "The talk is in Room 101; digital humanities welcome. | false",
            "Refreshments at 3:30 in the lounge. | false",
    })
    void proseThatOffersAWayToAttendOnline(String text, boolean online) {
        assertThat(Places.proseOffersOnline(text)).isEqualTo(online);
    }

    /** Words before a place that are not part of it are dropped only as whole words, and the event's noun only before them. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The talk will be held in Room 5 | Room 5",
            "Seminar: Room 3 | Room 3",
            "In person at Gates 104 | Gates 104",
            "Live, in-person, Hall A | Hall A",
            "Lecture Theatre 3, Kings Building | Lecture Theatre 3, Kings Building",
            "Seminarraum 0.01 | Seminarraum 0.01",
            "Seminar room 4 | Seminar room 4",
            "Atrium, Main Building | Atrium, Main Building",
            "Innovation Centre 2 | Innovation Centre 2",
            "Livermore Hall | Livermore Hall",
    })
    void aPlaceKeepsItsOwnLeadingWords(String where, String place) {
        assertThat(Places.location(List.of(where))).isEqualTo(place);
    }
}

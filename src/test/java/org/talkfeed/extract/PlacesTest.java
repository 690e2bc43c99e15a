package org.talkfeed.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}

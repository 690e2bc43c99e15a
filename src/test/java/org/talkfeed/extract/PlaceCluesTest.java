package org.talkfeed.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceCluesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "The talk is at 4pm in the Lecture Hall of the Royal Botanic Society. | Lecture Hall of the Royal Botanic Society",
            "Dienstag, 18.30 Uhr, Festsaal des Alten Schlosses: Vortrag | Festsaal des Alten Schlosses",
            "Meet at 3pm in the Garden Room of the Old Mill and then walk on. | Garden Room",
            "3 p.m. Physics lecture. Jane Roe, Acme Labs. 204 Materials Science. | 204 Materials Science",
            "Join us in Room 204 of the Science Center at noon. | Room 204, Science Center",
            "Montag, 16:15 im Raum SR4 | SR4",
            "Over 20 years ago we met at 4pm. | -",
            "The 3D-Druck workshop starts at 18 Uhr. | -",
            "Monday, 12:00-1:30 pm  Baxter Hall 12C | Baxter Hall 12C",
            "The 4pm talk has been moved to Mill Hall 7A (ground floor). | Mill Hall 7A",
            "3/29  KH 100   4:00  Dr. Ana Ruiz | KH 100",
            "Lab Seminar 11/30/87 at 4pm | -",
            "Reading list\\n4-218-553 covers the case. | -",
            "Over 20 people came at 4pm, over the years. | -",
            "Dr. Ann Lee will lecture at 5 p.m. on Friday, 5 May, in the Corn Exchange. | the Corn Exchange",
            "The lecture day will be held at The Riverside Academy, Leeds on May 16. | The Riverside Academy, Leeds",
            "The panel meets at 1pm at the meeting (at the Palm Bay Grand Resort in Key West). | Palm Bay Grand Resort",
            "6 p.m. Music lecture. Ana Reis, Porto. Kerr Auditorium, School of Music. | Kerr Auditorium, School of Music",
            "Ann Lee, in the Department of History, will give a talk at 5pm. | -",
            "The book, in the Penguin Classics series, is at the library. | -",
    })
    void placeInProse(String text, String place) {
        assertThat(PlaceClues.locationFromProse(text.replace("\\n", "\n"))).isEqualTo(place);
    }
}

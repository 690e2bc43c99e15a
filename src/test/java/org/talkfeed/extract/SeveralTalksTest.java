package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.TestMail;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Messages that announce several talks: term lists, numbered programmes, news items and letters. */
class SeveralTalksTest {

    private static List<Talk> talks(String subject, String body) {
        byte[] mail = TestMail.plain("Seminar Desk <desk@example.org>", "<several-" + body.hashCode() + "@example.org>",
                "Mon, 06 Mar 2023 09:00:00 +0100", subject, body);
        Announcement announcement = new Extractor().extractMessage(mail, ExtractionDefaults.NONE);
        return announcement.talks();
    }

    @Test
    void aTermListWithTheSpeakerAboveEachDate() {
        List<Talk> talks = talks("Biology seminars", """
                The following seminars will be held at 4 p.m. on Thursdays in the Lecture Theatre.

                DR A. QUILL, Chief Scientist, Marine Institute
                16 Mar.: `Tides and the timing of spawning.'

                PROFESSOR B. ROOK, Northern University, York
                23 Mar.: `Genetics and ecology of reed beds.'
                """);
        assertThat(talks).extracting(Talk::date).containsExactly(LocalDate.of(2023, 3, 16), LocalDate.of(2023, 3, 23));
        assertThat(talks).extracting(Talk::start).containsOnly(LocalTime.of(16, 0));
        assertThat(talks.get(1).speakers()).containsExactly(new Speaker("B. ROOK", "Northern University, York"));
        assertThat(talks.get(1).title()).isEqualTo("Genetics and ecology of reed beds.");
    }

    @Test
    void aParagraphUnderTheSpeakerLineIsNotTheAffiliation() {
        List<Talk> talks = talks("Public lectures", """
                1. Lecture series on rivers
                Monday, 13 March, 6 p.m.: "Floods and their memory"

                Speaker: Prof. Dr. Clara Fenn (Geography, Hill University)
                Researchers from many fields explain how rivers shape towns. The lectures are meant for the interested public and take place online.

                2. Lecture series on bridges
                Tuesday, 14 March, 12.15: "Stone arches"

                Speaker: Dan Pike (Engineering)
                A talk of the centre for lifelong learning. Registration by phone, please.
                """);
        assertThat(talks).extracting(Talk::speakers).containsExactly(
                List.of(new Speaker("Clara Fenn", "Geography, Hill University")), List.of(new Speaker("Dan Pike", "Engineering")));
    }

    @Test
    void aTitleGivenAsTheTopicInGerman() {
        List<Talk> talks = talks("Öffentliche Vorträge", """
                Die Universität bietet öffentliche Vorträge an.

                1. Ringvorlesung: „Flüsse und Städte“
                Montag, 13. März, 19.00 Uhr, Festsaal: „Die Saar als Grenze“
                Referent: Dr. Paul Kern (Universität Nord)

                2. Poetikdozentur:
                Montag, 13. März, 20.00 Uhr im Theater: Zweiter Vortrag von Eva Lind zum Thema „Sprechen. Schweigen.“

                3. Ringvorlesung: „Raumfahrt heute“ (online)
                Dienstag, 14. März, 17.30 Uhr: „Satelliten und Klima“
                Referentin: Dr. Ida Sommer (Institut Süd)
                """);
        assertThat(talks).extracting(Talk::title).containsExactly("Die Saar als Grenze", "Sprechen. Schweigen.", "Satelliten und Klima");
        assertThat(talks).extracting(Talk::start).containsExactly(LocalTime.of(19, 0), LocalTime.of(20, 0), LocalTime.of(17, 30));
    }

    @Test
    void aNumberedHeadingAboveADateHeadsTheNextItemNotThePreviousOne() {
        List<Talk> talks = talks("Öffentliche Vorträge", """
                1. Poetikdozentur:
                Montag, 13. März, 20.00 Uhr im Theater: Zweiter Vortrag von Eva Lind

                2. Ringvorlesung: „Raumfahrt und Erde heute“ (online)
                Dienstag, 14. März, 17.30 Uhr: „Satelliten und Klima“
                Referentin: Dr. Ida Sommer (Institut Süd)
                """);
        assertThat(talks).hasSize(2);
        assertThat(talks.get(0).title()).isNull();
    }

    @Test
    void aWorkshopProgrammeWithTimesNamesAndQuotedTitles() {
        List<Talk> talks = talks("Acquisition workshop", """
                The workshop is on Saturday, March 11. The talks, below, will be in Hall 103.

                10 am Ana Fox (U.Mass) “Gender in first and second languages”

                10.40am Ben Ortiz (U. Conn)  "Long passives in children"

                12.30-2 Lunch break

                2.30pm Ada Kim, Tom Reyes and Li Wei (U. Mass)  “Restrictiveness and recursion”
                """);
        assertThat(talks).extracting(Talk::start).containsExactly(LocalTime.of(10, 0), LocalTime.of(10, 40), LocalTime.of(14, 30));
        assertThat(talks.get(1).speakers()).containsExactly(new Speaker("Ben Ortiz", "U. Conn"));
        assertThat(talks.get(2).speakers()).extracting(Speaker::name).containsExactly("Ada Kim", "Tom Reyes", "Li Wei");
        assertThat(talks.get(2).speakers()).extracting(Speaker::affiliation).containsOnly("U. Mass");
    }

    @Test
    void aCampusCalendarKeepsTheTalksAndLeavesFilmsAndMeetings() {
        List<Talk> talks = talks("Calendar of events", """
                Calendar of events
                Monday, March 13
                Arts
                7:30 p.m. Film society film. “The Long Goodbye.” Ann Gray, speaker. Main Theater.
                Lectures
                4:30 p.m. History seminar. “Rivers and Empires in the Early Modern World.” Ruth Lane, University of Leeds. 102 Jones.
                6 p.m. School of Design lecture. “Playgrounds.” Eva Marsh and Tom Pratt, Marsh + Pratt Studio, Lisbon. 12 Kerr Hall.
                Notices
                4:30 p.m. Faculty meeting. 101 Mill.
                7 p.m. Bookstore book reading and signing. Sam Field, author of “The Quiet Harbour Years.” Bookstore.
                """);
        assertThat(talks).extracting(Talk::title).containsExactly("Rivers and Empires in the Early Modern World.", "Playgrounds.");
        assertThat(talks.get(1).speakers()).containsExactly(
                new Speaker("Eva Marsh", "Marsh + Pratt Studio, Lisbon"), new Speaker("Tom Pratt", "Marsh + Pratt Studio, Lisbon"));
        assertThat(talks.get(1).start()).isEqualTo(LocalTime.of(18, 0));
    }
}

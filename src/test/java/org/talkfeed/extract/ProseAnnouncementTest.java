package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.TestMail;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;


import static org.assertj.core.api.Assertions.assertThat;

/** Announcements written as prose, without labels: who speaks, and in which zone the time is meant. */
class ProseAnnouncementTest {

    private static Talk onlyTalk(String subject, String body) {
        return onlyTalk("Seminar Desk <desk@example.org>", subject, body);
    }

    private static Talk onlyTalk(String from, String subject, String body) {
        byte[] mail = TestMail.plain(from, "<prose-" + subject.hashCode() + "@example.org>", "Mon, 06 Mar 2023 09:00:00 +0100",
                subject, body);
        Announcement announcement = new Extractor().extractMessage(mail, ExtractionDefaults.NONE);
        assertThat(announcement.talks()).as("talks in: " + body).hasSize(1);
        return announcement.talks().get(0);
    }

    @Test
    void theWriterWhoPresentsWithSomeoneIsASpeakerToo() {
        Talk talk = onlyTalk("\"Okafor, Ruth\" <ruth@example.org>", "Society anniversary", """
                Twenty years ago Ken Mori and I founded this society.

                Plug: learn how it all began at the opening session, Friday 10 March at 11 am. Ken Mori and I will present.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Ken Mori", "Ruth Okafor");
    }

    @Test
    void aWriterWhoOnlyMentionsSomeoneIsNoSpeaker() {
        Talk talk = onlyTalk("\"Okafor, Ruth\" <ruth@example.org>", "Society anniversary", """
                Plug: learn how it all began at the opening session, Friday 10 March at 11 am. Ken Mori will present.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Ken Mori");
    }

    @Test
    void aLabeledDateLeftOverFromLastWeekYieldsToTheSubjectsDate() {
        String body = """
                For tomorrow's reading group, Ruth Okafor will talk about parsing old manuscripts.

                Date and time: Tuesday 28 February, 6:30 to 7:30pm UK time.
                """;
        Talk stale = onlyTalk("Reading group: Tue 7 Mar: Ruth Okafor", body);
        assertThat(stale.date()).hasToString("2023-03-07");
        assertThat(stale.warnings()).anyMatch(w -> w.contains("before the message was sent"));
        Talk past = onlyTalk("Reading group: Ruth Okafor", body); // nothing better to go on: the stated date stands
        assertThat(past.date()).hasToString("2023-02-28");
    }

    @Test
    void theZoneWrittenWithTheTimeWinsOverAnEarlierOne() {
        Talk talk = onlyTalk("Tue 7 Mar: reading group", """
                Next month, on 3 April from 1 to 5pm Eastern Time, the open forum meets again.

                Tomorrow's reading group (Tuesday 7 March, 6:30 to 7:30pm UK Summer Time): Ruth Okafor
                will talk about parsing old manuscripts.
                """);
        assertThat(talk.date()).hasToString("2023-03-07");
        assertThat(talk.timezone()).isEqualTo("Europe/London");
    }

    @Test
    void aQuotedTitleWithItsSpeaker() {
        Talk talk = onlyTalk("Evening talks resume", """
                On Thursday, March 9, at 7pm we meet again in the Garden Room.

                “Beekeeping in Cities” with Tomas Lindqvist, Urban Apiarist

                Tomas will share what ten years of rooftop hives taught him.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Tomas Lindqvist");
    }

    @Test
    void firstUpIsTheSpeaker() {
        Talk talk = onlyTalk("Two topics today", """
                We meet today, March 6, at 4pm on Zoom.

                Indexing scanned journals
                First up is Priya Raman. She will present what the library has learned so far.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Priya Raman");
    }

    @Test
    void markdownBoldDoesNotHideTheSpeaker() {
        Talk talk = onlyTalk("Theory meeting", """
                The theory meeting is this **Friday, March 10** at **203 Hill Hall**.

                **4:00 – 4:30 pm** – A talk by Prof. **Lena Park** on **“Sparse cuts in expanders”**.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Lena Park");
        assertThat(talk.start()).hasToString("16:00");
    }

    @Test
    void aLineStandingAloneAboveTheAbstractIsTheTitle() {
        Talk talk = onlyTalk("Today's talk: Omar Haddad", """
                Today's talk will take place at 16:00 in room 4.02. The speaker is Omar Haddad.

                Mapping the Undersea Cables

                Abstract:

                Most traffic between continents crosses a few hundred cables.
                """);
        assertThat(talk.title()).isEqualTo("Mapping the Undersea Cables");
    }

    @Test
    void aLabeledTitleLosesItsEventPrefix() {
        Talk talk = onlyTalk("Defense invitation", """
                Speaker: Jane Roe
                Topic: Jane Roe's Thesis Defense: Sketching Large Graphs
                Date: Friday, March 10, 2023, 2pm
                """);
        assertThat(talk.title()).isEqualTo("Sketching Large Graphs");
    }

    @Test
    void theSenderGivingTheirOwnTalkUnderACamelCaseAccountName() {
        Talk talk = onlyTalk("MinaLee <mina@example.org>", "No class next week", """
                Hi all,

                There is no class next week. I will be giving a talk tomorrow, March 7, at 4pm about
                "Testing Compilers at Scale" in the systems seminar; feel free to join.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Mina Lee");
    }

    @Test
    void twoPeopleNamedTogetherBeforeTheVerb() {
        Talk talk = onlyTalk("Brownbag on water policy", """
                There will be a brownbag lunch discussion on water policy this Thursday, March 9, at 12.30 in room 1001.

                Marta Quiroga and Dev Anand will be moderating the discussion.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Marta Quiroga", "Dev Anand");
    }

    @Test
    void aSecondPersonNamedAfterTheFirstOnesDescription() {
        Talk talk = onlyTalk("Europa im Gespräch", """
                Montag, 13. März, 19 Uhr, Festsaal des Rathauses:
                Vortrag und Gespräch mit Prof. Dr. Karl Brandt, Berater für Wirtschaftsfragen (Institut für Handel, Köln) und Lena Vogt, Korrespondentin des Rundfunks, Brüssel.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Karl Brandt", "Lena Vogt");
    }

    @Test
    void anInstitutionAfterTheFirstOnesDescriptionIsNoSecondSpeaker() {
        Talk talk = onlyTalk("Seminar", """
                Monday 13 March at 4pm in Room 101: a talk by Dr. Karl Brandt, adviser to the Ministry of Trade and Hill Valley College (Boston).
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Karl Brandt");
    }

    @Test
    void anInitialBeforeTheSurnameDoesNotEndTheSentenceThatNamesTheSpeaker() {
        Talk talk = onlyTalk("Memorial Lecture", """
                PROFESSOR A. REED, Professor of Music, Kings College, London, will deliver the Memorial Lecture at 5 p.m. on Friday, 10 March, in the Corn Exchange.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("A. REED");
    }

    @Test
    void aQuotedTitleBeforeTheSpeakerIsNotTheSpeaker() {
        Talk talk = onlyTalk("Polymer seminar", """
                A seminar, entitled "Crystal Growth in Rotating Drum
                Furnaces", will be given on Friday, March 10, at 3:30 in Hill Hall 112. Professor Lena Okoro
                from the Department of Chemistry at Kent State University will present the talk.
                """);
        assertThat(talk.speakers()).extracting(Speaker::name).containsExactly("Lena Okoro");
    }
}

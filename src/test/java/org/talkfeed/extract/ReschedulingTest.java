package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.TestMail;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

/** A message that moves a talk names its new day; the talk is read on that day, and the message says it moves it. */
class ReschedulingTest {

    private static Announcement read(String subject, String body) {
        byte[] mail = TestMail.plain("Seminar Desk <desk@example.org>", "<moved-" + (subject + body).hashCode() + "@example.org>",
                "Mon, 2 Mar 2026 09:00:00 -0600", subject, body);
        Announcement announcement = new Extractor().extractMessage(mail, ExtractionDefaults.NONE);
        assertThat(announcement.talks()).as("talks in: " + body).hasSize(1);
        return announcement;
    }

    @Test
    void aTalkMovedToAnotherDayIsAnUpdateOnTheNewDayAtTheSameTime() {
        Announcement a = read("Date change: Ada Quint seminar", """
                Dear all,

                Ada Quint's seminar on Thursday, March 5 has been moved to Thursday, March 12, same time (4pm, Hall 210).
                """);
        assertThat(a.kind()).isEqualTo(Kind.UPDATE);
        assertThat(a.moved()).isTrue();
        Talk talk = a.talks().get(0);
        assertThat(talk.date()).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(talk.start()).isEqualTo(LocalTime.of(16, 0));
        assertThat(talk.warnings()).contains("moved to 2026-03-12 from 2026-03-05");

        Announcement plainSubject = read("Seminar: Ada Quint", """
                Please note: Ada Quint's seminar on graph minors (Thursday, March 5, 4pm) has been rescheduled to
                Friday, March 13 at 11am, in Hall 210.
                """);
        assertThat(plainSubject.kind()).as("the body says it moves the talk").isEqualTo(Kind.UPDATE);
        assertThat(plainSubject.talks().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(plainSubject.talks().get(0).start()).isEqualTo(LocalTime.of(11, 0));
    }

    @Test
    void aTalkPostponedToADayIsACancellationThatMovesIt() {
        Announcement a = read("Postponed: Ada Quint seminar", """
                This Thursday's seminar (March 5) by Ada Quint is postponed to March 19 at 3:30 pm, Hall 210.
                """);
        assertThat(a.kind()).isEqualTo(Kind.CANCELLATION);
        assertThat(a.moved()).isTrue();
        assertThat(a.change()).isEqualTo(Kind.UPDATE);
        assertThat(a.talks().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(a.talks().get(0).start()).isEqualTo(LocalTime.of(15, 30));
    }

    @Test
    void theNewDayMayComeAfterTheWordsThatMoveTheTalkOrBeforeInstead() {
        Announcement later = read("[CANCELLED] Reading group: Wed, Mar 4", """
                Campus is closed because of the snow, so today's session is cancelled. We will move this planned session
                to the following week (Wed Mar 11th, 1-2pm). The schedule will be updated.
                """);
        assertThat(later.talks().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 11));
        assertThat(later.talks().get(0).start()).isEqualTo(LocalTime.of(13, 0));
        assertThat(later.talks().get(0).end()).isEqualTo(LocalTime.of(14, 0));

        Announcement instead = read("Seminar cancelled", """
                Date: Wednesday, March 4, 2026
                Time: 3:30 PM

                This Wed.'s (3/4) seminar is cancelled.  Ada Quint's talk on graph minors will be given at 3:30PM
                next Wed. (3/11) instead.
                """);
        assertThat(instead.talks().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void withoutANewDayInTheSameSentenceNothingIsMoved() {
        Announcement offForNow = read("Seminar postponed", """
                Ada Quint's seminar on Thursday, March 5 at 4pm is postponed until further notice.
                """);
        assertThat(offForNow.moved()).isFalse();
        assertThat(offForNow.kind()).isEqualTo(Kind.CANCELLATION);
        assertThat(offForNow.talks().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 5));

        Announcement nextSentence = read("Seminar postponed", """
                Ada Quint's seminar on Thursday, March 5 at 4pm is postponed to a later date. The next seminar, by Lena Vogt,
                is on Thursday, March 19.
                """);
        assertThat(nextSentence.moved()).isFalse();
        assertThat(nextSentence.talks().get(0).date()).isEqualTo(LocalDate.of(2026, 3, 5));

        Announcement online = read("Seminar: Ada Quint", """
                Ada Quint speaks on graph minors on Thursday, March 5 at 4pm. We have moved to Zoom for this one:
                https://zoom.us/j/123456789
                """);
        assertThat(online.moved()).isFalse();
        assertThat(online.kind()).isEqualTo(Kind.ANNOUNCEMENT);
    }
}

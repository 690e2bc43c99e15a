package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Sender;
import org.talkfeed.talk.SenderRules;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkChanges;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which known talk a message is about (never a guess), and who may change it. */
class TalkRecorderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 5);
    private static final SenderRules RULES = new SenderRules(List.of("@dept.example"), List.of("chair@dept.example"), List.of(),
            List.of(), List.of());
    private static final Sender ADA = sender("ada@dept.example");
    private static final Sender BEN = sender("ben@dept.example");
    private static final Sender CHAIR = sender("chair@dept.example");

    private static Sender sender(String address) {
        return new Sender(address, Sender.Vouch.ENVELOPE, null);
    }

    private static Talk talk(String title, String speaker, LocalDate date, LocalTime start, String room) {
        return new Talk(title, speaker == null ? List.of() : List.of(new Speaker(speaker, null)), date, start, null,
                "America/Chicago", room, false, null, null, null, null, null, 0.9, List.of());
    }

    private static TalkRecorder.Recorded record(TalkStore store, String messageId, Sender from, Kind kind, List<String> replyTo,
                                                Talk... talks) {
        MessageRecord message = new MessageRecord(messageId, "test", messageId, "subject", from.address(), null, null, null,
                messageId, null);
        return new TalkRecorder(store).record(message, "bytes:" + messageId, kind, kind, List.of(talks),
                new TalkChanges.Source(from, replyTo, RULES), null);
    }

    private static TalkRecorder.Recorded record(TalkStore store, String messageId, Sender from, Kind kind, Talk... talks) {
        return record(store, messageId, from, kind, List.of(), talks);
    }

    @Test
    void fourTalksOnOneDaySharingATitleStayFourTalks(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Theory Seminar", "Ada Quint", DAY, LocalTime.of(10, 0), "Hall 1"));
            record(store, "<b@x>", ADA, Kind.ANNOUNCEMENT, talk("Theory Seminar", "Ben Ortiz", DAY, LocalTime.of(11, 0), "Hall 2"));
            record(store, "<c@x>", ADA, Kind.ANNOUNCEMENT, talk("Theory Seminar", "Cy Lund", DAY, LocalTime.of(14, 0), "Hall 3"));
            record(store, "<d@x>", ADA, Kind.ANNOUNCEMENT, talk("Theory Seminar", null, DAY, LocalTime.of(16, 0), "Hall 4"));
            assertThat(store.talks()).extracting(t -> t.talk().location()).containsExactly("Hall 1", "Hall 2", "Hall 3", "Hall 4");
        }
    }

    @Test
    void aSpeakersAfternoonSeminarIsNotFoldedIntoHerMorningLecture(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Lecture", "Ada Quint", DAY, LocalTime.of(10, 0), "Hall 1"));
            TalkRecorder.Recorded seminar = record(store, "<b@x>", ADA, Kind.ANNOUNCEMENT,
                    talk("Seminar", "Ada Quint", DAY, LocalTime.of(15, 0), "Hall 2"));
            assertThat(seminar.changes()).singleElement().satisfies(c -> assertThat(c.created()).isTrue());
            TalkRecorder.Recorded reminder = record(store, "<c@x>", ADA, Kind.REMINDER,
                    talk(null, "Ada Quint", DAY, LocalTime.of(15, 0), "Hall 2, second floor"));
            assertThat(reminder.changes()).singleElement().satisfies(c -> assertThat(c.talk().talk().title()).isEqualTo("Seminar"));
            assertThat(store.talks()).hasSize(2);
        }
    }

    @Test
    void anUpdateMovesATalksTimeOnTheSameDay(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(15, 0), "Hall 1"));
            TalkRecorder.Recorded update = record(store, "<b@x>", ADA, Kind.UPDATE,
                    talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(16, 30), "Hall 9"));
            assertThat(update.outcome()).isEqualTo(Outcome.UPDATE);
            assertThat(store.talks()).singleElement().satisfies(t -> {
                assertThat(t.talk().start()).isEqualTo(LocalTime.of(16, 30));
                assertThat(t.talk().location()).isEqualTo("Hall 9");
                assertThat(t.sequence()).isEqualTo(1);
            });
        }
    }

    @Test
    void aFollowUpThatFitsTwoTalksEquallyChangesNeither(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Lecture", "Ada Quint", DAY, LocalTime.of(10, 0), "Hall 1"));
            record(store, "<b@x>", ADA, Kind.ANNOUNCEMENT, talk("Seminar", "Ada Quint", DAY, LocalTime.of(15, 0), "Hall 2"));
            TalkRecorder.Recorded cancel = record(store, "<c@x>", ADA, Kind.CANCELLATION, talk(null, "Ada Quint", DAY, null, null));
            assertThat(cancel.outcome()).isEqualTo(Outcome.UNMATCHED);
            assertThat(cancel.reason()).contains("fits 2 known talks");
            assertThat(store.talks()).noneMatch(StoredTalk::cancelled);
        }
    }

    @Test
    void aReplyFindsItsTalkByThreadEvenWithoutSpeakerOrTitle(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Lecture", "Ada Quint", DAY, LocalTime.of(10, 0), "Hall 1"));
            record(store, "<b@x>", ADA, Kind.ANNOUNCEMENT, talk("Seminar", "Ada Quint", DAY, LocalTime.of(15, 0), "Hall 2"));
            TalkRecorder.Recorded cancel = record(store, "<c@x>", ADA, Kind.CANCELLATION, List.of("<b@x>"),
                    talk(null, null, DAY, null, null));
            assertThat(cancel.outcome()).isEqualTo(Outcome.CANCELLATION);
            assertThat(store.talks()).filteredOn(StoredTalk::cancelled).singleElement()
                    .satisfies(t -> assertThat(t.talk().title()).isEqualTo("Seminar"));
            assertThat(store.messageIds(cancel.changes().get(0).talk().id())).containsExactly("<b@x>", "<c@x>");
        }
    }

    @Test
    void anUpdateOrCancellationOfNoKnownTalkIsRecordedAsUnmatchedAndMakesNoTalk(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(16, 0), "Hall 1"));
            TalkRecorder.Recorded moved = record(store, "<b@x>", ADA, Kind.UPDATE, talk(null, "Dr. Ada QUINT", DAY.plusDays(120), null, null));
            assertThat(moved.outcome()).as("120 days away, same speaker").isEqualTo(Outcome.UPDATE);
            TalkRecorder.Recorded tooFar = record(store, "<c@x>", ADA, Kind.UPDATE, talk(null, "Ada Quint", DAY.plusDays(241), null, null));
            assertThat(tooFar.outcome()).as("121 days after the moved date").isEqualTo(Outcome.UNMATCHED);
            TalkRecorder.Recorded otherSpeaker = record(store, "<d@x>", ADA, Kind.CANCELLATION,
                    talk(null, "Lena Vogt", DAY.plusDays(120), null, null));
            assertThat(otherSpeaker.outcome()).isEqualTo(Outcome.UNMATCHED);
            assertThat(otherSpeaker.reason()).contains("matches no known talk");
            assertThat(store.talks()).singleElement().satisfies(t -> {
                assertThat(t.cancelled()).isFalse();
                assertThat(t.talk().date()).isEqualTo(DAY.plusDays(120));
            });
        }
    }

    @Test
    void onlyTheAnnouncerOrAnAdminChangesATalk(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(16, 0), "Hall 1"));
            TalkRecorder.Recorded byBen = record(store, "<b@x>", BEN, Kind.CANCELLATION, talk("Graph Minors", "Ada Quint", DAY, null, null));
            assertThat(byBen.outcome()).isEqualTo(Outcome.IGNORED);
            assertThat(byBen.reason()).contains("ben@dept.example may not change a talk announced by ada@dept.example");
            TalkRecorder.Recorded benMoves = record(store, "<c@x>", BEN, Kind.UPDATE,
                    talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(9, 0), "Cellar"));
            assertThat(benMoves.outcome()).isEqualTo(Outcome.IGNORED);
            assertThat(store.talks()).singleElement().satisfies(t -> {
                assertThat(t.cancelled()).isFalse();
                assertThat(t.talk().location()).isEqualTo("Hall 1");
                assertThat(t.sequence()).isZero();
            });

            TalkRecorder.Recorded sameAgain = record(store, "<d@x>", BEN, Kind.REMINDER,
                    talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(16, 0), "Hall 1"));
            assertThat(sameAgain.outcome()).as("a reminder that changes nothing needs no authority").isEqualTo(Outcome.REMINDER);

            TalkRecorder.Recorded byChair = record(store, "<e@x>", CHAIR, Kind.UPDATE,
                    talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(16, 0), "Hall 7"));
            assertThat(byChair.outcome()).isEqualTo(Outcome.UPDATE);
            TalkRecorder.Recorded byAda = record(store, "<f@x>", ADA, Kind.CANCELLATION, talk("Graph Minors", "Ada Quint", DAY, null, null));
            assertThat(byAda.outcome()).isEqualTo(Outcome.CANCELLATION);
            assertThat(store.talks()).singleElement().satisfies(t -> {
                assertThat(t.cancelled()).isTrue();
                assertThat(t.talk().location()).isEqualTo("Hall 7");
            });
        }
    }

    @Test
    void aNextTalkPostedAsAReplyToTheLastOneIsItsOwnTalk(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<l1@x>", ADA, Kind.ANNOUNCEMENT, talk("Lecture 1: Knots", "Jane Smith", DAY, LocalTime.of(10, 0), "Hall 1"));
            record(store, "<l2@x>", ADA, Kind.ANNOUNCEMENT, List.of("<l1@x>"),
                    talk("Lecture 2: Braids and Links", "Jane Smith", DAY.plusDays(7), LocalTime.of(10, 0), "Hall 1"));
            TalkRecorder.Recorded reminder = record(store, "<l3@x>", ADA, Kind.REMINDER, List.of("<l2@x>", "<l1@x>"),
                    talk("Lecture 3: Surfaces", "Jane Smith", DAY.plusDays(14), LocalTime.of(10, 0), "Hall 1"));
            assertThat(reminder.changes()).singleElement().satisfies(c -> assertThat(c.created()).isTrue());
            assertThat(store.talks()).extracting(t -> t.talk().title())
                    .containsExactly("Lecture 1: Knots", "Lecture 2: Braids and Links", "Lecture 3: Surfaces");
        }
    }

    @Test
    void aCancellationOfAnotherDayDoesNotCancelTheSpeakersTalk(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(16, 0), "Hall 1"));
            TalkRecorder.Recorded cancel = record(store, "<b@x>", ADA, Kind.CANCELLATION,
                    talk(null, "Ada Quint", DAY.plusDays(21), LocalTime.of(14, 0), null));
            assertThat(cancel.outcome()).isEqualTo(Outcome.UNMATCHED);
            assertThat(store.talks()).singleElement().satisfies(t -> assertThat(t.cancelled()).isFalse());
        }
    }

    @Test
    void aReminderThatFitsTwoTalksMakesNoThird(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(10, 0), "Hall 1"));
            record(store, "<b@x>", ADA, Kind.ANNOUNCEMENT, talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(15, 0), "Hall 1"));
            TalkRecorder.Recorded reminder = record(store, "<c@x>", ADA, Kind.REMINDER, talk("Graph Minors", null, DAY, null, null));
            assertThat(reminder.outcome()).isEqualTo(Outcome.UNMATCHED);
            assertThat(store.talks()).hasSize(2);
        }
    }

    @Test
    void aClaimedFromChangesOnlyTalksThatWereAnnouncedByAClaimToo(@TempDir Path dir) {
        Sender claimedAda = new Sender("ada@dept.example", Sender.Vouch.NOTHING, "no Return-Path");
        Sender listedChair = new Sender("chair@dept.example", Sender.Vouch.LIST, null);
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            record(store, "<a@x>", ADA, Kind.ANNOUNCEMENT, talk("Graph Minors", "Ada Quint", DAY, LocalTime.of(16, 0), "Hall 1"));
            TalkRecorder.Recorded forged = record(store, "<b@x>", claimedAda, Kind.CANCELLATION, talk("Graph Minors", "Ada Quint", DAY, null, null));
            assertThat(forged.outcome()).isEqualTo(Outcome.IGNORED);
            assertThat(forged.reason()).contains("nothing vouches that this message is from ada@dept.example");
            TalkRecorder.Recorded viaList = record(store, "<c@x>", listedChair, Kind.CANCELLATION, talk("Graph Minors", "Ada Quint", DAY, null, null));
            assertThat(viaList.outcome()).as("list mail does not prove an admin").isEqualTo(Outcome.IGNORED);

            record(store, "<d@x>", claimedAda, Kind.ANNOUNCEMENT, talk("Tree Width", "Ada Quint", DAY.plusDays(1), LocalTime.of(16, 0), "Hall 1"));
            TalkRecorder.Recorded claimedAgain = record(store, "<e@x>", claimedAda, Kind.CANCELLATION,
                    talk("Tree Width", "Ada Quint", DAY.plusDays(1), null, null));
            assertThat(claimedAgain.outcome()).as("announced by a claim, changed by the same claim").isEqualTo(Outcome.CANCELLATION);
            assertThat(store.talks()).filteredOn(StoredTalk::cancelled).singleElement()
                    .satisfies(t -> assertThat(t.talk().title()).isEqualTo("Tree Width"));
        }
    }
}

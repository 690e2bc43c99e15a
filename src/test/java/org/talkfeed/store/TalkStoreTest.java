package org.talkfeed.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the store finds the known talk a new message is about. */
class TalkStoreTest {

    private static Talk talk(String title, String speaker, LocalDate date) {
        return new Talk(title, List.of(new Speaker(speaker, null)), date, LocalTime.of(16, 0), null, "America/Chicago",
                "Hall 210", false, null, null, null, null, null, 0.9, List.of());
    }

    private static MessageRecord message(String key, Outcome outcome) {
        return new MessageRecord(key, "test", key, "subject", null, null, outcome, null);
    }

    @Test
    void aMovedTalkIsFoundBySpeakerWithin120DaysAndOnlyThen(@TempDir Path dir) {
        LocalDate announced = LocalDate.of(2026, 3, 5);
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            store.recordTalks(message("a", Outcome.ANNOUNCEMENT), Kind.ANNOUNCEMENT,
                    List.of(talk("Graph Minors", "Ada Quint", announced)));
            List<TalkChange> moved = store.recordTalks(message("b", Outcome.UPDATE), Kind.UPDATE,
                    List.of(talk(null, "Dr. Ada QUINT", announced.plusDays(120))));
            assertThat(moved).singleElement().satisfies(c -> assertThat(c.created()).isFalse());
            List<TalkChange> tooFar = store.recordTalks(message("c", Outcome.UPDATE), Kind.UPDATE,
                    List.of(talk(null, "Ada Quint", announced.plusDays(120 + 121))));
            assertThat(tooFar).as("121 days after the moved date").singleElement()
                    .satisfies(c -> assertThat(c.created()).isTrue());
            List<TalkChange> otherSpeaker = store.recordTalks(message("d", Outcome.UPDATE), Kind.UPDATE,
                    List.of(talk(null, "Lena Vogt", announced.plusDays(110))));
            assertThat(otherSpeaker).singleElement().satisfies(c -> assertThat(c.created()).isTrue());
            assertThat(store.talks()).hasSize(3);
        }
    }

    @Test
    void aTalkMovedByAnUpdateIsFoundNearItsNewDate(@TempDir Path dir) {
        LocalDate announced = LocalDate.of(2026, 3, 5);
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            store.recordTalks(message("a", Outcome.ANNOUNCEMENT), Kind.ANNOUNCEMENT,
                    List.of(talk("Graph Minors", "Ada Quint", announced)));
            store.recordTalks(message("b", Outcome.UPDATE), Kind.UPDATE,
                    List.of(talk("Graph Minors", "Ada Quint", announced.plusDays(100))));
            List<TalkChange> later = store.recordTalks(message("c", Outcome.UPDATE), Kind.UPDATE,
                    List.of(talk(null, "Ada Quint", announced.plusDays(210))));
            assertThat(later).as("110 days after the new date, 210 after the first").singleElement()
                    .satisfies(c -> assertThat(c.created()).isFalse());
            assertThat(store.talks()).singleElement().satisfies(t -> assertThat(t.talk().date()).isEqualTo(announced.plusDays(210)));
        }
    }

    @Test
    void aStoreOfSchemaVersionThreeGetsMatchKeysWhenOpened(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.db");
        LocalDate day = LocalDate.of(2026, 3, 5);
        Talk old = talk("Graph Minors and Tree Width", "Ada Quint", day);
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = db.createStatement()) {
            Migrations.apply(db, 3);
            st.execute("INSERT INTO talks (id, uid, slug, cancelled, sequence, date, starts_at, data, created_at, updated_at) "
                    + "VALUES (1, 'u1@talkfeed', 'quint-graph-minors', 0, 0, '2026-03-05', '2026-03-05T22:00:00Z', '"
                    + TalkJson.write(old).replace("'", "''") + "', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')");
            st.execute("INSERT INTO talk_surnames (talk_id, surname) VALUES (1, 'quint')");
        }
        try (TalkStore store = TalkStore.open(file)) {
            List<TalkChange> byTitle = store.recordTalks(message("b", Outcome.REMINDER), Kind.REMINDER,
                    List.of(new Talk("Graph minors and tree-width", List.of(), day, null, null, null, null, false, null, null,
                            null, null, null, 0.5, List.of())));
            assertThat(byTitle).as("same day, same title").singleElement().satisfies(c -> assertThat(c.created()).isFalse());
            List<TalkChange> bySpeaker = store.recordTalks(message("c", Outcome.REMINDER), Kind.REMINDER,
                    List.of(talk(null, "Ada Quint", day.plusDays(100))));
            assertThat(bySpeaker).as("100 days later, same speaker").singleElement().satisfies(c -> assertThat(c.created()).isFalse());
            assertThat(store.talks()).hasSize(1);
        }
    }
}

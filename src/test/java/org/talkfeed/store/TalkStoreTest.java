package org.talkfeed.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.pipeline.TalkRecorder;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Sender;
import org.talkfeed.talk.SenderRules;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkChanges;
import org.talkfeed.talk.TalkJson;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store made by an older talkfeed is brought up to date when opened, and its talks are still found; a write within
 * a write commits or rolls back with it, and undoes only itself when it fails.
 */
class TalkStoreTest {
    private static final String SOURCE = "import:/archive.mbox";

    private static Talk talk(String title, String speaker, LocalDate date) {
        return new Talk(title, List.of(new Speaker(speaker, null)), date, LocalTime.of(16, 0), null, "America/Chicago",
                "Hall 210", false, null, null, null, null, null, 0.9, List.of());
    }

    private static List<TalkChange> record(TalkStore store, String key, Kind kind, Talk talk) {
        MessageRecord message = new MessageRecord(key, "test", key, "subject", "admin@dept.example", null, null, null, key, null);
        Sender sender = new Sender("admin@dept.example", Sender.Vouch.ENVELOPE, null);
        return new TalkRecorder(store).record(message, "bytes:" + key, kind, kind, List.of(talk),
                new TalkChanges.Source(sender, List.of(), SenderRules.ANYONE), null).changes();
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
            List<TalkChange> byTitle = record(store, "b", Kind.REMINDER,
                    new Talk("Graph minors and tree-width", List.of(), day, null, null, null, null, false, null, null,
                            null, null, null, 0.5, List.of()));
            assertThat(byTitle).as("same day, same title").singleElement().satisfies(c -> assertThat(c.created()).isFalse());
            List<TalkChange> bySpeaker = record(store, "c", Kind.REMINDER, talk(null, "Ada Quint", day));
            assertThat(bySpeaker).as("same day, same speaker").singleElement().satisfies(c -> assertThat(c.created()).isFalse());
            assertThat(store.talks()).hasSize(1);
        }
    }

    @Test
    void aMessageIdThatAnOlderStoreIgnoredNoLongerBlocksItsAnnouncement(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.db");
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = db.createStatement()) {
            Migrations.apply(db, 4);
            st.execute("INSERT INTO messages (message_key, origin, outcome, reason, processed_at, mailbox) VALUES "
                    + "('<seminar-12@dept.example>', 'squat', 'ignored', 'not an allowed sender', '2026-03-01T00:00:00Z', 'talks')");
        }
        try (TalkStore store = TalkStore.open(file)) {
            assertThat(store.message("<seminar-12@dept.example>")).isEmpty();
            assertThat(store.messages()).singleElement().satisfies(m -> {
                assertThat(m.messageId()).isEqualTo("<seminar-12@dept.example>");
                assertThat(m.outcome()).isEqualTo(Outcome.IGNORED);
            });
        }
    }

    private static MessageRecord message(String key) {
        return new MessageRecord(key, "test", key, "subject", "admin@dept.example", null, Outcome.NOT_TALK, "no date", key, null);
    }

    private static void recordOne(TalkStore.Writer writer, String key, long position) {
        writer.insertMessage(message(key));
        writer.saveCheckpoint(new Checkpoint(SOURCE, 0, position));
    }

    @Test
    void aWriteThatFailsWithinAWriteUndoesOnlyItselfAndTheEnclosingWriteCommitsTheRest(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            store.write(batch -> {
                store.write(one -> {
                    recordOne(one, "<1@x>", 1);
                    return null;
                });
                assertThatThrownBy(() -> store.write(two -> {
                    two.saveCheckpoint(new Checkpoint(SOURCE, 0, 2));
                    two.insertMessage(message("<2@x>"));
                    return two.insertMessage(message("<1@x>")); // the key is taken: the insert fails
                })).isInstanceOf(StoreException.class);
                store.write(three -> {
                    recordOne(three, "<3@x>", 3);
                    return null;
                });
                return null;
            });
            assertThat(store.messages()).extracting(MessageRecord::messageKey).containsExactly("<1@x>", "<3@x>");
            assertThat(store.checkpoint(SOURCE)).contains(new Checkpoint(SOURCE, 0, 3));

            store.write(batch -> {
                recordOne(batch, "<4@x>", 4);
                assertThatThrownBy(() -> store.write(five -> {
                    recordOne(five, "<5@x>", 5);
                    throw new IllegalStateException("stopped in the middle");
                })).hasMessage("stopped in the middle");
                return null;
            });
            assertThat(store.messages()).extracting(MessageRecord::messageKey).containsExactly("<1@x>", "<3@x>", "<4@x>");
            assertThat(store.checkpoint(SOURCE)).contains(new Checkpoint(SOURCE, 0, 4));
        }
    }

    @Test
    void whatWritesWithinAWriteDidIsRolledBackWithIt(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            assertThatThrownBy(() -> store.write(batch -> {
                store.write(one -> {
                    recordOne(one, "<1@x>", 1);
                    return null;
                });
                store.recordMessage(message("<2@x>"), new Checkpoint(SOURCE, 0, 2));
                throw new IllegalStateException("the batch fails");
            })).hasMessage("the batch fails");
            assertThat(store.messages()).isEmpty();
            assertThat(store.checkpoint(SOURCE)).isEmpty();

            store.write(batch -> {
                recordOne(batch, "<1@x>", 1);
                return null;
            });
            assertThat(store.messages()).extracting(MessageRecord::messageKey).containsExactly("<1@x>");
        }
    }

    @Test
    void anErrorInAWriteRollsItBackToo(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            assertThatThrownBy(() -> store.write(batch -> {
                recordOne(batch, "<1@x>", 1);
                throw new StackOverflowError("deep");
            })).isInstanceOf(StackOverflowError.class);
            assertThat(store.messages()).isEmpty();
            assertThat(store.checkpoint(SOURCE)).isEmpty();
        }
    }
}

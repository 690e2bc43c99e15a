package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkMessage;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive shows each talk's messages as their readers saw them, with the list archive's copy where one is named. */
class TalkMessagesTest {
    private static final MailboxConfig LIST = MailboxConfig.of("list", ExtractionDefaults.NONE);
    private static final String ADMIN = "Talk Admin <admin@dept.example>";
    private static final String DATE = "Mon, 2 Mar 2026 09:00:00 -0600";

    @TempDir
    Path dir;

    @Test
    void eachTalkKeepsTheTextOfTheMessagesThatMadeAndChangedItOldestFirst() {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            processor.process(new RawMessage("a", TestMail.plain(ADMIN, "<a@dept.example>", DATE, "Talk: Graph Minors",
                    "Title: Graph Minors\nSpeaker: Ada Quint, Lakeshore University\nDate: Thursday, March 5, 2026\n"
                            + "Time: 4:00-5:00 pm\nPlace: Hall 210\n\n-- \nAda's office hours: by appointment",
                    "Archived-At: <https://lists.dept.example/archive/2026/000123.html>\n")), LIST);
            processor.process(new RawMessage("b", TestMail.plain(ADMIN, "<b@dept.example>", DATE, "Room change: Graph Minors",
                    "Ada Quint's talk on Thursday, March 5, 2026 at 4 pm (Graph Minors) moves to Hall 330.",
                    "Archived-At: mailto:archive@dept.example\n")), LIST);

            long talk = store.talks().get(0).id();
            List<TalkMessage> messages = store.talkMessages(List.of(talk)).get(talk);

            assertThat(messages).hasSize(2);
            assertThat(messages.get(0).kind()).isEqualTo(Kind.ANNOUNCEMENT);
            assertThat(messages.get(0).text()).startsWith("From: " + ADMIN + "\nDate: " + DATE + "\nSubject: Talk: Graph Minors\n\n")
                    .contains("Place: Hall 210").contains("Ada's office hours"); // the text as sent, signature and all
            assertThat(messages.get(0).archivedAt()).isEqualTo("https://lists.dept.example/archive/2026/000123.html");
            assertThat(messages.get(1).subject()).isEqualTo("Room change: Graph Minors");
            assertThat(messages.get(1).text()).contains("moves to Hall 330");
            assertThat(messages.get(1).archivedAt()).as("only a web address is linked").isNull();
        }
    }

    @Test
    void aReminderThatChangesNothingStillReachesTheTalksPage() throws IOException {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T15:00:00Z"), ZoneOffset.UTC);
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"), clock)) {
            MessageProcessor processor = new MessageProcessor(store);
            String body = "Title: Graph Minors\nSpeaker: Ada Quint, Lakeshore University\nDate: Thursday, March 5, 2026\n"
                    + "Time: 4:00-5:00 pm\nPlace: Hall 210\n";
            SitePublisher publisher = new SitePublisher(dir.resolve("site"), "Talks", Duration.ofHours(1), null,
                    "America/Chicago", clock);
            processor.process(new RawMessage("a", TestMail.plain(ADMIN, "<a@dept.example>", DATE, "Talk: Graph Minors", body)), LIST);
            publisher.publish(store);
            processor.process(new RawMessage("r", TestMail.plain(ADMIN, "<r@dept.example>", DATE, "Reminder - Talk: Graph Minors",
                    body)), LIST);
            StoredTalk talk = store.talks().get(0);
            assertThat(talk.sequence()).as("a reminder that says the same changes no field").isZero();

            publisher.publish(store);

            assertThat(Files.readString(dir.resolve("site/talks/" + talk.slug() + ".html"))).contains("Reminder - Talk: Graph Minors");
        }
    }

    @Test
    void aMessageThatMakesNoTalkKeepsNoText() throws SQLException {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            new MessageProcessor(store).process(new RawMessage("n", TestMail.plain("<n@dept.example>", DATE,
                    "Lunch order", "Please send your lunch orders by noon.")), LIST);

            assertThat(store.talks()).isEmpty();
            assertThat(store.messages()).hasSize(1);
            assertThat(store.talkMessages(List.of(1L, 2L))).isEqualTo(Map.of());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
             ResultSet texts = db.createStatement().executeQuery("SELECT count(*) FROM message_texts")) {
            assertThat(texts.getInt(1)).isZero();
        }
    }
}

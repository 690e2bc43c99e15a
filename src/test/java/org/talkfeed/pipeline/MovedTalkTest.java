package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What a subscriber's calendar sees: a postponed talk moves to its new day; a cancelled one goes. */
class MovedTalkTest {
    private static final MailboxConfig LIST = MailboxConfig.of("list", ExtractionDefaults.NONE);

    @TempDir
    Path dir;

    private static RawMessage mail(String id, String subject, String body) {
        return new RawMessage(id, TestMail.plain("<" + id + "@dept.example>", "Mon, 2 Mar 2026 09:00:00 -0600", subject, body));
    }

    @Test
    void aTalkPostponedToANewDayMovesThereAndAPlainCancellationCancelsIt() {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            processor.process(mail("a1", "Talk: Graph Minors", "Title: Graph Minors\nSpeaker: Ada Quint, Lakeshore University\n"
                    + "Date: Thursday, March 5, 2026\nTime: 4:00-5:00 pm\nPlace: Hall 210\n"), LIST);
            processor.process(mail("a2", "Talk: Tree Width", "Title: Tree Width\nSpeaker: Lena Vogt, Eastbrook Institute\n"
                    + "Date: Thursday, March 26, 2026\nTime: 4:00-5:00 pm\nPlace: Hall 210\n"), LIST);

            ProcessResult postponed = processor.process(mail("p1", "Postponed: Ada Quint's seminar",
                    "Ada Quint's seminar on graph minors (March 5) is postponed to Thursday, March 19, same time and place."), LIST);
            ProcessResult cancelled = processor.process(mail("c1", "Cancelled: Lena Vogt's seminar",
                    "Lena Vogt's seminar on Thursday, March 26 is cancelled, as the speaker cannot travel."), LIST);

            assertThat(postponed.outcome()).isEqualTo(Outcome.CANCELLATION);
            assertThat(cancelled.outcome()).isEqualTo(Outcome.CANCELLATION);
            assertThat(store.talks()).hasSize(2).allSatisfy(t -> assertThat(t.sequence()).isEqualTo(1));
            assertThat(store.talks()).filteredOn(t -> t.talk().title().equals("Graph Minors")).singleElement().satisfies(t -> {
                assertThat(t.cancelled()).isFalse();
                assertThat(t.talk().date()).isEqualTo(LocalDate.of(2026, 3, 19));
            });
            assertThat(store.talks()).filteredOn(t -> t.talk().title().equals("Tree Width")).singleElement().satisfies(t -> {
                assertThat(t.cancelled()).isTrue();
                assertThat(t.talk().date()).isEqualTo(LocalDate.of(2026, 3, 26));
            });
        }
    }
}

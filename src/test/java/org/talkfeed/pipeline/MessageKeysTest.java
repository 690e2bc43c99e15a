package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.SenderRules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Message-IDs that cannot be squatted, duplicates that are never dropped in silence, and senders that cannot be forged. */
class MessageKeysTest {
    private static final MailboxConfig DEPT = MailboxConfig.of("talks", new ExtractionDefaults("America/Chicago", null, false))
            .withSenders(new SenderRules(List.of("@dept.example"), List.of(), List.of(), List.of(), List.of()));
    private static final String ID = "<seminar-12@dept.example>";
    private static final String BODY = "Title: Graph Minors\nSpeaker: Ada Quint, Lakeshore University\n"
            + "Date: Thursday, March 12, 2026\nTime: 4:00-5:00 pm\nPlace: Hall 210\n";

    private static RawMessage mail(String name, String from, String subject, String body) {
        return new RawMessage(name, TestMail.plain(from, ID, "Mon, 2 Mar 2026 09:00:00 -0600", subject, body));
    }

    @Test
    void aRefusedMessageCarryingAComingAnnouncementsMessageIdDoesNotBlockIt(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            ProcessResult squat = processor.process(mail("squat", "Mallory <m@evil.example>", "hi", "nothing"), DEPT);
            assertThat(squat.outcome()).isEqualTo(Outcome.IGNORED);
            ProcessResult real = processor.process(mail("real", "Ada <ada@dept.example>", "Talk: Graph Minors", BODY), DEPT);
            assertThat(real.alreadySeen()).isFalse();
            assertThat(real.outcome()).isEqualTo(Outcome.ANNOUNCEMENT);
            assertThat(store.talks()).hasSize(1);
        }
    }

    @Test
    void aFailedMessageDoesNotBlockItsMessageIdEither(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            byte[] broken = ("From: ada@dept.example\nReturn-Path: <ada@dept.example>\nMessage-ID: " + ID + "\nContent-Type: multipart/mixed; boundary=\"x\"\n\n--x\n"
                    + "Content-Type: text/plain\nContent-Transfer-Encoding: x-unknown\n\nhello\n--x--\n").getBytes(StandardCharsets.UTF_8);
            processor.process(new RawMessage("broken", broken), DEPT);
            ProcessResult real = processor.process(mail("real", "Ada <ada@dept.example>", "Talk: Graph Minors", BODY), DEPT);
            assertThat(real.alreadySeen()).isFalse();
            assertThat(real.outcome()).isEqualTo(Outcome.ANNOUNCEMENT);
        }
    }

    @Test
    void aKnownMessageIdWithOtherContentIsRecordedAsADuplicateAndARedeliveryIsSkipped(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            RawMessage first = mail("first", "Ada <ada@dept.example>", "Talk: Graph Minors", BODY);
            processor.process(first, DEPT);
            assertThat(processor.process(new RawMessage("again", first.bytes()), DEPT).alreadySeen()).isTrue();

            RawMessage other = mail("other", "Ada <ada@dept.example>", "Talk: Graph Minors", BODY.replace("Hall 210", "Cellar 1"));
            ProcessResult duplicate = processor.process(other, DEPT);
            assertThat(duplicate.alreadySeen()).isFalse();
            assertThat(duplicate.outcome()).isEqualTo(Outcome.DUPLICATE);
            assertThat(duplicate.logLine()).contains("Message-ID " + ID + " was recorded before").contains("other content");
            assertThat(store.outcomeCounts("talks").get(Outcome.DUPLICATE)).isEqualTo(1);
            assertThat(store.talks()).singleElement().satisfies(t -> assertThat(t.talk().location()).contains("Hall 210"));
            assertThat(processor.process(other, DEPT).alreadySeen()).as("the same duplicate again").isTrue();
        }
    }

    @Test
    void anAllowedFromWithSomeoneElsesSenderAndReturnPathIsIgnored(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            byte[] forged = TestMail.plain("Ada <ada@dept.example>", ID, "Mon, 2 Mar 2026 09:00:00 -0600", "Talk: Graph Minors",
                    BODY, "Return-Path: <m@evil.example>\nSender: m@evil.example\n");
            ProcessResult result = new MessageProcessor(store).process(new RawMessage("forged", forged), DEPT);
            assertThat(result.outcome()).isEqualTo(Outcome.IGNORED);
            assertThat(result.reason()).contains("ada@dept.example is allowed, but").contains("evil.example");
            assertThat(store.talks()).isEmpty();
        }
    }

    @Test
    void aListIdAloneAdmitsNothing(@TempDir Path dir) {
        MailboxConfig list = DEPT.withSenders(new SenderRules(List.of("@dept.example"), List.of(), List.of("talks.dept.example"),
                List.of("talks-bounces@lists.dept.example"), List.of()));
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            byte[] forged = TestMail.plain("Mallory <m@evil.example>", ID, "Mon, 2 Mar 2026 09:00:00 -0600", "Talk: Graph Minors",
                    BODY, "List-Id: <talks.dept.example>\nReturn-Path: <m@evil.example>\n");
            assertThat(processor.process(new RawMessage("forged", forged), list).outcome()).isEqualTo(Outcome.IGNORED);
            byte[] viaList = TestMail.plain("Guest <guest@elsewhere.example>", "<2@x>", "Mon, 2 Mar 2026 09:00:00 -0600",
                    "Talk: Graph Minors", BODY, "List-Id: <talks.dept.example>\nReturn-Path: <talks-bounces@lists.dept.example>\n");
            assertThat(processor.process(new RawMessage("list", viaList), list).outcome()).isEqualTo(Outcome.ANNOUNCEMENT);
        }
    }

    @Test
    void aMessageThatChangesNoTalkDoesNotHoldItsMessageId(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            RawMessage cancellation = mail("early", "Ben <ben@dept.example>", "CANCELLED: Graph Minors", BODY + "\nThis talk is cancelled.\n");
            assertThat(processor.process(cancellation, DEPT).outcome()).isEqualTo(Outcome.UNMATCHED);
            assertThat(processor.process(cancellation, DEPT).alreadySeen()).as("delivered again").isTrue();
            ProcessResult real = processor.process(mail("real", "Ada <ada@dept.example>", "Talk: Graph Minors", BODY), DEPT);
            assertThat(real.outcome()).isEqualTo(Outcome.ANNOUNCEMENT);
        }
    }
}

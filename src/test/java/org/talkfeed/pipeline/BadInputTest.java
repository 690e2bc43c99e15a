package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.TestMail;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input is recorded with a reason, reported in one line, and never stops the run. */
class BadInputTest {
    private static final MailboxConfig CHICAGO = MailboxConfig.of("test", new ExtractionDefaults("America/Chicago", null, false));

    @Test
    void aFileThatIsNotAnEmailIsRecordedAsFailedOnce(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            RawMessage junk = new RawMessage("inbox/junk.bin", "\u0000\u0001 just some bytes\nno headers at all\n"
                    .getBytes(StandardCharsets.UTF_8));
            ProcessResult result = processor.process(junk, CHICAGO);
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.logLine()).startsWith("inbox/junk.bin: failed: not an email");
            assertThat(processor.process(junk, CHICAGO).alreadySeen()).isTrue();
            assertThat(store.messages()).singleElement().extracting(MessageRecord::reason).asString().contains("not an email");
        }
    }

    /** Labels of a talk, so that a message that is read at all is one. */
    private static final String TALK = "Title: Notes on the Engine\nSpeaker: Ada Quint\nDate: Thursday, March 5, 2026\nTime: 4pm\n";

    static Stream<Arguments> messagesPastABound() {
        String nested = "Content-Type: text/plain\n\n" + TALK;
        for (int level = 0; level < 20; level++) {
            nested = "Content-Type: multipart/mixed; boundary=\"n" + level + "\"\n\n--n" + level + "\n" + nested + "\n--n" + level + "--";
        }
        int split = nested.indexOf("\n\n");
        // 150 parts in three multiparts of 50: each under the bound, together over it
        String fifty = "--p\nContent-Type: text/plain\n\nmore\n".repeat(50) + "--p--\n";
        String three = ("--o\nContent-Type: multipart/mixed; boundary=p\n\n" + fifty).repeat(3) + "--o\nContent-Type: text/plain\n\n"
                + TALK + "--o--";
        return Stream.of(
                Arguments.of("nested 20 levels deep", TestMail.mime("<deep@dept.example>", nested.substring(0, split),
                        nested.substring(split + 2)), "MIME nesting deeper than 8 levels"),
                Arguments.of("150 parts", TestMail.mime("<parts@dept.example>", "Content-Type: multipart/mixed; boundary=o", three),
                        "more than 100 MIME parts"),
                Arguments.of("invalid base64", TestMail.mime("<b64@dept.example>",
                        "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64",
                        Base64.getMimeEncoder().encodeToString(TALK.getBytes(StandardCharsets.UTF_8)) + "\nQ"),
                        "body cannot be decoded: BASE64Decoder: Error in encoded stream: needed 4 valid base64 characters but only got 1 before EOF"),
                Arguments.of("unknown transfer encoding", TestMail.mime("<x@dept.example>",
                        "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: x-squeezed", TALK),
                        "body cannot be decoded: Unknown encoding: x-squeezed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messagesPastABound")
    void aMessagePastABoundOrThatCannotBeDecodedIsRecordedAsFailedWithWhy(String what, byte[] mail, String reason,
                                                                          @TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            ProcessResult result = new MessageProcessor(store).process(new RawMessage("new/" + what, mail), CHICAGO);
            assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(result.logLine()).isEqualTo("new/" + what + ": failed: " + reason);
            assertThat(store.messages()).singleElement().extracting(MessageRecord::reason).isEqualTo(reason);
            assertThat(store.talks()).isEmpty();
        }
    }

    @Test
    void anEmailThatIsNotATalkIsRecordedWithItsReason(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            byte[] mail = TestMail.plain("<lunch@dept.example>", "Mon, 2 Nov 2026 09:00:00 -0600", "Leftover cookies",
                    "There are cookies in the kitchen on the third floor. Help yourselves!");
            ProcessResult result = new MessageProcessor(store).process(new RawMessage("new/cookies", mail), CHICAGO);
            assertThat(result.outcome()).isEqualTo(Outcome.NOT_TALK);
            assertThat(result.changes()).isEmpty();
            assertThat(store.talks()).isEmpty();
            assertThat(store.messages().get(0).reason()).isEqualTo("no date found");
        }
    }

    @Test
    void aMessageWithoutDateHeaderNeedsAYearInTheText(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            byte[] noYear = TestMail.plain("<a@dept.example>", null, "Seminar: Ada Byron (Analytical Engines Ltd)",
                    "Speaker: Ada Byron\nTitle: Notes on the Engine\nDate: Tuesday, March 3\nTime: 4pm\n");
            ProcessResult undated = processor.process(new RawMessage("new/a", noYear), CHICAGO);
            assertThat(undated.outcome()).isEqualTo(Outcome.NOT_TALK);
            assertThat(store.messages().get(0).reason()).contains("no Date header");

            byte[] withYear = TestMail.plain("<b@dept.example>", null, "Seminar: Ada Byron (Analytical Engines Ltd)",
                    "Speaker: Ada Byron\nTitle: Notes on the Engine\nDate: Tuesday, March 3, 2026\nTime: 4pm\n");
            ProcessResult dated = processor.process(new RawMessage("new/b", withYear), CHICAGO);
            assertThat(dated.outcome()).isEqualTo(Outcome.ANNOUNCEMENT);
            assertThat(store.talks()).singleElement().satisfies(t -> assertThat(t.talk().date()).hasToString("2026-03-03"));
        }
    }

    @Test
    void aMessageWithoutMessageIdIsKeyedByItsBytes(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("t.db"))) {
            MessageProcessor processor = new MessageProcessor(store);
            byte[] mail = TestMail.plain(null, "Mon, 2 Nov 2026 09:00:00 -0600", "Talk: Grace Hopper",
                    "Speaker: Grace Hopper (Navy)\nTitle: Compilers for Everyone\nWhen: Thursday, November 5, 3:00 pm\n");
            assertThat(processor.process(new RawMessage("x", mail), CHICAGO).alreadySeen()).isFalse();
            assertThat(processor.process(new RawMessage("y", mail), CHICAGO).alreadySeen()).isTrue();
            assertThat(store.talks()).hasSize(1);
        }
    }
}

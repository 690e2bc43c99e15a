package org.talkfeed.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Mailman 2 (pipermail) archives, as text months and as HTML month folders, read back into messages. */
class PipermailTest {
    private static final MessageReader READER = new MessageReader();

    private static List<MessageText> read(MessageSource source) throws Exception {
        try (Stream<RawMessage> messages = source.messages()) {
            return messages.map(m -> {
                try {
                    return READER.read(m.bytes());
                } catch (Exception e) {
                    throw new AssertionError(m.origin() + " does not read", e);
                }
            }).toList();
        }
    }

    @Test
    void aGzippedTextMonthGivesEachMessageWithItsRealSender(@TempDir Path dir) throws Exception {
        Path month = PipermailSamples.gzip(dir.resolve("2026-March.txt.gz"), PipermailSamples.TEXT_MONTH);

        MessageSource source = MessageSources.forPath(month);
        assertThat(source).isInstanceOf(PipermailText.class);
        assertThat(source.count()).isEqualTo(3);
        List<MessageText> messages = read(source);

        assertThat(messages).extracting(MessageText::fromAddress)
                .containsExactly("jane.roe@northfield.example.edu", "kim@lab.northfield.example.edu", "tomas@eastbrook.example.org");
        assertThat(messages).extracting(MessageText::fromName).containsExactly("Jane Roe", "kim@lab.northfield.example.edu",
                "Tomás Lindqvist");
        assertThat(messages).extracting(MessageText::messageId)
                .containsExactly("<a1@northfield.example.edu>", "<n1@northfield.example.edu>", "<a2@northfield.example.edu>");
        assertThat(messages.get(0).body()).as("a body line starting with From is no separator")
                .contains("From what I hear, the room is large.");
    }

    @Test
    void anUncompressedTextMonthIsRecognisedByItsName(@TempDir Path dir) throws Exception {
        Path month = Files.writeString(dir.resolve("2026-March.txt"), PipermailSamples.TEXT_MONTH);
        assertThat(MessageSources.forPath(month)).isInstanceOf(PipermailText.class);
        assertThat(read(MessageSources.forPath(month))).hasSize(3);
    }

    @Test
    void anHtmlMonthFolderGivesItsMessagePagesAndSkipsTheIndexPages(@TempDir Path dir) throws Exception {
        Path month = PipermailSamples.htmlMonth(dir);

        List<PathSource> units = MessageSources.units(month);
        assertThat(units).singleElement().satisfies(u -> {
            assertThat(u.source()).isInstanceOf(PipermailFolder.class);
            assertThat(u.checkpointName()).isEqualTo("import:" + month.toAbsolutePath().normalize());
        });
        MessageSource source = units.get(0).source();
        assertThat(source.count()).isEqualTo(2);
        List<MessageText> messages = read(source);
        assertThat(messages).hasSize(2);

        MessageText first = messages.get(0);
        assertThat(first.subject()).isEqualTo("[Talks] Seminar: Priya Raman, March 12");
        assertThat(first.fromName()).isEqualTo("Jane Roe");
        assertThat(first.fromAddress()).isEqualTo("jane.roe@northfield.example.edu");
        assertThat(first.date()).isEqualTo(ZonedDateTime.parse("2026-03-02T09:15-06:00"));
        assertThat(first.messageId()).as("the reply link's In-Reply-To is the post's own Message-ID")
                .isEqualTo("<a1@northfield.example.edu>");
        assertThat(first.body()).contains("Title: Counting Lattice Paths & Other Walks", "Time: 3:30 pm",
                        "https://talks.northfield.example.edu/raman")
                .doesNotContain("Messages sorted by", "Next message");

        MessageText second = messages.get(1);
        assertThat(second.fromName()).isEqualTo("Lindqvist, Tomas");
        assertThat(second.fromAddress()).isEqualTo("tomas@eastbrook.example.org");
        assertThat(second.date()).isEqualTo(ZonedDateTime.parse("2026-03-10T16:45-05:00"));
        assertThat(second.messageId()).endsWith("@pipermail.talkfeed.invalid>")
                .as("a page without Message-ID gets the same made-up one each time")
                .isEqualTo(read(source).get(1).messageId());
    }

    @Test
    void aMonthFolderBesideItsTextArchiveIsLeftOutAndIndexPagesAreNoMessages(@TempDir Path dir) throws Exception {
        PipermailSamples.htmlMonth(dir);
        Files.writeString(dir.resolve("index.html"), "<html><body><h1>Archives</h1></body></html>");
        Path text = PipermailSamples.gzip(dir.resolve("2026-March.txt.gz"), PipermailSamples.TEXT_MONTH);

        assertThat(MessageSources.units(dir)).extracting(PathSource::path).containsExactly(text.toAbsolutePath().normalize());
    }

    @Test
    void aFolderOfMonthFoldersGivesOneUnitPerMonthInCalendarOrder(@TempDir Path dir) throws Exception {
        Path archive = Files.createDirectory(dir.resolve("talks"));
        Path march = PipermailSamples.htmlMonth(archive);
        Path april = Files.move(PipermailSamples.htmlMonth(Files.createDirectory(dir.resolve("tmp"))), archive.resolve("2026-April"));

        assertThat(MessageSources.units(archive)).extracting(PathSource::path)
                .containsExactly(march.toAbsolutePath().normalize(), april.toAbsolutePath().normalize());
        assertThat(MessageSources.forPath(archive).count()).isEqualTo(4);
    }

    @Test
    void theTextRenderingOfAPageStillReads() throws Exception {
        byte[] message = ArchivedPost.toMessage("""
                [Talks] Seminar: Priya Raman

                Lindqvist, Tomas tomas at eastbrook.example.org
                Tue Mar 10 16:45:00 CDT 2026

                Speaker: Priya Raman
                """);
        MessageText text = READER.read(message);
        assertThat(text.fromName()).isEqualTo("Lindqvist, Tomas");
        assertThat(text.fromAddress()).isEqualTo("tomas@eastbrook.example.org");
        assertThat(text.date()).isEqualTo(ZonedDateTime.parse("2026-03-10T16:45-05:00"));
        assertThat(ArchivedPost.toMessage("Just a note\n\nwithout the archive's lines\n")).isNull();
    }
}

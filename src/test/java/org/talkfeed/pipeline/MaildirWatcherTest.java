package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Maildir mailbox: each poll reads what was delivered since the last one, not the whole folder again; a file too
 * large to read is recorded as failed.
 */
class MaildirWatcherTest {
    /** The day of the talks announced. */
    private static final String DAY = "Thursday, March 5, 2026";
    @TempDir
    Path dir;

    @Test
    void aFileOverTheSizeLimitIsRecordedAsFailedUnreadAndTheNextIsRead() throws Exception {
        Path maildir = maildir();
        Path huge = Files.write(maildir.resolve("new/1767000000.M1P1.host"),
                TestMail.announcement("<huge@dept.example>", "Graph Minors", DAY));
        long size = RawMessage.MAX_BYTES + 1;
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(size); // sparse: costs no disk, and is never read
        }
        Files.write(maildir.resolve("new/1767000100.M2P1.host"), TestMail.announcement("<next@dept.example>", "Tree Width", DAY));
        Config loaded = new ConfigLoader().load(config());
        try (TalkStore store = TalkStore.open(loaded.store())) {
            assertThat(daemon(loaded, store).pollOnce(false).newMessages()).isEqualTo(2);
            assertThat(store.messages()).extracting(MessageRecord::outcome).containsExactly(Outcome.FAILED, Outcome.ANNOUNCEMENT);
            assertThat(store.messages().get(0).reason())
                    .isEqualTo(String.format("message of %,d bytes is larger than the 32 MB limit", size));
            assertThat(store.talks()).singleElement().satisfies(t -> assertThat(t.talk().title()).isEqualTo("Tree Width"));
        }
    }

    private Path maildir() throws Exception {
        Path maildir = dir.resolve("mail");
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        return maildir;
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: data/talkfeed.db
                site: site
                mailboxes:
                  - name: local
                    maildir: mail
                    timezone: America/Chicago
                """);
    }

    private static Daemon daemon(Config loaded, TalkStore store) {
        return new Daemon(loaded, store, new SitePublisher(loaded.site(), "test", Duration.ofHours(1), null,
                "America/Chicago", Clock.systemUTC()));
    }

    @Test
    void aPollReadsOnlyTheFilesDeliveredSinceTheLastEvenWhenAReaderRenamedTheOldOnes() throws Exception {
        Path maildir = maildir();
        Files.write(maildir.resolve("new/1767000000.M1P1.host"),
                TestMail.announcement("<first@dept.example>", "Graph Minors", DAY));
        Config loaded = new ConfigLoader().load(config());
        try (TalkStore store = TalkStore.open(loaded.store())) {
            Daemon daemon = daemon(loaded, store);
            assertThat(daemon.pollOnce(false).newMessages()).isEqualTo(1);

            // A mail reader moves the file to cur/ and marks it seen. Its content now carries another Message-ID, which
            // reading the file again would record as a second message.
            Files.delete(maildir.resolve("new/1767000000.M1P1.host"));
            Files.write(maildir.resolve("cur/1767000000.M1P1.host:2,S"),
                    TestMail.announcement("<first-reread@dept.example>", "Graph Minors", DAY));
            Files.write(maildir.resolve("new/1767000100.M2P1.host"),
                    TestMail.announcement("<second@dept.example>", "Tree Width", DAY));

            assertThat(daemon.pollOnce(false).newMessages()).isEqualTo(1);
            assertThat(store.messages()).extracting(MessageRecord::messageKey)
                    .containsExactly("<first@dept.example>", "<second@dept.example>");
        }
    }

}

package org.talkfeed.receipt;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.SetClock;
import org.talkfeed.TestMail;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.pipeline.RepublishSchedule;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.Receipt;
import org.talkfeed.store.TalkStore;

import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Receipts through a real SMTP server (GreenMail, in-process) from a daemon reading a Maildir into a real store: one per
 * message that made a talk, to an allowed sender only, never to list mail or an automaton, none twice across restarts,
 * and none in answer to a receipt.
 */
class ReceiptsTest {
    private static final String DATE = "Mon, 2 Mar 2026 09:00:00 -0600";
    private static final String ADMIN = "Talk Admin <admin@dept.example>";

    @TempDir
    Path dir;
    /** A real SMTP server, in-process, plain on loopback: a fresh one for each test. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private final SetClock clock = new SetClock(Instant.parse("2026-03-02T15:10:00Z"));

    @BeforeEach
    void makeMaildir() throws Exception {
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve("mail").resolve(sub));
        }
    }

    private Config config(int smtpPort, String mailboxExtra) throws Exception {
        return new ConfigLoader().load(Files.writeString(dir.resolve("talkfeed-" + smtpPort + ".yaml"), """
                store: talkfeed.db
                site: site
                smtp:
                  host: 127.0.0.1
                  port: %d
                  tls: none
                mailboxes:
                  - name: local
                    maildir: mail
                    timezone: America/Chicago
                    allowed-senders: ["@dept.example"]
                    receipts:
                      from: Talks <talkfeed@dept.example>
                """.formatted(smtpPort) + mailboxExtra));
    }

    private Config config() throws Exception {
        return config(smtp.getSmtp().getPort(), "");
    }

    private void deliver(String name, byte[] message) throws Exception {
        Files.write(dir.resolve("mail/new/" + name), message);
    }

    private Daemon daemon(Config config, TalkStore store) {
        return new Daemon(config, store, new SitePublisher(config.site(), "test", Duration.ofHours(1), null, "America/Chicago", clock),
                new RepublishSchedule(clock, ZoneOffset.UTC));
    }

    private static byte[] announcement(String id, String title, String extraHeaders) {
        return announcement(id, title, "Thursday, March 5, 2026", extraHeaders);
    }

    /** Talks on different days are different talks, whatever their titles. */
    private static byte[] announcement(String id, String title, String day, String extraHeaders) {
        return TestMail.plain(ADMIN, id, DATE, "Talk: " + title, "Title: " + title
                + "\nSpeaker: Ada Quint, Lakeshore University\nDate: " + day + "\nTime: 4:00-5:00 pm\nPlace: Hall 210\n",
                "Return-Path: <admin@dept.example>\n" + extraHeaders);
    }

    @Test
    void anAnnouncementGetsOneReceiptSayingWhatWasUnderstoodAndHowToCorrectIt() throws Exception {
        Config config = config();
        deliver("1.M1P1.host", announcement("<graph-minors@dept.example>", "Graph Minors", "References: <cfp@dept.example>\n"));
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            Daemon daemon = daemon(config, store);
            daemon.pollOnce(false);
            daemon.pollOnce(false);

            assertThat(smtp.getReceivedMessages()).hasSize(1);
            MimeMessage receipt = smtp.getReceivedMessages()[0];
            assertThat(Arrays.stream(receipt.getAllRecipients()).map(Object::toString)).containsExactly("admin@dept.example");
            assertThat(receipt.getFrom()[0].toString()).contains("talkfeed@dept.example");
            assertThat(receipt.getSubject()).isEqualTo("Auto: Talk: Graph Minors");
            assertThat(receipt.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
            assertThat(receipt.getHeader("In-Reply-To", null)).isEqualTo("<graph-minors@dept.example>");
            assertThat(receipt.getHeader("References", null)).isEqualTo("<cfp@dept.example> <graph-minors@dept.example>");
            assertThat(receipt.getMessageID()).isEqualTo(store.receipts().get(0).messageId());
            String body = (String) receipt.getContent();
            assertThat(body).contains("Title:    Graph Minors", "Speaker:  Ada Quint (Lakeshore University)",
                    "When:     Thursday, 5 March 2026, 16:00–17:00 America/Chicago (UTC-06:00)", "Where:    Hall 210",
                    "Status:   published", "Warnings: none", "reply to your original message");
        }
    }

    @Test
    void anAnnouncementSentAgainThatChangesNothingGetsNoSecondReceipt() throws Exception {
        Config config = config();
        deliver("1.M1P1.host", announcement("<graph-minors@dept.example>", "Graph Minors", ""));
        deliver("2.M2P1.host", announcement("<graph-minors-again@dept.example>", "Graph Minors", ""));
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            daemon(config, store).pollOnce(false);
            assertThat(store.messages()).extracting(m -> m.outcome()).containsExactly(Outcome.ANNOUNCEMENT, Outcome.ANNOUNCEMENT);
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aPendingTalksReceiptSaysItWaitsAndWhy() throws Exception {
        Config config = config(smtp.getSmtp().getPort(), "    moderation:\n      threshold: 1\n");
        deliver("1.M1P1.host", announcement("<graph-minors@dept.example>", "Graph Minors", ""));
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            daemon(config, store).pollOnce(false);
        }
        assertThat(smtp.getReceivedMessages()).singleElement().satisfies(m -> assertThat((String) m.getContent())
                .contains("Status:   pending: it waits for an admin's approval", "is under the threshold 1.00"));
    }

    @Test
    void noReceiptForASenderNotAllowedListMailAutomatonsOrNoReplyAddresses() throws Exception {
        Config config = config();
        deliver("1.M1P1.host", TestMail.plain("Someone <someone@elsewhere.example>", "<stranger@elsewhere.example>", DATE,
                "Talk: Stranger Things", "Title: Stranger Things\nSpeaker: Ada Quint\nDate: Thursday, March 5, 2026\nTime: 4 pm\n"));
        deliver("2.M2P1.host", announcement("<auto@dept.example>", "Automatic Talk", "Auto-Submitted: auto-replied\n"));
        deliver("3.M3P1.host", announcement("<listed@dept.example>", "Listed Talk", "List-Id: Talks <talks.dept.example>\n"));
        deliver("4.M4P1.host", announcement("<bulk@dept.example>", "Bulk Talk", "Precedence: bulk\n"));
        deliver("5.M5P1.host", announcement("<suppress@dept.example>", "Suppressed Talk", "X-Auto-Response-Suppress: All\n"));
        deliver("6.M6P1.host", TestMail.plain("Robot <no-reply@dept.example>", "<robot@dept.example>", DATE, "Talk: Robot Talk",
                "Title: Robot Talk\nSpeaker: Ada Quint\nDate: Thursday, March 5, 2026\nTime: 4 pm\nPlace: Hall 210\n"));
        deliver("7.M7P1.host", TestMail.plain(ADMIN, "<claimed@dept.example>", DATE, "Talk: Claimed Talk",
                "Title: Claimed Talk\nSpeaker: Ada Quint\nDate: Thursday, March 5, 2026\nTime: 4 pm\nPlace: Hall 210\n",
                "Return-Path: <bounce@elsewhere.example>\n"));
        deliver("8.M8P1.host", announcement("<human@dept.example>", "Human Talk", "Friday, March 6, 2026", "Auto-Submitted: no\n"));
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            daemon(config, store).pollOnce(false);
            assertThat(store.messages()).extracting(m -> m.outcome())
                    .containsExactly(Outcome.IGNORED, Outcome.ANNOUNCEMENT, Outcome.ANNOUNCEMENT, Outcome.ANNOUNCEMENT,
                            Outcome.ANNOUNCEMENT, Outcome.ANNOUNCEMENT, Outcome.IGNORED, Outcome.ANNOUNCEMENT);
        }
        assertThat(smtp.getReceivedMessages()).as("only the message a person sent, as Auto-Submitted: no says")
                .extracting(MimeMessage::getSubject).containsExactly("Auto: Talk: Human Talk");
    }

    @Test
    void aReceiptThatCouldNotBeSentIsSentOnceAfterARestartAndNeverAgain() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        deliver("1.M1P1.host", announcement("<graph-minors@dept.example>", "Graph Minors", ""));
        Config down = config(closedPort, "");
        try (TalkStore store = TalkStore.open(down.store(), clock)) {
            daemon(down, store).pollOnce(false);
            assertThat(store.receipts()).singleElement().satisfies(r -> {
                assertThat(r.sentAt()).isNull();
                assertThat(r.attempts()).isEqualTo(1);
            });
        }
        Config up = config();
        try (TalkStore store = TalkStore.open(up.store(), clock)) {
            daemon(up, store).pollOnce(false);
            assertThat(smtp.getReceivedMessages()).as("the retry waits its turn").isEmpty();
            clock.set(clock.instant().plus(Duration.ofMinutes(2)));
            daemon(up, store).pollOnce(false);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
        }
        deliver("2.M2P1.host", announcement("<graph-minors@dept.example>", "Graph Minors", ""));
        try (TalkStore store = TalkStore.open(up.store(), clock)) {
            clock.set(clock.instant().plus(Duration.ofHours(1)));
            daemon(up, store).pollOnce(false);
            assertThat(store.receipts()).singleElement().satisfies(r -> assertThat(r.sentAt()).isNotNull());
        }
        assertThat(smtp.getReceivedMessages()).as("restarted twice, the same message delivered again").hasSize(1);
    }

    @Test
    void theDaemonsOwnReceiptFedBackToItGetsNoReceipt() throws Exception {
        // the worst case: the receipt's From is an admin's address, so the receipt fed back may change the talk
        Config config = config(smtp.getSmtp().getPort(), "    admins: [\"@dept.example\"]\n");
        deliver("1.M1P1.host", announcement("<graph-minors@dept.example>", "Graph Minors", ""));
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            Daemon daemon = daemon(config, store);
            daemon.pollOnce(false);
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            ByteArrayOutputStream receipt = new ByteArrayOutputStream();
            smtp.getReceivedMessages()[0].writeTo(receipt);
            // as the list's server would deliver it: the envelope sender is the receipt's From, which is allowed here
            deliver("2.M2P1.host", ("Return-Path: <talkfeed@dept.example>\n" + receipt.toString(StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
            daemon.pollOnce(false);
            assertThat(store.messages()).hasSize(2);
            assertThat(store.receipts()).extracting(Receipt::recipient).containsExactly("admin@dept.example");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aSenderGetsNoMoreReceiptsAnHourThanConfigured() throws Exception {
        Config config = config(smtp.getSmtp().getPort(), "      per-sender-per-hour: 2\n");
        for (int i = 1; i <= 3; i++) {
            deliver(i + ".M" + i + "P1.host", announcement("<talk" + i + "@dept.example>", "Talk Number " + i,
                    "March " + (9 + i) + ", 2026", ""));
        }
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            daemon(config, store).pollOnce(false);
            assertThat(store.receipts()).extracting(Receipt::skipped).containsExactly(null, null,
                    "over the limit of 2 receipts an hour to admin@dept.example");
        }
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }
}

package org.talkfeed.pipeline;

import com.icegreen.greenmail.imap.ImapServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;
import org.talkfeed.bench.EmailGenerator;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.mail.ImapConnection;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon against a real IMAP server (GreenMail, in-process): IDLE, polling, restarts, dropped connections. */
class ImapDaemonTest {
    private static final String PASSWORD = "s3cret-Pa55word";
    /** The day of the talks announced. */
    private static final String DAY = "Thursday, March 5, 2026";
    /** Messages in the mailbox the server stops serving mid-read. */
    private static final int MID_FETCH = 80;

    @TempDir
    Path dir;
    private GreenMail server;
    private ImapServer restarted;
    private int port;
    private final List<Daemon> daemons = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        server.start();
        port = server.getImap().getPort();
        server.setUser("talks@dept.example", "talks", PASSWORD);
    }

    /** Daemons a failed test left running are stopped before their store and server go. */
    @AfterEach
    void stopEverything() throws InterruptedException {
        daemons.forEach(Daemon::stop);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        if (restarted != null) {
            restarted.stopService();
        }
        server.stop();
    }

    @Test
    void aMessageAppendedWhileTheDaemonWaitsInIdleBecomesATalkAndIsPublished() throws Exception {
        Config config = config("idle: true", "");
        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = daemon(config, store);
            Thread running = start(daemon);
            Waits.until(() -> state(store).equals("idle"), "the daemon to wait in IDLE");

            append(TestMail.announcement("<idle-1@dept.example>", "Graph Sparsifiers", DAY));

            Waits.until(() -> store.talks().size() == 1, "the talk to be recorded");
            Waits.until(() -> HistoryFeeds.read(config.site()).contains("Graph Sparsifiers"), "the feed to show it");
            assertThat(store.checkpoint("imap:list").orElseThrow().position()).isEqualTo(1);
            daemon.stop();
            running.join(10_000);
            assertThat(running.isAlive()).isFalse();
            assertThat(state(store)).isEqualTo("stopped");
        }
    }

    @Test
    void withoutIdleTheDaemonPollsAndStillFindsNewMail() throws Exception {
        Config config = config("idle: false", "");
        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = daemon(config, store);
            Thread running = start(daemon);
            Waits.until(() -> state(store).equals("polling"), "the daemon to poll");
            append(TestMail.announcement("<poll-1@dept.example>", "Streaming Lower Bounds", DAY));
            Waits.until(() -> store.talks().size() == 1, "the talk to be recorded at the next poll");
            daemon.stop();
            running.join(10_000);
        }
    }

    @Test
    void aRestartedDaemonProcessesNothingTwice() throws Exception {
        Config config = config("idle: true", "");
        List<byte[]> mail = new EmailGenerator(7).generate(40);
        append(mail.toArray(byte[][]::new));
        int talks;
        try (TalkStore store = TalkStore.open(config.store())) {
            PollSummary first = daemon(config, store).pollOnce(false);
            assertThat(first.newMessages()).isEqualTo(40);
            talks = store.talks().size();
        }
        append(TestMail.announcement("<later@dept.example>", "Learning with Errors", DAY));
        try (TalkStore store = TalkStore.open(config.store())) {
            PollSummary second = daemon(config, store).pollOnce(false);
            assertThat(second.newMessages()).isEqualTo(1);
            assertThat(second.alreadySeen()).isZero();
            assertThat(store.messages()).hasSize(41);
            assertThat(store.talks()).hasSize(talks + 1);
            assertThat(store.checkpoint("imap:list").orElseThrow().position()).isEqualTo(41);
        }
    }

    @Test
    void aServerStoppedMidFetchIsReconnectedToAndReadingResumesWhereItStopped() throws Exception {
        Config config = config("idle: true", "reconnect-min-seconds: 1\n      reconnect-max-seconds: 2");
        List<byte[]> mail = new EmailGenerator(11).generate(MID_FETCH);
        append(mail.toArray(byte[][]::new));
        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = daemon(config, store);
            Thread running = start(daemon);
            Waits.until(() -> store.messages().size() >= 10, "the first messages to be recorded");
            server.getImap().stopService();
            Waits.until(() -> state(store).equals("reconnecting"), "the daemon to notice the server is gone");
            int recordedWhileDown = store.messages().size();
            assertThat(recordedWhileDown).isLessThan(MID_FETCH);
            assertThat(store.checkpoint("imap:list").orElseThrow().position())
                    .as("the checkpoint is the last recorded message's UID").isEqualTo(recordedWhileDown);
            restarted = new ImapServer(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP), server.getManagers());
            restarted.startService();
            Waits.until(() -> store.messages().size() == MID_FETCH, "every message after the server came back");
            Waits.until(() -> state(store).equals("idle"), "the daemon to wait in IDLE again");
            daemon.stop();
            running.join(10_000);
            assertThat(store.checkpoint("imap:list").orElseThrow().position()).isEqualTo(MID_FETCH);
        }
    }

    @Test
    void aMessageOverTheSizeLimitIsNotFetchedButComesWithItsSize() throws Exception {
        Config config = config("idle: true", "");
        append(TestMail.announcement("<small@dept.example>", "Graph Sparsifiers", DAY),
                TestMail.announcement("<large@dept.example>", "Tree Width", DAY + "\n" + "Abstract: more.\n".repeat(500)));
        try (ImapConnection connection = ImapConnection.open(config.mailboxes().get(0).imap(), 4096)) {
            long validity = connection.uidValidity();
            List<RawMessage> fetched = new ArrayList<>();
            for (long uid : connection.uidsAfter(0)) {
                fetched.add(connection.fetch(new Checkpoint("imap:list", validity, uid)));
            }
            assertThat(fetched).extracting(RawMessage::readable).containsExactly(true, false);
            assertThat(new String(fetched.get(0).bytes(), StandardCharsets.UTF_8)).contains("Graph Sparsifiers");
            assertThat(fetched.get(1).bytes()).isEmpty();
            assertThat(fetched.get(1).unreadable()).matches("message of [0-9,]+ bytes is larger than the 4 KB limit");
            assertThat(fetched.get(1).checkpoint().position()).isEqualTo(2);
        }
    }

    @Test
    void aRefusedLoginIsReportedWithoutThePasswordAndRetried() throws Exception {
        Files.writeString(dir.resolve("password"), "wrong-" + PASSWORD);
        Config config = config("idle: true", "auth-retry-seconds: 1");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8)); // where slf4j-simple writes (simplelogger.properties)
        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = daemon(config, store);
            Thread running = start(daemon);
            Waits.until(() -> state(store).equals("login refused"), "the refused login to be reported");
            String reported = store.statuses().get(0).detail();
            assertThat(reported).contains("login refused for talks at 127.0.0.1").doesNotContain(PASSWORD);
            Files.writeString(dir.resolve("password"), PASSWORD);
            Waits.until(() -> state(store).equals("idle"), "a retry with the corrected password file");
            assertThat(store.statuses().get(0).detail()).as("the refusal is cleared once logged in").isNull();
            daemon.stop();
            running.join(10_000);
        } finally {
            System.setOut(out);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("login refused for talks at 127.0.0.1")
                .contains("connected to talks@127.0.0.1").doesNotContain(PASSWORD);
    }

    @Test
    void messagesFromSendersTheMailboxDoesNotAcceptAreRecordedAsIgnoredWithTheReason() throws Exception {
        Config config = config("idle: true", "", "    allowed-senders: [\"@dept.example\"]\n");
        append(TestMail.plain("Someone <someone@elsewhere.example>", "<out-1@elsewhere.example>", "Mon, 2 Mar 2026 09:00:00 -0600",
                "Talk: Cheap Watches", "Speaker: Someone\nDate: March 5, 2026, 4pm\nRoom 101\n"));
        append(TestMail.announcement("<in-1@dept.example>", "Planar Separators", DAY));
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).pollOnce(false);
            assertThat(store.messages()).extracting(MessageRecord::outcome)
                    .containsExactly(Outcome.IGNORED, Outcome.ANNOUNCEMENT);
            assertThat(store.messages().get(0).reason()).contains("someone@elsewhere.example").contains("not an allowed sender");
            assertThat(store.outcomeCounts("list").get(Outcome.IGNORED)).isEqualTo(1);
        }
    }

    @Test
    void processedMessagesCanBeMarkedSeenButAreNeverDeleted() throws Exception {
        Config config = config("idle: true\n      after-processing: seen", "");
        append(TestMail.announcement("<seen-1@dept.example>", "Succinct Arguments", DAY));
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).pollOnce(false);
        }
        try (Store imap = imapStore()) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).isSet(Flags.Flag.SEEN)).isTrue();
        }
    }

    @Test
    void theLastMessageRecordedButNotMarkedIsMarkedAtTheNextConnectionAndEarlierOnesAreLeftAlone() throws Exception {
        append(TestMail.announcement("<mark-1@dept.example>", "Succinct Arguments", DAY),
                TestMail.announcement("<mark-2@dept.example>", "Proof Systems", DAY));
        // Recorded without marking: as if the daemon had died between the last commit and its flag.
        try (TalkStore store = TalkStore.open(config("idle: true", "").store())) {
            daemon(config("idle: true", ""), store).pollOnce(false);
        }
        try (TalkStore store = TalkStore.open(config("idle: true", "").store())) {
            PollSummary flagging = daemon(config("idle: true\n      after-processing: flag", ""), store).pollOnce(false);
            assertThat(flagging.newMessages()).isZero();
        }
        try (Store imap = imapStore()) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessages()).extracting(m -> isSet(m, Flags.Flag.FLAGGED))
                    .as("the message at the checkpoint is flagged; the one before it, maybe unflagged by a person, is not")
                    .containsExactly(false, true);
        }
        append(TestMail.announcement("<mark-3@dept.example>", "Interactive Oracles", DAY));
        try (TalkStore store = TalkStore.open(config("idle: true", "").store())) {
            daemon(config("idle: true\n      after-processing: move", "move-to: Talks/Done"), store).pollOnce(false);
            assertThat(store.messages()).hasSize(3);
        }
        try (Store imap = imapStore()) {
            assertThat(imap.getFolder("INBOX").getMessageCount()).as("the first, never at the checkpoint").isEqualTo(1);
            assertThat(imap.getFolder("Talks/Done").getMessageCount()).as("the checkpoint's and the new one").isEqualTo(2);
        }
    }

    private static boolean isSet(Message message, Flags.Flag flag) {
        try {
            return message.isSet(flag);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aChangedUidValidityRereadsTheFolderButRecordsNothingTwice() throws Exception {
        Config config = config("idle: true", "");
        append(TestMail.announcement("<uv-1@dept.example>", "Sum of Squares", DAY));
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).pollOnce(false);
            long validity = store.checkpoint("imap:list").orElseThrow().uidValidity();
            store.advance(new org.talkfeed.mail.Checkpoint("imap:list", validity + 1, 99));
            append(TestMail.announcement("<uv-2@dept.example>", "Lattice Reductions", DAY));
            PollSummary again = daemon(config, store).pollOnce(false);
            assertThat(again.alreadySeen()).as("the first message, read again under the new UIDVALIDITY").isEqualTo(1);
            assertThat(again.newMessages()).isEqualTo(1);
            assertThat(store.checkpoint("imap:list").orElseThrow()).isEqualTo(new org.talkfeed.mail.Checkpoint("imap:list", validity, 2));
        }
    }

    @Test
    void severalMailboxesRunInOneDaemonEachWithItsOwnDefaults() throws Exception {
        server.setUser("seminars@dept.example", "seminars", PASSWORD);
        Files.writeString(dir.resolve("password"), PASSWORD);
        Path file = dir.resolve("two.yaml");
        Files.writeString(file, """
                store: data/talkfeed.db
                site: site
                mailboxes:
                  - name: talks
                    timezone: America/Chicago
                    imap: {host: 127.0.0.1, port: %1$d, tls: none, user: talks, password-file: password}
                  - name: seminars
                    timezone: Europe/Berlin
                    series: Berlin Seminar
                    imap: {host: 127.0.0.1, port: %1$d, tls: none, user: seminars, password-file: password}
                """.formatted(port));
        Config config = new ConfigLoader().load(file);
        append(TestMail.announcement("<chicago@dept.example>", "Graph Minors", DAY));
        try (Store imap = Session.getInstance(new Properties()).getStore("imap")) {
            imap.connect("127.0.0.1", port, "seminars", PASSWORD);
            imap.getFolder("INBOX").appendMessages(new Message[] {new MimeMessage(null,
                    new ByteArrayInputStream(TestMail.plain("<berlin@dept.example>", "Mon, 2 Mar 2026 09:00:00 +0100",
                            "Tree Decompositions", "Title: Tree Decompositions\nSpeaker: Lena Vogt, TU Example\n"
                                    + "Date: Friday, March 6, 2026\nTime: 14:00\nPlace: Room 3.05\n")))});
        }
        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = daemon(config, store);
            Thread running = start(daemon);
            Waits.until(() -> store.talks().size() == 2, "a talk from each mailbox");
            daemon.stop();
            running.join(10_000);
            assertThat(store.talks()).extracting(t -> t.talk().title() + " " + t.talk().timezone())
                    .containsExactlyInAnyOrder("Graph Minors America/Chicago", "Tree Decompositions Europe/Berlin");
            assertThat(store.talks()).filteredOn(t -> t.talk().title().equals("Tree Decompositions"))
                    .extracting(t -> t.talk().series()).containsExactly("Berlin Seminar");
            assertThat(store.outcomeCounts("talks").get(Outcome.ANNOUNCEMENT)).isEqualTo(1);
            assertThat(store.outcomeCounts("seminars").get(Outcome.ANNOUNCEMENT)).isEqualTo(1);
            assertThat(store.statuses()).extracting(s -> s.mailbox() + " " + s.state())
                    .containsExactly("seminars stopped", "talks stopped");
        }
    }

    private Config config(String imapOptions, String moreImapOptions) throws Exception {
        return config(imapOptions, moreImapOptions, "");
    }

    private Config config(String imapOptions, String moreImapOptions, String mailboxOptions) throws Exception {
        Path password = dir.resolve("password");
        if (!Files.exists(password)) {
            Files.writeString(password, PASSWORD);
        }
        Path file = dir.resolve("talkfeed.yaml");
        Files.writeString(file, """
                store: data/talkfeed.db
                site: site
                poll-interval-seconds: 1
                mailboxes:
                  - name: list
                    timezone: America/Chicago
                %s    imap:
                      host: 127.0.0.1
                      port: %d
                      tls: none
                      user: talks
                      password-file: password
                      %s
                      %s
                """.formatted(mailboxOptions, port, imapOptions, moreImapOptions));
        return new ConfigLoader().load(file);
    }

    private static Daemon daemon(Config config, TalkStore store) {
        return new Daemon(config, store, new SitePublisher(config.site(), "test", Duration.ofHours(1), null, "America/Chicago",
                Clock.systemUTC()));
    }

    private Thread start(Daemon daemon) {
        Thread thread = new Thread(daemon::runUntilStopped, "daemon under test");
        daemons.add(daemon);
        threads.add(thread);
        thread.start();
        return thread;
    }


    private void append(byte[]... messages) throws Exception {
        try (Store imap = imapStore()) {
            Folder inbox = imap.getFolder("INBOX");
            Message[] parsed = new Message[messages.length];
            for (int i = 0; i < messages.length; i++) {
                parsed[i] = new MimeMessage(null, new ByteArrayInputStream(messages[i]));
            }
            inbox.appendMessages(parsed);
        }
    }

    private Store imapStore() throws Exception {
        Store imap = Session.getInstance(new Properties()).getStore("imap");
        imap.connect("127.0.0.1", port, "talks", PASSWORD);
        return imap;
    }

    private static String state(TalkStore store) {
        return store.statuses().isEmpty() ? "" : store.statuses().get(0).state();
    }
}

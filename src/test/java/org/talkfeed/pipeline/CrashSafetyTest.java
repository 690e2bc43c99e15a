package org.talkfeed.pipeline;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.bench.EmailGenerator;
import org.talkfeed.mail.DovecotServer;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.TalkJson;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon as a separate process, killed with SIGKILL at random moments while it works through a mailbox of
 * 2,000 messages and restarted, ten times: every message ends up recorded exactly once, and the store holds
 * exactly the messages, talks and revisions of a clean single run over the same mailbox.
 *
 * <p>The kill moments come from a seeded {@link Random}; the seed is printed and a run can be replayed with
 * {@code -Dtalkfeed.crash.seed=N}. Most kills wait until the store has passed a random message count, so they
 * land while messages are being processed; a few kill after a random time, which may be during start-up.
 * The mailbox is on Dovecot (GreenMail answers each FETCH in time proportional to the square of the folder's
 * size, minutes for one pass over 2,000 messages); the clean run goes alongside, on its own store.
 */
class CrashSafetyTest {
    private static final int MESSAGES = 2_000;
    private static final int KILLS = 10;
    private static final int TIMED_KILLS = 2;
    private static final long MAIL_SEED = 20_260_305L;
    /** How long one run may take. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(8);

    /** Kept when the test fails: the daemons' logs are there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private DovecotServer dovecot;
    private String classpath;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        Needs.that(DovecotServer.isInstalled(), "dovecot (Debian package dovecot-imapd)");
        dovecot = DovecotServer.start(dir);
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (Process child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (dovecot != null) {
            dovecot.close();
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void aDaemonKilledTenTimesRecordsEveryMessageOnceAndTheTalksOfACleanRun() throws Exception {
        long seed = Long.getLong("talkfeed.crash.seed", System.nanoTime());
        System.out.println("CrashSafetyTest: seed " + seed + " (replay with -Dtalkfeed.crash.seed=" + seed + ")");
        Random random = new Random(seed);
        long started = System.nanoTime();

        classpath = snapshotClasspath();
        append(new EmailGenerator(MAIL_SEED).generate(MESSAGES));
        long appended = System.nanoTime();

        // the clean baseline: one run over the whole mailbox, alongside the crashes (its own store and site)
        Path cleanDb = dir.resolve("clean/talkfeed.db");
        Path cleanLog = dir.resolve("clean/once.log");
        Process baseline = spawn(config("clean"), cleanLog, "--once");

        // ten daemons killed with SIGKILL at random moments, each restarted on the same store
        Path crashed = config("crash");
        Path crashedDb = dir.resolve("crash/talkfeed.db");
        Set<Integer> timed = new HashSet<>();
        while (timed.size() < TIMED_KILLS) {
            timed.add(random.nextInt(KILLS));
        }
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < KILLS - TIMED_KILLS; i++) {
            targets.add(50 + random.nextInt(MESSAGES - 100 + 1));
        }
        targets.sort(null);
        List<String> kills = new ArrayList<>();
        int partial = 0;
        int nextTarget = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            int before = count(crashedDb);
            Path log = dir.resolve("crash/run-" + kill + ".log");
            String moment;
            Process daemon = spawn(crashed, log);
            if (timed.contains(kill - 1)) {
                long millis = 200 + random.nextInt(2_800);
                moment = millis + "ms";
                Thread.sleep(millis);
            } else {
                int target = Math.min(MESSAGES, Math.max(targets.get(nextTarget++), before + 1 + random.nextInt(50)));
                moment = ">=" + target;
                waitForCount(crashedDb, target, daemon, log);
                Thread.sleep(random.nextInt(40));
            }
            assertThat(daemon.isAlive()).as("daemon %d still running when it is to be killed (exit %s)%s", kill,
                    daemon.isAlive() ? "" : daemon.exitValue(), tail(log)).isTrue();
            daemon.destroyForcibly();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).as("daemon %d ended after SIGKILL", kill).isTrue();
            int after = count(crashedDb);
            if (after > before && after < MESSAGES) {
                partial++;
            }
            kills.add("#" + kill + " " + moment + ": " + before + "->" + after);
            // UIDs run 1..2000 and are read in order: a message and its checkpoint committed together keep these equal
            assertThat(checkpointPosition(crashedDb)).as("checkpoint after kill %d, against the %d messages recorded",
                    kill, after).isEqualTo(after);
        }

        // one last run to completion
        Path finalLog = dir.resolve("crash/final.log");
        int finalExit = finish(spawn(crashed, finalLog, "--once"), finalLog);
        assertThat(finalExit).as("exit code of the final run --once%s", tail(finalLog)).isZero();
        long recovered = System.nanoTime();
        int cleanExit = finish(baseline, cleanLog);
        long total = System.nanoTime() - started;
        assertThat(cleanExit).as("exit code of the clean run --once%s", tail(cleanLog)).isZero();

        System.out.printf("CrashSafetyTest: seed %d; %d kills, %d with a partial store (messages before->after each kill: %s); "
                        + "append %d ms, kills and final run %d ms, total %d ms%n", seed, KILLS, partial,
                String.join(", ", kills), TimeUnit.NANOSECONDS.toMillis(appended - started),
                TimeUnit.NANOSECONDS.toMillis(recovered - appended), TimeUnit.NANOSECONDS.toMillis(total));

        String context = " [seed " + seed + "; kills " + kills + "; logs in " + dir + "]";
        assertThat(partial).as("kills that landed with a partial store" + context).isGreaterThanOrEqualTo(5);

        List<MessageRecord> cleanMessages;
        List<MessageRecord> crashedMessages;
        Optional<Checkpoint> cleanCheckpoint;
        Optional<Checkpoint> crashedCheckpoint;
        List<String> cleanTalks;
        List<String> crashedTalks;
        try (TalkStore store = TalkStore.open(cleanDb)) {
            cleanMessages = store.messages();
            cleanCheckpoint = store.checkpoint("imap:list");
            cleanTalks = talks(store);
        }
        try (TalkStore store = TalkStore.open(crashedDb)) {
            crashedMessages = store.messages();
            crashedCheckpoint = store.checkpoint("imap:list");
            crashedTalks = talks(store);
        }

        assertThat(cleanMessages).as("message rows of the clean run" + context).hasSize(MESSAGES);
        assertThat(crashedMessages).as("message rows" + context).hasSize(MESSAGES);
        assertSame("message record", cleanMessages.stream().map(Object::toString).toList(),
                crashedMessages.stream().map(Object::toString).toList(), context);
        assertThat(crashedCheckpoint).as("checkpoint imap:list" + context).isPresent().isEqualTo(cleanCheckpoint);
        assertThat(crashedTalks).as("talks" + context).isNotEmpty();
        assertSame("talk (uid | slug | cancelled | sequence | json)", cleanTalks, crashedTalks, context);
        assertSame("revision (talk uid | message key | kind | json)", revisions(cleanDb), revisions(crashedDb), context);
    }

    /** The talks in store order, without their timestamps. */
    private static List<String> talks(TalkStore store) {
        return store.talks().stream().map(CrashSafetyTest::talk).toList();
    }

    private static String talk(StoredTalk t) {
        return t.uid() + " | " + t.slug() + " | " + t.cancelled() + " | " + t.sequence() + " | " + TalkJson.write(t.talk());
    }

    /** Every revision, oldest first, by its talk's uid and its message's key (row ids may differ between stores). */
    private static List<String> revisions(Path db) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT t.uid, m.message_key, r.kind, r.data FROM revisions r "
                     + "JOIN talks t ON t.id = r.talk_id JOIN messages m ON m.id = r.message_id ORDER BY r.id")) {
            List<String> result = new ArrayList<>();
            while (rs.next()) {
                result.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4));
            }
            return result;
        }
    }

    /** Equal lists, or an error naming the first entry that differs, how many differ, and a few on each side only. */
    private static void assertSame(String what, List<String> clean, List<String> crashed, String context) {
        if (clean.equals(crashed)) {
            return;
        }
        int differing = 0;
        int first = -1;
        for (int i = 0; i < Math.max(clean.size(), crashed.size()); i++) {
            String a = i < clean.size() ? clean.get(i) : null;
            String b = i < crashed.size() ? crashed.get(i) : null;
            if (a == null || !a.equals(b)) {
                differing++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        Set<String> onlyClean = new HashSet<>(clean);
        crashed.forEach(onlyClean::remove);
        Set<String> onlyCrashed = new HashSet<>(crashed);
        clean.forEach(onlyCrashed::remove);
        throw new AssertionError(what + "s differ from the clean run: " + clean.size() + " in the clean store, "
                + crashed.size() + " in the crashed one; " + differing + " positions differ, the first at " + first
                + ":\n  clean:   " + (first < clean.size() ? clean.get(first) : "(none)")
                + "\n  crashed: " + (first < crashed.size() ? crashed.get(first) : "(none)")
                + "\n" + onlyClean.size() + " only in the clean store, e.g. " + onlyClean.stream().limit(3).toList()
                + "\n" + onlyCrashed.size() + " only in the crashed store, e.g. " + onlyCrashed.stream().limit(3).toList()
                + "\n" + context);
    }

    /** A configuration in its own folder: store, site and password there; HTTP on an ephemeral port. */
    private Path config(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("password"), dovecot.password());
        Path file = folder.resolve("talkfeed.yaml");
        Files.writeString(file, """
                store: talkfeed.db
                site: site
                poll-interval-seconds: 1
                server:
                  host: 127.0.0.1
                  port: 0
                mailboxes:
                  - name: list
                    timezone: America/Chicago
                    imap:
                      host: %s
                      port: %d
                      tls: none
                      user: %s
                      password-file: password
                      idle: true
                """.formatted(dovecot.host(), dovecot.port(), dovecot.user()));
        return file;
    }

    /** {@code talkfeed run --config FILE [more]} in a child JVM, its output to {@code log}. */
    private Process spawn(Path config, Path log, String... more) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-cp", classpath,
                "org.talkfeed.cli.TalkfeedCommand", "run", "--config", config.toString()));
        command.addAll(List.of(more));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(process);
        return process;
    }

    /**
     * This JVM's classpath (surefire's: target/test-classes, target/classes, the dependency jars), with each
     * class folder copied into the temporary folder first: the children load classes lazily for minutes, and a
     * rebuild in target/ meanwhile must not pull classes from under them.
     */
    private String snapshotClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                Path copy = dir.resolve("classpath-" + entries.size());
                try (Stream<Path> files = Files.walk(path)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Path target = copy.resolve(path.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
                entries.add(copy.toString());
            } else {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int finish(Process process, Path log) throws Exception {
        if (!process.waitFor(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the run did not end within " + RUN_LIMIT.toSeconds() + " s" + tail(log));
        }
        return process.exitValue();
    }

    /** Waits until the store holds at least {@code target} messages; fails when the daemon ends first. */
    private static void waitForCount(Path db, int target, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(RUN_LIMIT);
        while (count(db) < target) {
            if (!process.isAlive()) {
                throw new AssertionError("the daemon ended (exit " + process.exitValue() + ") before recording " + target
                        + " messages" + tail(log));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + target + " messages (have " + count(db) + ")" + tail(log));
            }
            Thread.sleep(40);
        }
    }

    /** The mailbox's checkpoint (last recorded UID) read over a separate connection; 0 before there is one. */
    private static int checkpointPosition(Path db) throws SQLException {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT position FROM checkpoints WHERE source = 'imap:list'")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }

    /** Messages recorded so far, read over a separate connection (0 before the store or its tables exist). */
    private static int count(Path db) {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM messages")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0;
            }
            throw new AssertionError("cannot count the messages in " + db + ": " + e.getMessage(), e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return "\n--- last lines of " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return " (no log at " + log + ")";
        }
    }

    /** Appends every message over one IMAP connection. */
    private void append(List<byte[]> messages) throws Exception {
        // TCP_NODELAY: each APPEND sends its literal after the server's go-ahead, and Nagle's algorithm would hold
        // back each message's last bytes until a delayed ACK, some 40 ms a message
        Properties props = new Properties();
        props.put("mail.imap.socketFactory", new NoDelaySockets());
        Store imap = Session.getInstance(props).getStore("imap");
        imap.connect(dovecot.host(), dovecot.port(), dovecot.user(), dovecot.password());
        try (imap) {
            Folder inbox = imap.getFolder("INBOX");
            Message[] parsed = new Message[messages.size()];
            for (int i = 0; i < parsed.length; i++) {
                parsed[i] = new MimeMessage(null, new ByteArrayInputStream(messages.get(i)));
            }
            inbox.appendMessages(parsed);
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).as("messages in the mailbox").isEqualTo(messages.size());
            inbox.close(false);
        }
    }

    /** Plain sockets with TCP_NODELAY, for the test's own IMAP connection. */
    private static final class NoDelaySockets extends javax.net.SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket socket = createSocket();
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        }

        @Override
        public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
            return createSocket(host, port);
        }
    }
}

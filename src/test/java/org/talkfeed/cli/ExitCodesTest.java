package org.talkfeed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.talkfeed.TestMail;
import org.talkfeed.mail.RawMessage;

import java.io.RandomAccessFile;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exit codes that say what happened: a daemon that cannot go on, an import with failed messages, what parse found. */
class ExitCodesTest {
    private static final String DAY = "Thursday, March 5, 2026";

    @TempDir
    Path dir;

    private Path config() throws Exception {
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve("mail").resolve(sub));
        }
        return Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: data/talkfeed.db
                site: site
                poll-interval-seconds: 1
                server:
                  port: 0
                mailboxes:
                  - name: local
                    maildir: mail
                    timezone: America/Chicago
                """);
    }

    /**
     * Another process holds the store's write lock past the store's wait for it: the daemon cannot record, so `run`
     * stops, HTTP server and all, with exit code 1 and why.
     */
    @Test
    void runStopsWithExitOneAndTheReasonWhenTheStoreCannotBeWritten() throws Exception {
        Path config = config();
        Files.write(dir.resolve("mail/new/1767000000.M1P1.host"), TestMail.announcement("<first@dept.example>", "Graph Minors", DAY));
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("run", "--config", config.toString()));
        Path db = dir.resolve("data/talkfeed.db");
        waitFor(() -> recordedMessages(db) == 1, run);

        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            Files.write(dir.resolve("mail/new/1767000100.M2P1.host"), TestMail.announcement("<second@dept.example>", "Tree Width", DAY));
            CliRun stopped = run.get(5, TimeUnit.MINUTES);
            st.execute("ROLLBACK");

            assertThat(stopped.exit()).isEqualTo(1);
            assertThat(stopped.err()).contains("talkfeed: stopped: cannot write to the store").doesNotContain("\tat ");
            assertThat(stopped.out()).doesNotContain("talkfeed: stopped");
            Matcher served = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/").matcher(stopped.out());
            assertThat(served.find()).isTrue();
            assertThatThrownBy(() -> new Socket("127.0.0.1", Integer.parseInt(served.group(1))).close())
                    .as("the HTTP server is stopped too").isInstanceOf(ConnectException.class);
        }
        assertThat(recordedMessages(db)).isEqualTo(1);
    }

    @Test
    void importExitsOneWhenAMessageFailedAndSaysHowMany() throws Exception {
        Path config = config();
        Path folder = Files.createDirectories(dir.resolve("archive"));
        Files.write(folder.resolve("1.eml"), TestMail.announcement("<good@dept.example>", "Graph Minors", DAY));
        Path huge = Files.write(folder.resolve("2.eml"), TestMail.announcement("<huge@dept.example>", "Tree Width", DAY));
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(RawMessage.MAX_BYTES + 1); // sparse: costs no disk, and is never read
        }
        CliRun run = CliRun.of("import", "--config", config.toString(), folder.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("talks: 1 new", "failed: 1",
                String.format("failed: message of %,d bytes is larger than the 32 MB limit", RawMessage.MAX_BYTES + 1));

        CliRun again = CliRun.of("import", "--config", config.toString(), folder.toString());
        assertThat(again.exit()).as("nothing failed this time: both are known").isZero();
        assertThat(again.out()).contains("skipped: 2 already seen", "failed: 0");
    }

    @Test
    void parseExitsZeroForATalkTwoForAMessageThatIsNoneAndOneForOneThatCannotBeRead() throws Exception {
        Path talk = Files.write(dir.resolve("talk.eml"), TestMail.announcement("<talk@dept.example>", "Graph Minors", DAY));
        Path cookies = Files.write(dir.resolve("cookies.eml"), TestMail.plain("<cookies@dept.example>",
                "Mon, 2 Mar 2026 09:00:00 -0600", "Leftover cookies", "There are cookies in the kitchen. Help yourselves!"));
        Path deep = Files.write(dir.resolve("deep.eml"), nested(20));

        CliRun parsedTalk = CliRun.of("parse", talk.toString());
        assertThat(parsedTalk.exit()).isZero();
        assertThat(parsedTalk.out()).startsWith("kind: announcement");

        CliRun notTalk = CliRun.of("parse", cookies.toString());
        assertThat(notTalk.exit()).isEqualTo(2);
        assertThat(notTalk.out()).startsWith("kind: not_talk").contains("reason: no date found");

        CliRun unreadable = CliRun.of("parse", "--json", deep.toString());
        assertThat(unreadable.exit()).isEqualTo(1);
        assertThat(unreadable.out()).contains("\"kind\" : \"failed\"", "\"reason\" : \"MIME nesting deeper than 8 levels\"");
        assertThat(CliRun.of("parse", "--help").out()).contains("Exit code 0 for a talk");
    }

    private static byte[] nested(int depth) {
        String content = "Content-Type: text/plain\n\nTitle: Deep\nSpeaker: Ada Quint\nDate: " + DAY + "\nTime: 4pm\n";
        for (int level = 0; level < depth; level++) {
            content = "Content-Type: multipart/mixed; boundary=\"n" + level + "\"\n\n--n" + level + "\n" + content + "\n--n" + level + "--";
        }
        return ("From: a@dept.example\nSubject: Talk\nMIME-Version: 1.0\n" + content).getBytes(StandardCharsets.UTF_8);
    }

    /** Messages in the store, read without writing; -1 while it is not there yet. */
    private static long recordedMessages(Path db) {
        if (!Files.exists(db)) {
            return -1;
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection c = readOnly.createConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM messages")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, CompletableFuture<CliRun> run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (run.isDone()) {
                throw new AssertionError("run ended early: " + run.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for the first message to be recorded");
            }
            Thread.sleep(50);
        }
    }
}

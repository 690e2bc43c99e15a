package org.talkfeed.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.bench.EmailGenerator;
import org.talkfeed.mail.MboxWriter;
import org.talkfeed.pipeline.Importer;
import org.talkfeed.store.TalkStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `talkfeed import` as a separate process, killed with SIGKILL while it records its batches, then run again: after
 * every kill the checkpoint is the number of messages in the store (a batch and its checkpoint commit or vanish
 * together), and the import that ends holds the messages and talks of one clean run. The kill moments come from a
 * seeded {@link Random}, printed; replay with {@code -Dtalkfeed.kill.seed=N}.
 */
class ImportKillTest {
    private static final int MESSAGES = 8 * Importer.BATCH_MESSAGES;
    private static final int KILLS = 3;

    /** Kept when the test fails: the imports' output is there. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor();
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES) // a guard against a child that never ends, not a speed limit
    void anImportKilledWhileRecordingKeepsItsCheckpointAtTheMessagesCommittedAndResumesToACleanRun() throws Exception {
        long seed = Long.getLong("talkfeed.kill.seed", System.nanoTime());
        System.out.println("ImportKillTest: seed " + seed + " (replay with -Dtalkfeed.kill.seed=" + seed + ")");
        Random random = new Random(seed);
        ByteArrayOutputStream mail = new ByteArrayOutputStream();
        for (byte[] message : new EmailGenerator(23).generate(MESSAGES)) {
            MboxWriter.append(mail, message);
        }
        Path mbox = Files.write(dir.resolve("archive.mbox"), mail.toByteArray());
        Path config = config("killed");
        Path db = dir.resolve("killed/data/t.db");

        List<String> kills = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
            int before = count(db);
            int target = before + 1 + random.nextInt(Importer.BATCH_MESSAGES / 2);
            Path log = dir.resolve("import-" + kill + ".log");
            Process child = importing(config, mbox, log);
            waitForCount(db, target, child, log);
            Thread.sleep(random.nextInt(40));
            child.destroyForcibly();
            child.waitFor();
            int after = count(db);
            kills.add("#" + kill + " >=" + target + ": " + before + "->" + after);
            assertThat(after).as("messages after kill %d, in the middle of the import", kill).isLessThan(MESSAGES);
            assertThat(checkpoint(db, mbox)).as("checkpoint after kill %d (kills %s)", kill, kills).isEqualTo(after);
        }
        Path finalLog = dir.resolve("import-final.log");
        Process last = importing(config, mbox, finalLog);
        assertThat(last.waitFor()).as("exit of the last import%s", tail(finalLog)).isZero();
        System.out.println("ImportKillTest: messages before->after each kill: " + String.join(", ", kills));

        CliRun clean = CliRun.of("import", "--any-sender", "--quiet", "--config", config("clean").toString(), mbox.toString());
        assertThat(clean.exit()).isZero();
        try (TalkStore killed = TalkStore.open(db); TalkStore once = TalkStore.open(dir.resolve("clean/data/t.db"))) {
            assertThat(killed.messages()).hasSize(MESSAGES);
            assertThat(rows(killed)).isEqualTo(rows(once));
            assertThat(checkpoint(db, mbox)).isEqualTo(MESSAGES);
        }
    }

    /** A configuration in its own folder, its store in data/ there. */
    private Path config(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.createDirectories(folder.resolve("maildir/cur"));
        Files.createDirectories(folder.resolve("maildir/new"));
        return Files.writeString(folder.resolve("talkfeed.yaml"), """
                store: data/t.db
                site: site
                mailboxes:
                  - name: archive
                    maildir: maildir
                    timezone: America/Chicago
                """);
    }

    /** Messages (key, outcome) and talks (uid, sequence, cancelled, fields) in store order. */
    private static List<String> rows(TalkStore store) {
        List<String> rows = new ArrayList<>();
        store.messages().forEach(m -> rows.add(m.messageKey() + " " + m.outcome()));
        store.talks().forEach(t -> rows.add(t.uid() + " " + t.sequence() + " " + t.cancelled() + " " + t.talk()));
        return rows;
    }

    /** {@code talkfeed import --any-sender --quiet} of the archive in a child JVM, its output to {@code log}. */
    private Process importing(Path config, Path mbox, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.talkfeed.cli.TalkfeedCommand", "import", "--any-sender", "--quiet", "--config", config.toString(),
                mbox.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(process);
        return process;
    }

    /** Waits until the store holds at least {@code target} messages; fails when the import ends first. */
    private static void waitForCount(Path db, int target, Process child, Path log) throws Exception {
        while (count(db) < target) {
            if (!child.isAlive()) {
                throw new AssertionError("the import ended (exit " + child.exitValue() + ") before recording " + target
                        + " messages" + tail(log));
            }
            Thread.sleep(20);
        }
    }

    /** Messages committed so far, read over a connection of the test's own (0 before the store has its tables). */
    private static int count(Path db) throws SQLException {
        return number(db, "SELECT COUNT(*) FROM messages");
    }

    /** How many of the archive's messages its checkpoint says are done. */
    private static int checkpoint(Path db, Path mbox) throws SQLException {
        return number(db, "SELECT position FROM checkpoints WHERE source = 'import:"
                + mbox.toAbsolutePath().normalize().toString().replace("'", "''") + "'");
    }

    private static int number(Path db, String sql) throws SQLException {
        if (!Files.exists(db)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            try (ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readString(log, StandardCharsets.UTF_8).lines().toList();
            return "\n--- last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return " (no log at " + log + ")";
        }
    }
}

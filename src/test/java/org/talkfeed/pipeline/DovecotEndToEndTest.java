package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.TestMail;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.mail.DovecotServer;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.TalkStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daemon against Dovecot, Debian's IMAP server, run as a plain process: announcements appended
 * while it waits in IDLE reach the published feed, and a restarted server is reconnected to. The time
 * from APPEND to the feed is printed (a benchmark figure, not asserted).
 */
class DovecotEndToEndTest {
    private static final int MESSAGES = 20;

    @TempDir
    Path dir;

    @Test
    void appendedAnnouncementsReachTheFeedAndAServerRestartIsRiddenOut() throws Exception {
        Needs.that(DovecotServer.isInstalled(), "dovecot (Debian package dovecot-imapd)");
        try (DovecotServer dovecot = DovecotServer.start(dir)) {
            Config config = config(dovecot);
            try (TalkStore store = TalkStore.open(config.store())) {
                Daemon daemon = new Daemon(config, store, new SitePublisher(config.site(), "e2e", Duration.ofHours(1), null,
                        "America/Chicago", Clock.systemUTC()));
                Thread running = new Thread(daemon::runUntilStopped, "daemon under test");
                running.start();
                Waits.until(() -> state(store).equals("idle"), "the daemon to wait in IDLE");

                List<Long> latencies = new ArrayList<>();
                for (int i = 1; i <= MESSAGES; i++) {
                    String title = "Expander Graphs Part " + i;
                    long appended = System.nanoTime();
                    dovecot.append(TestMail.announcement("<e2e-" + i + "@dept.example>", title, "April " + i + ", 2026"));
                    Waits.until(() -> feed(config).contains(title), "talk " + i + " in the feed");
                    latencies.add((System.nanoTime() - appended) / 1_000_000);
                    long recorded = i;
                    Waits.until(() -> store.checkpoint("imap:list").map(c -> c.position() == recorded).orElse(false)
                            && state(store).equals("idle"), "the daemon to be done with message " + i);
                }
                report(latencies);
                assertThat(store.talks()).hasSize(MESSAGES);

                dovecot.restart();
                dovecot.append(TestMail.announcement("<e2e-after@dept.example>", "Spectral Partitioning",
                        "April " + (MESSAGES + 1) + ", 2026"));
                Waits.until(() -> feed(config).contains("Spectral Partitioning"), "the talk sent after the restart");

                daemon.stop();
                running.join(10_000);
                assertThat(running.isAlive()).isFalse();
                assertThat(store.messages()).hasSize(MESSAGES + 1);
                assertThat(store.checkpoint("imap:list").orElseThrow().position()).isEqualTo(MESSAGES + 1);
            }
        }
    }

    private static void report(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
        System.out.printf("talkfeed e2e: APPEND to published feed over %d messages (Dovecot, IDLE): median %d ms, max %d ms%n",
                sorted.size(), median, sorted.get(sorted.size() - 1));
    }

    private Config config(DovecotServer dovecot) throws Exception {
        Files.writeString(dir.resolve("password"), dovecot.password());
        Path file = dir.resolve("talkfeed.yaml");
        Files.writeString(file, """
                store: data/talkfeed.db
                site: site
                mailboxes:
                  - name: list
                    timezone: America/Chicago
                    imap:
                      host: %s
                      port: %d
                      tls: none
                      user: %s
                      password-file: password
                      reconnect-min-seconds: 1
                      reconnect-max-seconds: 2
                """.formatted(dovecot.host(), dovecot.port(), dovecot.user()));
        return new ConfigLoader().load(file);
    }


    private static String feed(Config config) {
        return HistoryFeeds.read(config.site());
    }

    private static String state(TalkStore store) {
        return store.statuses().isEmpty() ? "" : store.statuses().get(0).state();
    }
}

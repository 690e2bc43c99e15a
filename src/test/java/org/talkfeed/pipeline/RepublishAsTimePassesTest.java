package org.talkfeed.pipeline;

import org.talkfeed.SetClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.TalkStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The running daemon republishes when the day changes in the list's zone, though no message came. */
class RepublishAsTimePassesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** How many times the daemon may read the clock after midnight without republishing before the test gives up. */
    private static final int CLOCK_READS_ALLOWED = 200;
    /** How many times the test looks at the index before it gives up, should the daemon not read the clock at all. */
    private static final int LOOKS_ALLOWED = 2000;

    @TempDir
    Path dir;

    @Test
    void aTalkMovesFromThisWeekToPastWhenTheWeekTurnsWithoutAnyMessage() throws Exception {
        Path maildir = dir.resolve("mail");
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        Files.write(maildir.resolve("new/1772400000.M1P1.host"),
                TestMail.announcement("<graph-minors@dept.example>", "Graph Minors", "Sunday, March 8, 2026"));
        Config config = new ConfigLoader().load(Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: talkfeed.db
                site: site
                poll-interval-seconds: 1
                mailboxes:
                  - name: local
                    maildir: mail
                    timezone: Europe/Berlin
                """));
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-08T23:30:00+01:00").toInstant());
        Path index = config.site().resolve("index.html");

        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = new Daemon(config, store,
                    new SitePublisher(config.site(), "test", Duration.ofHours(1), null, BERLIN.getId(), clock),
                    new RepublishSchedule(clock, BERLIN));
            Thread running = new Thread(daemon::runUntilStopped, "daemon under test");
            running.start();
            try {
                awaitWhileTheDaemonReadsTheClock(clock, () -> section(index, "Graph Minors").equals("this week"),
                        "the talk announced for today, a Sunday, listed in this week");
                assertThat(store.messages()).hasSize(1);

                clock.set(OffsetDateTime.parse("2026-03-09T00:00:10+01:00").toInstant());
                awaitWhileTheDaemonReadsTheClock(clock, () -> section(index, "Graph Minors").equals("past"),
                        "last week's talk listed as past on Monday");
                assertThat(store.messages()).as("no message came meanwhile").hasSize(1);
            } finally {
                daemon.stop();
                running.join();
            }
        }
    }

    /** Which section of the index lists the talk titled {@code title}: "this week", "past" or "" (none, or no index yet). */
    private static String section(Path index, String title) {
        try {
            if (!Files.exists(index)) {
                return "";
            }
            String html = Files.readString(index);
            int talk = html.indexOf(">" + title + "<");
            int past = html.indexOf("id=\"past\"");
            int thisWeek = html.indexOf("id=\"this-week\"");
            return talk < 0 ? "" : past >= 0 && talk > past ? "past" : thisWeek >= 0 && talk > thisWeek ? "this week" : "";
        } catch (java.io.IOException e) {
            return ""; // being replaced at this moment: read it at the next step
        }
    }

    /**
     * Waits until {@code condition}, for as long as the daemon reads the clock fewer than {@link #CLOCK_READS_ALLOWED} times
     * (it reads it every poll interval, a second here) and the test looked fewer than {@link #LOOKS_ALLOWED} times.
     */
    private static void awaitWhileTheDaemonReadsTheClock(SetClock clock, BooleanSupplier condition, String what)
            throws InterruptedException {
        for (int look = 0; !condition.getAsBoolean(); look++) {
            assertThat(clock.readsSinceSet()).as("clock reads while waiting for " + what).isLessThan(CLOCK_READS_ALLOWED);
            assertThat(look).as("looks at the index while waiting for " + what).isLessThan(LOOKS_ALLOWED);
            Thread.sleep(20);
        }
    }
}

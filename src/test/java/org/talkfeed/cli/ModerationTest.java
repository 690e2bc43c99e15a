package org.talkfeed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.SetClock;
import org.talkfeed.TestMail;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.pipeline.RepublishSchedule;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.Decision;
import org.talkfeed.store.HeldTalk;
import org.talkfeed.store.TalkStatus;
import org.talkfeed.store.TalkStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation on a real store and site: a doubtful talk waits, absent from every published file, until an admin approves
 * it (with corrections) or rejects it; an update to it leaves it waiting; a running daemon publishes an approval made by
 * another process on the same store.
 */
class ModerationTest {
    private static final String DATE = "Mon, 2 Mar 2026 09:00:00 -0600";
    /** How many times the daemon may read its clock before the test stops waiting for it. */
    private static final int CLOCK_READS_ALLOWED = 200;
    /** The files a subscriber or reader sees a talk in. */
    private static final List<String> PUBLISHED = List.of("calendar.ics", "index.html", "talks.json", "atom.xml");

    @TempDir
    Path dir;

    /** Labeled in full: published at once (confidence above the default threshold). */
    private static byte[] clear() {
        return TestMail.announcement("<graph-minors@dept.example>", "Graph Minors", "Thursday, March 5, 2026");
    }

    /** No title, a bare hour, a date as 3/5: low confidence, held. */
    private static byte[] doubtful() {
        return TestMail.plain("<tree-width@dept.example>", DATE, "Talk: Tree Width", "Speaker: Bo Lindqvist\nDate: 3/5\nTime: 4\n");
    }

    private Config config(String moderation) throws Exception {
        Path maildir = dir.resolve("mail");
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        return new ConfigLoader().load(Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: talkfeed.db
                site: site
                poll-interval-seconds: 1
                mailboxes:
                  - name: local
                    maildir: mail
                """ + moderation));
    }

    private void deliver(String name, byte[] message) throws IOException {
        Files.write(dir.resolve("mail/new/" + name), message);
    }

    private static Daemon daemon(Config config, TalkStore store) {
        return new Daemon(config, store, new SitePublisher(config.site(), "test", Duration.ofHours(1), null, "America/Chicago",
                java.time.Clock.fixed(Instant.parse("2026-03-02T15:10:00Z"), ZoneOffset.UTC)));
    }

    private String site(String file, Config config) {
        try {
            return Files.readString(config.site().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CliRun cli(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--config";
        all[args.length + 1] = dir.resolve("talkfeed.yaml").toString();
        return CliRun.of(all);
    }

    @Test
    void aDoubtfulTalkWaitsOutsideEveryPublishedFileUntilApprovedWithTheAdminsCorrections() throws Exception {
        Config config = config("    moderation: on\n");
        deliver("1.M1P1.host", clear());
        deliver("2.M2P1.host", doubtful());
        long held;
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).pollOnce(true);
            assertThat(store.talks()).extracting(t -> t.talk().title()).containsExactly("Graph Minors");
            List<HeldTalk> pending = store.heldTalks(TalkStatus.PENDING);
            assertThat(pending).singleElement().satisfies(h -> {
                assertThat(h.talk().talk().speakerNames()).isEqualTo("Bo Lindqvist");
                assertThat(h.reason()).matches("confidence 0\\.\\d\\d is under the threshold 0\\.80");
            });
            held = pending.get(0).talk().id();
        }
        for (String file : PUBLISHED) {
            assertThat(site(file, config)).as(file).contains("Graph Minors").doesNotContain("Lindqvist");
        }

        CliRun listed = cli("pending");
        assertThat(listed.exit()).isZero();
        assertThat(listed.out()).contains("1 pending talk:", "  " + held + "  ", "Bo Lindqvist", "held: confidence 0.",
                "warning: no title found");

        CliRun badDate = cli("approve", Long.toString(held), "--set", "title=Tree Width", "--set", "date=2026-02-30");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.err()).contains("date: \"2026-02-30\" is not a date");
        CliRun badZone = cli("approve", Long.toString(held), "--set", "timezone=Mars/Olympus_Mons");
        assertThat(badZone.exit()).isEqualTo(2);
        assertThat(badZone.err()).contains("timezone: \"Mars/Olympus_Mons\" is not a time zone");
        CliRun badField = cli("approve", Long.toString(held), "--set", "room=Hall 3");
        assertThat(badField.exit()).isEqualTo(2);
        assertThat(badField.err()).contains("unknown field \"room\"");

        CliRun approved = cli("approve", Long.toString(held), "--set", "title=Tree Width", "--set", "start=16:00",
                "--set", "timezone=America/Chicago", "--by", "grace");
        assertThat(approved.exit()).as(approved.err()).isZero();
        assertThat(approved.out()).contains("approved talk " + held + ": \"Tree Width\" by Bo Lindqvist, 2026-03-05 16:00 America/Chicago");
        assertThat(cli("approve", Long.toString(held)).exit()).as("approved once").isEqualTo(1);

        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).publish();
            assertThat(store.heldTalks(TalkStatus.PENDING)).isEmpty();
            assertThat(store.talks()).filteredOn(t -> t.id() == held).singleElement().satisfies(t -> {
                assertThat(t.talk().title()).isEqualTo("Tree Width");
                assertThat(t.talk().start()).isEqualTo(LocalTime.of(16, 0));
                assertThat(t.talk().timezone()).isEqualTo("America/Chicago");
            });
            assertThat(store.decisions(held)).extracting(Decision::kind).containsExactly(Decision.Kind.HELD, Decision.Kind.APPROVED);
            Decision approval = store.decisions(held).get(1);
            assertThat(approval.by()).isEqualTo("grace");
            assertThat(approval.corrections()).isEqualTo("title=Tree Width\nstart=16:00\ntimezone=America/Chicago");
        }
        for (String file : PUBLISHED) {
            assertThat(site(file, config)).as(file).contains("Lindqvist").contains("Tree Width");
        }
        assertThat(site("calendar.ics", config)).contains("DTSTART;TZID=America/Chicago:20260305T160000");
        String slug;
        try (TalkStore store = TalkStore.open(config.store())) {
            slug = store.talks().stream().filter(t -> t.id() == held).findFirst().orElseThrow().slug();
        }
        assertThat(org.jsoup.Jsoup.parse(site("talks/" + slug + ".html", config)).select("p.moderation").text())
                .as("the talk's page says it was held and approved, and what the admin corrected")
                .startsWith("Moderated: held for review").contains("approved by grace on ")
                .contains("corrected: title=Tree Width, start=16:00, timezone=America/Chicago");
    }

    @Test
    void aRejectedTalkIsNeverPublishedAndTheDecisionIsKept() throws Exception {
        Config config = config("    moderation: on\n");
        deliver("2.M2P1.host", doubtful());
        long held;
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).pollOnce(true);
            held = store.heldTalks(TalkStatus.PENDING).get(0).talk().id();
        }
        CliRun rejected = cli("reject", Long.toString(held), "--by", "grace");
        assertThat(rejected.exit()).as(rejected.err()).isZero();
        assertThat(cli("reject", Long.toString(held)).err()).contains("talk " + held + " is not pending: it is rejected");
        assertThat(cli("pending").out()).contains("no pending talks");
        assertThat(cli("pending", "--rejected").out()).contains("Bo Lindqvist");
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).publish();
            assertThat(store.talks()).isEmpty();
            assertThat(store.decisions(held)).extracting(Decision::kind).containsExactly(Decision.Kind.HELD, Decision.Kind.REJECTED);
        }
        for (String file : PUBLISHED) {
            assertThat(site(file, config)).as(file).doesNotContain("Lindqvist");
        }
    }

    @Test
    void anUpdateToAPendingTalkLeavesItPending() throws Exception {
        Config config = config("    moderation: on\n");
        deliver("2.M2P1.host", doubtful());
        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = daemon(config, store);
            daemon.pollOnce(true);
            deliver("3.M3P1.host", TestMail.plain("Talk Admin <admin@dept.example>", "<room@dept.example>", DATE,
                    "Room change: Tree Width", "Bo Lindqvist's talk on 3/5 moves to Hall 330.",
                    "Return-Path: <admin@dept.example>\nIn-Reply-To: <tree-width@dept.example>\n"));
            daemon.pollOnce(true);
            assertThat(store.heldTalks(TalkStatus.PENDING)).singleElement()
                    .satisfies(h -> assertThat(h.talk().talk().location()).isEqualTo("Hall 330"));
            assertThat(store.talks()).isEmpty();
        }
        assertThat(site("calendar.ics", config)).doesNotContain("Lindqvist");
    }

    @Test
    void aWarningNamedInHoldWarningsHoldsATalkWhateverItsConfidence() throws Exception {
        Config config = config("    moderation:\n      threshold: 0\n      hold-warnings: [zone assumed]\n");
        deliver("1.M1P1.host", clear());
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).pollOnce(true);
            assertThat(store.heldTalks(TalkStatus.PENDING)).singleElement()
                    .satisfies(h -> assertThat(h.reason()).startsWith("warning \"zone assumed from").endsWith("(hold-warnings: zone assumed)"));
        }
    }

    @Test
    void withoutModerationEveryTalkIsPublished() throws Exception {
        Config config = config("");
        deliver("2.M2P1.host", doubtful());
        try (TalkStore store = TalkStore.open(config.store())) {
            daemon(config, store).pollOnce(true);
            assertThat(store.talks()).hasSize(1);
            assertThat(store.heldTalks(TalkStatus.PENDING)).isEmpty();
        }
    }

    @Test
    void aRunningDaemonPublishesAnApprovalMadeByAnotherProcess() throws Exception {
        Config config = config("    moderation: on\n");
        deliver("2.M2P1.host", doubtful());
        SetClock clock = new SetClock(Instant.parse("2026-03-02T15:10:00Z"));
        try (TalkStore store = TalkStore.open(config.store())) {
            Daemon daemon = new Daemon(config, store, new SitePublisher(config.site(), "test", Duration.ofHours(1), null,
                    "America/Chicago", clock), new RepublishSchedule(clock, ZoneOffset.UTC));
            Thread running = new Thread(daemon::runUntilStopped, "daemon under test");
            running.start();
            try {
                awaitWhileTheDaemonReadsTheClock(clock, () -> !store.heldTalks(TalkStatus.PENDING).isEmpty(), "the talk held");
                long held = store.heldTalks(TalkStatus.PENDING).get(0).talk().id();
                assertThat(site("calendar.ics", config)).doesNotContain("Lindqvist");
                assertThat(cli("approve", Long.toString(held), "--set", "title=Tree Width").exit()).isZero();
                clock.set(clock.instant());
                awaitWhileTheDaemonReadsTheClock(clock, () -> site("calendar.ics", config).contains("Lindqvist"),
                        "the approved talk published");
            } finally {
                daemon.stop();
                running.join();
            }
        }
    }

    private static void awaitWhileTheDaemonReadsTheClock(SetClock clock, BooleanSupplier done, String what)
            throws InterruptedException {
        while (!done.getAsBoolean()) {
            if (clock.readsSinceSet() > CLOCK_READS_ALLOWED) {
                throw new AssertionError("the daemon read the clock " + CLOCK_READS_ALLOWED + " times without " + what);
            }
            Thread.sleep(20);
        }
    }
}

package org.talkfeed.digest;

import org.talkfeed.smtp.SmtpSender;
import org.talkfeed.SetClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.config.Config;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.pipeline.RepublishSchedule;
import org.talkfeed.store.TalkStore;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The digest sent to a real SMTP server (GreenMail, in-process, plain on loopback), and by `run` once a week. */
class DigestSendTest {
    /** How many times the daemon may read the clock after it was set before the test gives up waiting. */
    private static final int CLOCK_READS_ALLOWED = 200;

    @TempDir
    Path dir;
    /** A real SMTP server, in-process, plain on loopback: a fresh one for each test. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private String digestConfig(String extra) {
        return "digest:\n  to: theory-list@dept.example\n  from: Theory talks <talks@dept.example>\n  weekday: MONDAY\n  hour: 8\n"
                + extra + "smtp:\n  host: 127.0.0.1\n  port: " + smtp.getSmtp().getPort() + "\n  tls: none\n";
    }

    @Test
    void runSendsTheDigestOnceAWeekAtTheHourAcrossRestartsAndNothingForAnEmptyWeek() throws Exception {
        Config config = DigestFixture.config(dir, digestConfig(""));
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-02T07:30:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            SmtpSender sender = new SmtpSender(config.digest().smtp(), name -> null);
            DigestSchedule schedule = new DigestSchedule(config.digest().weekday(), config.digest().hour(), DigestFixture.BERLIN);

            Running first = start(config, store, clock, sender, schedule);
            first.awaitTicks(clock, 1);
            assertThat(smtp.getReceivedMessages()).as("half an hour before the hour").isEmpty();
            assertThat(store.digest("2026-W10")).isEmpty();

            clock.set(OffsetDateTime.parse("2026-03-02T08:00:05+01:00").toInstant());
            awaitWhileTheDaemonReadsTheClock(clock, () -> smtp.getReceivedMessages().length > 0, "the digest sent at 8:00");
            first.stop();
            MimeMessage sent = smtp.getReceivedMessages()[0];
            String messageId = sent.getMessageID();
            assertThat(sent.getSubject()).isEqualTo("Talks this week: 2–8 Mar 2026 (2 talks)");
            assertThat(Arrays.stream(sent.getAllRecipients()).map(Object::toString)).containsExactly("theory-list@dept.example");
            assertThat(store.digest("2026-W10")).hasValueSatisfying(d -> {
                assertThat(d.sentAt()).isNotNull();
                assertThat(d.messageId()).isEqualTo(messageId);
                assertThat(d.talks()).isEqualTo(2);
            });
            assertThat(config.site().resolve("digest/2026-W10.html")).exists();

            clock.set(OffsetDateTime.parse("2026-03-02T09:30:00+01:00").toInstant());
            Running second = start(config, store, clock, sender, schedule);
            second.awaitTicks(clock, 1);
            clock.set(OffsetDateTime.parse("2026-03-02T10:00:05+01:00").toInstant());
            second.awaitTicks(clock, 2);
            assertThat(smtp.getReceivedMessages()).as("restarted, and an hour later").hasSize(1);

            clock.set(OffsetDateTime.parse("2026-03-09T08:00:05+01:00").toInstant());
            awaitWhileTheDaemonReadsTheClock(clock, () -> smtp.getReceivedMessages().length > 1, "the next week's digest");
            assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("Talks this week: 9–15 Mar 2026 (1 talk)");

            clock.set(OffsetDateTime.parse("2026-03-16T08:00:05+01:00").toInstant());
            awaitWhileTheDaemonReadsTheClock(clock, () -> store.digest("2026-W12").isPresent(), "the empty week settled");
            second.stop();
            assertThat(store.digest("2026-W12")).hasValueSatisfying(d -> assertThat(d.skipped()).isTrue());
            assertThat(smtp.getReceivedMessages()).as("week 12 has no talks").hasSize(2);
        }
    }

    @Test
    void aWeekWithoutTalksSendsNothing() throws Exception {
        Config config = DigestFixture.config(dir, digestConfig(""));
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-16T09:00:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            WeeklyDigest digest = DigestFixture.digest(config, store, clock, new SmtpSender(config.digest().smtp(), name -> null));
            digest.tick(new DigestSchedule(config.digest().weekday(), config.digest().hour(), DigestFixture.BERLIN));
            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(store.digest("2026-W12")).hasValueSatisfying(d -> assertThat(d.skipped()).isTrue());
        }
    }

    @Test
    void aWeekWithoutTalksIsSentWhenConfigured() throws Exception {
        Config config = DigestFixture.config(dir, digestConfig("  send-empty: true\n"));
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-16T09:00:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            WeeklyDigest digest = DigestFixture.digest(config, store, clock, new SmtpSender(config.digest().smtp(), name -> null));
            digest.tick(new DigestSchedule(config.digest().weekday(), config.digest().hour(), DigestFixture.BERLIN));
            assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getSubject)
                    .containsExactly("Talks this week: 16–22 Mar 2026 (no talks)");
        }
    }

    @Test
    void aClaimLeftUnsentByACrashIsSentAgainWithTheSameMessageId() throws Exception {
        Config config = DigestFixture.config(dir, digestConfig(""));
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-02T08:30:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            store.claimDigest("2026-W10", "<digest.2026-W10.claimed@dept.example>", 2);
            WeeklyDigest digest = DigestFixture.digest(config, store, clock, new SmtpSender(config.digest().smtp(), name -> null));
            DigestSchedule schedule = new DigestSchedule(config.digest().weekday(), config.digest().hour(), DigestFixture.BERLIN);
            digest.tick(schedule);
            digest.tick(schedule);
            assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID)
                    .containsExactly("<digest.2026-W10.claimed@dept.example>");
        }
    }

    @Test
    void aLoginTakesThePasswordFromTheEnvironmentOnly() throws Exception {
        smtp.setUser("talks@dept.example", "talks", "s3cret-Pa55");
        Config config = DigestFixture.config(dir, digestConfig("") + "  user: talks\n");
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-02T08:30:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            WeeklyDigest without = DigestFixture.digest(config, store, clock, new SmtpSender(config.digest().smtp(), name -> null));
            assertThatThrownBy(() -> without.sendTo(DigestFixture.WEEK, "me@dept.example"))
                    .isInstanceOf(MessagingException.class).hasMessageContaining("TALKFEED_SMTP_PASSWORD");
            WeeklyDigest with = DigestFixture.digest(config, store, clock, new SmtpSender(config.digest().smtp(),
                    name -> name.equals("TALKFEED_SMTP_PASSWORD") ? "s3cret-Pa55" : null));
            with.sendTo(DigestFixture.WEEK, "me@dept.example");
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(store.digest("2026-W10")).as("a trial is not recorded").isEmpty();
        }
    }

    /** A daemon running on its own thread, and how many digest ticks it has finished. */
    private record Running(Daemon daemon, Thread thread, AtomicInteger ticks) {
        void awaitTicks(SetClock clock, int count) throws InterruptedException {
            awaitWhileTheDaemonReadsTheClock(clock, () -> ticks.get() >= count, count + " digest ticks");
        }

        void stop() throws InterruptedException {
            daemon.stop();
            thread.join();
        }
    }

    private static Running start(Config config, TalkStore store, SetClock clock, SmtpSender sender,
                                 DigestSchedule schedule) {
        Daemon daemon = new Daemon(config, store, DigestFixture.publisher(config, clock),
                new RepublishSchedule(clock, DigestFixture.BERLIN));
        WeeklyDigest digest = DigestFixture.digest(config, store, clock, sender);
        AtomicInteger ticks = new AtomicInteger();
        daemon.everyTick(() -> {
            digest.tick(schedule);
            ticks.incrementAndGet();
        });
        Thread thread = new Thread(daemon::runUntilStopped, "daemon under test");
        thread.start();
        return new Running(daemon, thread, ticks);
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

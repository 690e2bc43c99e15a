package org.talkfeed.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkfeed.config.Config;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.smtp.SmtpSender;
import org.talkfeed.receipt.ReceiptClaims;
import org.talkfeed.receipt.ReceiptMailer;
import org.talkfeed.publish.PublishReport;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.StoreException;
import org.talkfeed.store.TalkStore;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon: one watcher per configured mailbox, each on its own thread (IMAP with IDLE or polling,
 * Maildir polling), all recording into one store; the site is republished whenever talks changed, and on a thread of
 * its own as time passes ({@link RepublishSchedule}). A thread that cannot go on (the store cannot be written, an Error)
 * stops them all, so the daemon is never left half alive.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger("talkfeed");
    /** The longest the republishing thread sleeps before it reads the clock again (which may have been set meanwhile). */
    private static final Duration LONGEST_SLEEP = Duration.ofMinutes(1);

    private final Config config;
    private final TalkStore store;
    private final SitePublisher publisher;
    private final RepublishSchedule schedule;
    private final StopSignal republishStop = new StopSignal();
    /** Sends the receipts claimed as messages are recorded; null when no mailbox sends receipts. */
    private final ReceiptMailer receipts;
    private final StopSignal receiptsStop = new StopSignal();
    private final List<MailboxWatcher> watchers = new ArrayList<>();
    private final Intake intake;
    private volatile PollSummary summary = new PollSummary();
    private volatile boolean stopping;
    /** What the republishing thread also does when it starts and at each of its ticks (the weekly digest); none by default. */
    private volatile Runnable everyTick = () -> { };
    /** The last approval or rejection published ({@link TalkStore#lastModerationDecision()}). */
    private volatile long moderationPublished;
    /** Why a watcher could not go on: the first such reason, which stopped the daemon. */
    private final AtomicReference<String> failure = new AtomicReference<>();

    /** A daemon that republishes as time passes at every full hour and at midnight UTC. */
    public Daemon(Config config, TalkStore store, SitePublisher publisher) {
        this(config, store, publisher, new RepublishSchedule(Clock.systemUTC(), ZoneOffset.UTC));
    }

    /** @param schedule when to republish though no message came: its clock and zone should be the publisher's */
    public Daemon(Config config, TalkStore store, SitePublisher publisher, RepublishSchedule schedule) {
        this.config = config;
        this.store = store;
        this.publisher = publisher;
        this.schedule = schedule;
        this.intake = new Intake() {
            @Override
            public boolean accept(ProcessResult result) {
                summary.add(result);
                if (!result.alreadySeen()) {
                    LOG.info(result.logLine());
                }
                return !result.changes().isEmpty();
            }

            @Override
            public void mailboxFailed() {
                summary.mailboxFailed();
            }

            @Override
            public void changed() {
                receiptsStop.wake();
                publish();
            }
        };
        boolean sendsReceipts = config.mailboxes().stream().anyMatch(m -> m.receipts().on());
        this.receipts = sendsReceipts ? new ReceiptMailer(store, new SmtpSender(config.digest().smtp(), System::getenv),
                schedule.clock()) : null;
        MessageProcessor processor = new MessageProcessor(store,
                sendsReceipts ? new ReceiptClaims(schedule.clock()) : ReceiptClaims.NONE);
        for (MailboxConfig mailbox : config.mailboxes()) {
            watchers.add(mailbox.maildir() != null
                    ? new MaildirWatcher(mailbox, processor, store, config.pollInterval(), intake)
                    : new ImapWatcher(mailbox, processor, store, config.pollInterval(), intake));
        }
    }

    /** Checks every mailbox once; publishes when something changed (or when {@code forcePublish}). */
    public PollSummary pollOnce(boolean forcePublish) {
        summary = new PollSummary();
        for (MailboxWatcher watcher : watchers) {
            if (!stopping) {
                watcher.checkOnce();
            }
        }
        if (forcePublish && !summary.changedTalks()) {
            publish();
        }
        if (receipts != null && !stopping) {
            receipts.sendDue();
        }
        return summary;
    }

    public synchronized PublishReport publish() {
        try {
            PublishReport report = publisher.publish(store);
            LOG.info(report.describe(config.site()));
            return report;
        } catch (IOException e) {
            LOG.error("cannot publish to {}: {}", config.site(), e.getMessage());
            return null;
        }
    }

    /** Runs {@code task} on the republishing thread when it starts and after each republish as time passes (hourly). */
    public void everyTick(Runnable task) {
        this.everyTick = task;
    }

    /**
     * Watches every mailbox until {@link #stop()}; the message in progress is finished and committed first. Returns why
     * the daemon stopped of itself, when a watcher could not go on (the others were stopped then); empty after
     * {@link #stop()}.
     */
    public Optional<String> runUntilStopped() {
        moderationPublished = store.lastModerationDecision();
        publish();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < watchers.size(); i++) {
            MailboxWatcher watcher = watchers.get(i);
            String name = config.mailboxes().get(i).name();
            threads.add(new Thread(() -> runOrStopAll(watcher::watch, "mailbox " + name), "mailbox " + name));
        }
        threads.add(new Thread(() -> runOrStopAll(this::republishAsTimePasses, "republishing"), "republishing"));
        if (receipts != null) {
            threads.add(new Thread(() -> runOrStopAll(this::sendReceipts, "receipts"), "receipts"));
        }
        for (Thread thread : threads) {
            if (!stopping) {
                thread.start();
            }
        }
        for (Thread thread : threads) {
            try {
                if (thread.isAlive()) {
                    thread.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                return Optional.empty();
            }
        }
        return Optional.ofNullable(failure.get());
    }

    /**
     * Republishes whenever the schedule says, until stopped. The clock is read at least every minute, so that a republish
     * is at most that late even when the machine slept or its clock was set; set back, the next republish is found anew.
     */
    private void republishAsTimePasses() {
        RepublishSchedule.Due due = schedule.next();
        everyTick.run();
        while (!republishStop.stopped()) {
            publishModerationDecisions();
            Instant now = schedule.clock().instant();
            if (Duration.between(now, due.at()).compareTo(Duration.ofHours(1)) > 0) {
                due = schedule.nextAfter(now);
            }
            if (now.isBefore(due.at())) {
                Duration wait = Duration.between(now, due.at());
                republishStop.sleep(wait.compareTo(recheck()) < 0 ? wait : recheck());
                continue;
            }
            LOG.info("republishing: {} in {}", due.newDay() ? "a new day" : "a new hour", schedule.zone());
            publish();
            everyTick.run();
            due = schedule.nextAfter(now);
        }
    }

    /**
     * Publishes when a talk was approved or rejected since the last look, by this process or another on the same store
     * (`talkfeed approve`): the store counts decisions, so one read says whether there is any.
     */
    private void publishModerationDecisions() {
        long last = store.lastModerationDecision();
        if (last != moderationPublished) {
            moderationPublished = last;
            LOG.info("republishing: a talk was approved or rejected");
            publish();
        }
    }

    /**
     * Sends the receipts claimed, when messages changed talks and at every recheck (for those whose send failed and is
     * due again), until stopped.
     */
    private void sendReceipts() {
        while (!receiptsStop.stopped()) {
            receipts.sendDue();
            receiptsStop.sleep(recheck());
        }
    }

    /** How long the republishing thread sleeps at most: a minute, or the poll interval when that is shorter. */
    private Duration recheck() {
        return config.pollInterval().compareTo(LONGEST_SLEEP) < 0 ? config.pollInterval() : LONGEST_SLEEP;
    }

    private void runOrStopAll(Runnable work, String what) {
        try {
            work.run();
        } catch (Throwable e) { // an Error too: a thread that ends without a word would leave the daemon half alive
            String reason = e instanceof StoreException ? e.getMessage()
                    : what + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (e instanceof StoreException) {
                LOG.error("{}: {}; stopping", what, reason);
            } else {
                LOG.error("{}; stopping", reason, e);
            }
            failure.compareAndSet(null, reason);
            stop();
        }
    }

    public void stop() {
        stopping = true;
        watchers.forEach(MailboxWatcher::stop);
        republishStop.stop();
        receiptsStop.stop();
    }
}

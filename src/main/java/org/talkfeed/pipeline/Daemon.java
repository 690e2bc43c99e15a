package org.talkfeed.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkfeed.config.Config;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.publish.PublishReport;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.TalkStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The daemon's loop: check every mailbox, process what is new, republish when a talk changed, wait
 * for the poll interval, again until stopped. A failing mailbox is logged and retried at the next poll.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger("talkfeed");

    private final Config config;
    private final TalkStore store;
    private final MessageProcessor processor;
    private final SitePublisher publisher;
    private final AtomicBoolean stopping = new AtomicBoolean();

    public Daemon(Config config, TalkStore store, SitePublisher publisher) {
        this.config = config;
        this.store = store;
        this.processor = new MessageProcessor(store);
        this.publisher = publisher;
    }

    /** Checks every mailbox once, publishing when something changed (or when {@code forcePublish}). */
    public PollSummary pollOnce(boolean forcePublish) {
        PollSummary summary = new PollSummary();
        for (MailboxConfig mailbox : config.mailboxes()) {
            if (stopping.get()) {
                break;
            }
            try (Stream<RawMessage> messages = Mailboxes.open(mailbox).messages()) {
                Iterator<RawMessage> it = messages.iterator();
                while (it.hasNext() && !stopping.get()) {
                    ProcessResult result = processor.process(it.next(), mailbox);
                    summary.add(result);
                    if (!result.alreadySeen()) {
                        LOG.info(result.logLine());
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                summary.mailboxFailed();
                LOG.warn("mailbox {}: {} (will retry at the next poll)", mailbox.name(), e.getMessage());
            }
        }
        if (summary.changedTalks() || forcePublish) {
            publish();
        }
        return summary;
    }

    public PublishReport publish() {
        try {
            PublishReport report = publisher.publish(store.talks());
            LOG.info("published {} talks to {} ({} files written, {} unchanged, {} removed)", report.talks(), config.site(),
                    report.written(), report.unchanged(), report.removed());
            return report;
        } catch (IOException e) {
            LOG.error("cannot publish to {}: {}", config.site(), e.getMessage());
            return null;
        }
    }

    /** Polls until {@link #stop()}; the message in progress is finished and committed first. */
    public void runUntilStopped() {
        pollOnce(true);
        while (!stopping.get()) {
            synchronized (stopping) {
                try {
                    stopping.wait(TimeUnit.MILLISECONDS.convert(config.pollInterval()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!stopping.get()) {
                pollOnce(false);
            }
        }
    }

    public void stop() {
        stopping.set(true);
        synchronized (stopping) {
            stopping.notifyAll();
        }
    }
}

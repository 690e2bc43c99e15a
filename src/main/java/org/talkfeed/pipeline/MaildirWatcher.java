package org.talkfeed.pipeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.mail.MaildirFolder;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.store.TalkStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A local Maildir folder, read every poll interval: the files delivered since the last poll (by unique name, so a
 * reader's renaming does not count); after a restart, messages already recorded are recognised by Message-ID.
 */
final class MaildirWatcher implements MailboxWatcher {
    private static final Logger LOG = LoggerFactory.getLogger("talkfeed");

    private final MailboxConfig mailbox;
    private final MessageProcessor processor;
    private final TalkStore store;
    private final Duration pollInterval;
    private final Intake intake;
    private final StopSignal stop = new StopSignal();
    /** The unique names of the files processed so far, so that a poll reads only what was delivered since. */
    private final Set<String> handled = new HashSet<>();

    MaildirWatcher(MailboxConfig mailbox, MessageProcessor processor, TalkStore store, Duration pollInterval, Intake intake) {
        this.mailbox = mailbox;
        this.processor = processor;
        this.store = store;
        this.pollInterval = pollInterval;
        this.intake = intake;
    }

    @Override
    public boolean checkOnce() {
        boolean changed = false;
        try (Stream<RawMessage> messages = new MaildirFolder(mailbox.maildir()).messagesExcept(handled)) {
            Iterator<RawMessage> it = messages.iterator();
            while (it.hasNext() && !stop.stopped()) {
                RawMessage raw = it.next();
                String name = MaildirFolder.uniqueName(Path.of(raw.origin()));
                changed |= intake.accept(raw.readable() ? processor.process(raw, mailbox)
                        : processor.recordUnreadable(raw.origin(), "maildir:" + mailbox.name() + "/" + name, mailbox,
                        raw.unreadable(), null));
                handled.add(name);
            }
            store.saveStatus(mailbox.name(), "polling", null, true);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("mailbox {}: {} (will retry at the next poll)", mailbox.name(), e.getMessage());
            store.saveStatus(mailbox.name(), "failing", e.getMessage(), false);
            intake.mailboxFailed();
            return false;
        } finally {
            if (changed) {
                intake.changed();
            }
        }
        return true;
    }

    @Override
    public void watch() {
        while (!stop.stopped()) {
            checkOnce();
            stop.sleep(pollInterval);
        }
        store.saveStatus(mailbox.name(), "stopped", null, false);
    }

    @Override
    public void stop() {
        stop.stop();
    }
}

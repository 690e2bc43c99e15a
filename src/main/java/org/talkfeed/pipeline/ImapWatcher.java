package org.talkfeed.pipeline;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkfeed.mail.ImapConfig;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.mail.ImapConnection;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.store.StoreException;
import org.talkfeed.store.TalkStore;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An IMAP mailbox: reads the messages after the checkpoint in UID order, each committed with its
 * checkpoint, then waits in IDLE (or polls); reconnects with backoff after a failure of the connection, slowly
 * after a refused login. A changed UIDVALIDITY means reading the folder again from its start; messages already
 * recorded are then recognised by Message-ID.
 */
final class ImapWatcher implements MailboxWatcher {
    private static final Logger LOG = LoggerFactory.getLogger("talkfeed");
    private static final Duration LONGEST_IDLE = Duration.ofMinutes(9);
    /** A message whose fetch fails this many times on a healthy connection is recorded as failed and passed. */
    private static final int FETCH_ATTEMPTS = 3;

    private final MailboxConfig mailbox;
    private final ImapConfig imap;
    private final String source;
    private final MessageProcessor processor;
    private final TalkStore store;
    private final Duration pollInterval;
    private final Intake intake;
    private final Backoff backoff;
    private final StopSignal stop = new StopSignal();
    private volatile ImapConnection connection;
    /** Whether the open connection waits with IDLE (configured, and offered by the server). */
    private boolean waitsWithIdle;
    private long failingUid;
    private int fetchFailures;

    ImapWatcher(MailboxConfig mailbox, MessageProcessor processor, TalkStore store, Duration pollInterval, Intake intake) {
        this.mailbox = mailbox;
        this.imap = mailbox.imap();
        this.source = "imap:" + mailbox.name();
        this.processor = processor;
        this.store = store;
        this.pollInterval = pollInterval;
        this.intake = intake;
        this.backoff = new Backoff(imap.reconnectMin(), imap.reconnectMax());
    }

    @Override
    public boolean checkOnce() {
        try {
            connect();
            readNew();
            return true;
        } catch (MessagingException | IOException e) {
            failed(e);
            intake.mailboxFailed();
            return false;
        } finally {
            disconnect();
        }
    }

    @Override
    public void watch() {
        while (!stop.stopped()) {
            Duration wait;
            try {
                connect();
                backoff.reset();
                LOG.info("mailbox {}: connected to {}; {}", mailbox.name(), imap,
                        waitsWithIdle ? "waiting for new mail with IDLE" : "checking every " + pollInterval.toSeconds() + " s");
                while (!stop.stopped()) {
                    readNew();
                    if (stop.stopped()) {
                        break;
                    }
                    if (waitsWithIdle) {
                        connection.idle(idleLimit());
                    } else {
                        stop.sleep(pollInterval);
                        if (!connection.isOpen()) {
                            throw new IOException("the connection was closed while waiting");
                        }
                    }
                }
                break;
            } catch (MessagingException | IOException e) {
                if (stop.stopped()) {
                    break;
                }
                wait = failed(e);
            } finally {
                disconnect();
            }
            stop.sleep(wait);
        }
        status("stopped", null, false);
    }

    @Override
    public void stop() {
        stop.stop();
        ImapConnection open = connection;
        if (open != null) {
            Thread waker = new Thread(open::wakeUp, "stop " + mailbox.name());
            waker.setDaemon(true);
            waker.start();
        }
    }

    private void connect() throws MessagingException {
        status("connecting", null, false);
        connection = ImapConnection.open(imap);
        waitsWithIdle = imap.idle() && connection.offersIdle();
        markLastRecorded();
    }

    private void disconnect() {
        ImapConnection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }

    /** Processes every message after the checkpoint, oldest first. */
    private void readNew() throws MessagingException, IOException {
        long validity = connection.uidValidity();
        long last = store.checkpoint(source).map(c -> {
            if (c.uidValidity() == validity) {
                return c.position();
            }
            LOG.warn("mailbox {}: UIDVALIDITY changed from {} to {}: reading the folder again from its start; "
                    + "messages already recorded are recognised by Message-ID", mailbox.name(), c.uidValidity(), validity);
            return 0L;
        }).orElse(0L);
        boolean changed = false;
        try {
            for (List<Long> uids = connection.uidsAfter(last); !uids.isEmpty() && !stop.stopped(); uids = connection.uidsAfter(last)) {
                for (long uid : uids) {
                    if (stop.stopped()) {
                        return;
                    }
                    changed |= readOne(new Checkpoint(source, validity, uid));
                    last = uid;
                }
            }
        } finally {
            if (changed) {
                intake.changed();
            }
        }
        status(waitsWithIdle ? "idle" : "polling", null, true);
    }

    /**
     * Flags or moves, as configured, the last message recorded, if it is not yet: a crash or a dropped connection between
     * its commit and its marking leaves it so. Earlier messages are left as they are, as a person may have changed them.
     * Failing to mark is reported, not fatal.
     */
    private void markLastRecorded() {
        if (imap.afterProcessing() == ImapConfig.AfterProcessing.KEEP) {
            return;
        }
        try {
            long validity = connection.uidValidity();
            Optional<Checkpoint> last = store.checkpoint(source).filter(c -> c.uidValidity() == validity && c.position() > 0);
            if (last.isPresent() && connection.markIfUnmarked(last.get().position())) {
                LOG.info("mailbox {}: marked ({}) message {}, recorded when the last connection ended", mailbox.name(),
                        imap.afterProcessing().name().toLowerCase(java.util.Locale.ROOT), last.get().position());
            }
        } catch (MessagingException e) {
            LOG.warn("mailbox {}: cannot mark ({}) the last message recorded: {}", mailbox.name(),
                    imap.afterProcessing().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
        }
    }

    /**
     * Fetches, reads and records one message. A fetch that fails, whatever the failure (a message too large for the
     * memory too), is tried again after reconnecting; after {@link #FETCH_ATTEMPTS} on a healthy connection the message
     * is recorded as failed.
     */
    private boolean readOne(Checkpoint checkpoint) throws MessagingException, IOException {
        long uid = checkpoint.position();
        String key = source + "/" + checkpoint.uidValidity() + "/" + uid;
        RawMessage raw;
        try {
            raw = connection.fetch(checkpoint);
        } catch (MessagingException | IOException e) {
            if (triesAgain(uid)) {
                throw e;
            }
            return recordUnfetched(checkpoint, key, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            String problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            if (triesAgain(uid)) {
                throw new IOException("fetching message " + uid + " failed: " + problem, e);
            }
            return recordUnfetched(checkpoint, key, problem);
        }
        if (raw == null) {
            store.advance(checkpoint);
            return false;
        }
        boolean changed = intake.accept(raw.readable() ? processor.process(raw, mailbox)
                : processor.recordUnreadable(raw.origin(), key, mailbox, raw.unreadable(), checkpoint));
        if (imap.afterProcessing() != ImapConfig.AfterProcessing.KEEP) {
            try {
                connection.afterProcessing(uid);
            } catch (MessagingException e) {
                LOG.warn("mailbox {}: message {} is recorded, but marking it ({}) failed: {}", mailbox.name(), uid,
                        imap.afterProcessing().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
            }
        }
        return changed;
    }

    /** Whether a failed fetch of the message is tried again, after reconnecting, rather than the message recorded as failed. */
    private boolean triesAgain(long uid) {
        return !connection.isOpen() || countFetchFailure(uid) < FETCH_ATTEMPTS;
    }

    private boolean recordUnfetched(Checkpoint checkpoint, String key, String problem) {
        return intake.accept(processor.recordUnreadable(ImapConnection.origin(imap, checkpoint.position()), key, mailbox,
                "the server could not give the message: " + problem, checkpoint));
    }

    private int countFetchFailure(long uid) {
        if (uid != failingUid) {
            failingUid = uid;
            fetchFailures = 0;
        }
        return ++fetchFailures;
    }

    /** Logs and records a failure; returns how long to wait before trying again. */
    private Duration failed(Exception e) {
        String state;
        String what;
        boolean refused = true; // refused logins and certificates are retried slowly, anything else with the backoff
        if (e instanceof AuthenticationFailedException || e instanceof ImapConnection.MissingPasswordException) {
            state = "login refused";
            what = "login refused for " + imap.user() + " at " + imap.host() + ": " + e.getMessage()
                    + " (check password-env / password-file)";
        } else if (e instanceof ImapConnection.CertificateRefusedException) {
            state = "TLS refused";
            what = "TLS with " + imap.host() + ":" + imap.port() + " failed before the login: " + e.getMessage();
        } else {
            state = "reconnecting";
            what = describe(e);
            refused = false;
        }
        Duration wait = refused ? imap.authRetry() : backoff.next();
        LOG.warn("mailbox {}: {}; trying again in {} s", mailbox.name(), what, Math.max(1, wait.toSeconds()));
        status(state, what, false);
        return wait;
    }

    private String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += " (" + cause.getMessage() + ")";
        }
        return "cannot read " + imap + ": " + message;
    }

    /** Status is for people watching; failing to keep it must not stop the mailbox. */
    private void status(String state, String detail, boolean checked) {
        try {
            store.saveStatus(mailbox.name(), state, detail, checked);
        } catch (StoreException e) {
            LOG.error("mailbox {}: cannot keep its status: {}", mailbox.name(), e.getMessage());
        }
    }

    private Duration idleLimit() {
        Duration half = imap.timeout().dividedBy(2);
        return half.compareTo(LONGEST_IDLE) < 0 ? half : LONGEST_IDLE;
    }
}

package org.talkfeed.pipeline;

import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.Extractor;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkChange;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Announcement;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One message through the flow: read, check the sender, extract, record. A message already in the store
 * (same Message-ID, or same bytes when it has none) is skipped; a broken one is recorded as failed, and
 * one from a sender the mailbox does not accept as ignored, each with the reason.
 * <p>
 * The first half, {@link #read}, needs no store and may run on any thread, so an import can read and extract
 * ahead on several cores; the second, {@link #record}, takes messages one at a time in their order.
 */
public final class MessageProcessor {
    private final TalkStore store;
    private final MessageReader reader = new MessageReader();
    private final Extractor extractor = new Extractor();

    public MessageProcessor(TalkStore store) {
        this.store = store;
    }

    /**
     * A message read and understood, not yet recorded.
     *
     * @param text null when the bytes are no readable email
     * @param refusal why the message is failed or ignored; null when it is to be recorded as its announcement says
     * @param announcement what extraction found; null when the message was refused or is recorded already
     */
    public record Reading(RawMessage raw, MailboxConfig mailbox, String key, MessageText text, Outcome refused,
                          String refusal, Announcement announcement) {
    }

    /**
     * Reads, checks, extracts and records one message that came through {@code mailbox}; the message's
     * checkpoint, if it has one, is committed with it. A message already recorded is not extracted again.
     */
    public ProcessResult process(RawMessage raw, MailboxConfig mailbox) {
        return record(read(raw, mailbox, store::seen));
    }

    /** Reads, checks the sender of, and extracts one message, without the store. Safe to call from several threads. */
    public Reading read(RawMessage raw, MailboxConfig mailbox) {
        return read(raw, mailbox, key -> false);
    }

    /** As {@link #read(RawMessage, MailboxConfig)}, leaving out the extraction of a message {@code known} says is recorded. */
    private Reading read(RawMessage raw, MailboxConfig mailbox, Predicate<String> known) {
        MessageText text;
        try {
            text = reader.read(raw.bytes());
        } catch (UnreadableMessageException e) {
            return new Reading(raw, mailbox, contentKey(raw.bytes()), null, Outcome.FAILED, e.getMessage(), null);
        }
        String key = text.messageId() != null && !text.messageId().isBlank() ? text.messageId() : contentKey(raw.bytes());
        String refusal = mailbox.senders().refusal(text.fromAddress(), text.listId());
        if (refusal != null) {
            return new Reading(raw, mailbox, key, text, Outcome.IGNORED, refusal, null);
        }
        return new Reading(raw, mailbox, key, text, null, null, known.test(key) ? null : extractor.extract(text, mailbox.defaults()));
    }

    /** Records what {@link #read} made of a message, with its checkpoint. Messages are recorded one at a time, in order. */
    public synchronized ProcessResult record(Reading reading) {
        RawMessage raw = reading.raw();
        MailboxConfig mailbox = reading.mailbox();
        MessageText text = reading.text();
        if (reading.refused() == Outcome.FAILED) {
            return record(raw, mailbox, reading.key(), text, Outcome.FAILED, reading.refusal(), "failed: " + reading.refusal());
        }
        if (reading.refused() == Outcome.IGNORED) {
            return record(raw, mailbox, reading.key(), text, Outcome.IGNORED, reading.refusal(),
                    "ignored: " + reading.refusal() + " (subject \"" + text.subject() + "\")");
        }
        String key = reading.key();
        if (store.seen(key)) {
            store.advance(raw.checkpoint());
            return new ProcessResult(raw.origin(), null, true, List.of(), "already seen (" + key + ")");
        }
        Announcement announcement = reading.announcement();
        if (!announcement.isTalk()) {
            return record(raw, mailbox, key, text, Outcome.NOT_TALK, announcement.reason(),
                    "not a talk: " + announcement.reason() + " (subject \"" + text.subject() + "\")");
        }
        Outcome outcome = Outcome.valueOf(announcement.kind().name());
        List<TalkChange> changes = store.recordTalks(messageRecord(key, mailbox, raw, text, outcome, null), announcement.change(),
                announcement.talks(), raw.checkpoint());
        return new ProcessResult(raw.origin(), outcome, false, changes, outcome.label() + ": " + describe(changes));
    }

    /** Records a message whose bytes could not be had at all (its source refused them) as failed, with its checkpoint. */
    public synchronized ProcessResult recordUnreadable(String origin, String key, MailboxConfig mailbox, String reason,
                                                       Checkpoint checkpoint) {
        return record(new RawMessage(origin, new byte[0], checkpoint), mailbox, key, null, Outcome.FAILED, reason,
                "failed: " + reason);
    }

    /** Records a message that yields no talk, unless it is already known. */
    private ProcessResult record(RawMessage raw, MailboxConfig mailbox, String key, MessageText text, Outcome outcome,
                                 String reason, String summary) {
        if (store.seen(key)) {
            store.advance(raw.checkpoint());
            return new ProcessResult(raw.origin(), outcome, true, List.of(), "already seen (" + key + ")");
        }
        store.recordMessage(messageRecord(key, mailbox, raw, text, outcome, reason), raw.checkpoint());
        return new ProcessResult(raw.origin(), outcome, false, List.of(), summary, reason);
    }

    private static MessageRecord messageRecord(String key, MailboxConfig mailbox, RawMessage raw, MessageText text,
                                               Outcome outcome, String reason) {
        if (text == null) {
            return new MessageRecord(key, mailbox.name(), raw.origin(), null, null, null, outcome, reason);
        }
        String sender = text.fromAddress() != null ? text.fromAddress() : text.fromName();
        return new MessageRecord(key, mailbox.name(), raw.origin(), text.subject(), sender, text.date(), outcome, reason);
    }

    private static String describe(List<TalkChange> changes) {
        return changes.stream()
                .map(c -> (c.created() ? "new talk " : "updates talk ") + c.talk().talk().describe()
                        + (c.talk().cancelled() ? " [cancelled]" : "")
                        + (c.talk().talk().warnings().isEmpty() ? "" : " (warnings: " + String.join("; ", c.talk().talk().warnings()) + ")"))
                .collect(Collectors.joining(" | "));
    }

    private static String contentKey(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}

package org.talkfeed.pipeline;

import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.Extractor;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.receipt.ReceiptClaims;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkChange;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Sender;
import org.talkfeed.talk.TalkChanges;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One message through the flow: read, check the sender, extract, record. A message already in the store (same
 * Message-ID and content, or same bytes) is skipped; a known Message-ID with other content is recorded as a duplicate;
 * a broken one is recorded as failed, one from a sender the mailbox does not accept as ignored, each with the reason.
 * Only a message that made or changed a talk holds its Message-ID; every other one is kept under the hash of its bytes,
 * so that it never blocks a later message that carries its Message-ID.
 * <p>
 * The first half, {@link #read}, needs no store and may run on any thread, so an import can read and extract
 * ahead on several cores; the second, {@link #record}, takes messages one at a time in their order.
 */
public final class MessageProcessor {
    private final TalkStore store;
    private final MessageReader reader = new MessageReader();
    private final Extractor extractor = new Extractor();
    private final TalkRecorder recorder;
    private final ReceiptClaims receipts;

    public MessageProcessor(TalkStore store) {
        this(store, ReceiptClaims.NONE);
    }

    /** @param receipts claims, with each message recorded, the receipt its sender is owed (as its mailbox says) */
    public MessageProcessor(TalkStore store, ReceiptClaims receipts) {
        this.store = store;
        this.recorder = new TalkRecorder(store);
        this.receipts = receipts;
    }

    /**
     * A message read and understood, not yet recorded.
     *
     * @param messageId  its Message-ID; null when it has none or could not be read
     * @param bytesKey   the hash of its bytes, the key of a message that is not accepted as what it says
     * @param text       null when the bytes are no readable email
     * @param contentHash what the message says, hashed (see {@link #contentHash(MessageText)}); null without text
     * @param refused    {@link Outcome#FAILED} or {@link Outcome#IGNORED} when the message is not to be recorded as its
     *                   announcement says; null otherwise
     * @param announcement what extraction found; null when the message was refused or is recorded already
     */
    public record Reading(RawMessage raw, MailboxConfig mailbox, String messageId, String bytesKey, MessageText text,
                          String contentHash, Sender sender, Outcome refused, String refusal, Announcement announcement) {

        /** The key of an accepted message: its Message-ID, or the hash of its bytes when it has none. */
        public String key() {
            return messageId != null ? messageId : bytesKey;
        }
    }

    /**
     * Reads, checks, extracts and records one message that came through {@code mailbox}; the message's
     * checkpoint, if it has one, is committed with it. A message already recorded is not extracted again.
     */
    public ProcessResult process(RawMessage raw, MailboxConfig mailbox) {
        return record(read(raw, mailbox, key -> store.message(key).isPresent()));
    }

    /** Reads, checks the sender of, and extracts one message, without the store. Safe to call from several threads. */
    public Reading read(RawMessage raw, MailboxConfig mailbox) {
        return read(raw, mailbox, key -> false);
    }

    /**
     * As {@link #read(RawMessage, MailboxConfig)}, leaving out the extraction of a message {@code known} says is recorded.
     * Whatever goes wrong with this one message, even an Error, makes it a failed reading with the reason.
     */
    private Reading read(RawMessage raw, MailboxConfig mailbox, Predicate<String> known) {
        String bytesKey = bytesKey(raw.bytes());
        MessageText text;
        try {
            text = reader.read(raw.bytes());
        } catch (UnreadableMessageException e) {
            return failed(raw, mailbox, null, bytesKey, null, e.getMessage());
        } catch (Throwable e) {
            return failed(raw, mailbox, null, bytesKey, null, "cannot be read: " + describe(e));
        }
        String messageId = text.messageId() == null || text.messageId().isBlank() ? null : text.messageId();
        try {
            Sender sender = mailbox.senders().identify(text);
            String refusal = mailbox.senders().refusal(sender, text.listId());
            if (refusal != null) {
                return new Reading(raw, mailbox, messageId, bytesKey, text, contentHash(text), sender, Outcome.IGNORED, refusal, null);
            }
            String key = messageId != null ? messageId : bytesKey;
            Announcement announcement = known.test(key) ? null : extractor.extract(text, mailbox.defaults());
            return new Reading(raw, mailbox, messageId, bytesKey, text, contentHash(text), sender, null, null, announcement);
        } catch (Throwable e) {
            return failed(raw, mailbox, messageId, bytesKey, text, "cannot be understood: " + describe(e));
        }
    }

    private static Reading failed(RawMessage raw, MailboxConfig mailbox, String messageId, String bytesKey, MessageText text,
                                  String reason) {
        return new Reading(raw, mailbox, messageId, bytesKey, text, text == null ? null : contentHash(text), null, Outcome.FAILED, reason, null);
    }

    /** Records what {@link #read} made of a message, with its checkpoint. Messages are recorded one at a time, in order. */
    public synchronized ProcessResult record(Reading reading) {
        RawMessage raw = reading.raw();
        MessageText text = reading.text();
        if (store.message(reading.bytesKey()).isPresent()) {
            return alreadySeen(raw, reading.bytesKey());
        }
        if (reading.refused() == Outcome.FAILED) {
            return recordWithoutTalks(reading, Outcome.FAILED, reading.refusal(), "failed: " + reading.refusal());
        }
        if (reading.refused() == Outcome.IGNORED) {
            return recordWithoutTalks(reading, Outcome.IGNORED, reading.refusal(),
                    "ignored: " + reading.refusal() + " (subject \"" + text.subject() + "\")");
        }
        String key = reading.key();
        Optional<MessageRecord> earlier = store.message(key);
        if (earlier.isPresent()) {
            String hash = reading.contentHash();
            if (earlier.get().contentHash() == null || earlier.get().contentHash().equals(hash)) {
                return alreadySeen(raw, key);
            }
            String reason = "Message-ID " + key + " was recorded before (" + earlier.get().outcome().label() + ", "
                    + earlier.get().origin() + ") with other content";
            return recordWithoutTalks(reading, Outcome.DUPLICATE, reason, "duplicate: " + reason);
        }
        Announcement announcement = reading.announcement() != null ? reading.announcement()
                : extractor.extract(text, reading.mailbox().defaults());
        if (!announcement.isTalk()) {
            return recordWithoutTalks(reading, Outcome.NOT_TALK, announcement.reason(),
                    "not a talk: " + announcement.reason() + " (subject \"" + text.subject() + "\")");
        }
        return recordTalks(reading, key, announcement);
    }

    /** Records a message whose bytes could not be had at all (its source refused them) as failed, with its checkpoint. */
    public synchronized ProcessResult recordUnreadable(String origin, String key, MailboxConfig mailbox, String reason,
                                                       Checkpoint checkpoint) {
        Reading reading = new Reading(new RawMessage(origin, new byte[0], checkpoint), mailbox, null, key, null, null, null,
                Outcome.FAILED, reason, null);
        return record(reading);
    }

    /** A message recorded before under {@code key}: only its checkpoint moves. */
    private ProcessResult alreadySeen(RawMessage raw, String key) {
        store.advance(raw.checkpoint());
        return new ProcessResult(raw.origin(), null, true, List.of(), "already seen (" + key + ")");
    }

    /** Records a message that changes no talk, under the hash of its bytes (checked unrecorded by {@link #record}). */
    private ProcessResult recordWithoutTalks(Reading reading, Outcome outcome, String reason, String summary) {
        String key = reading.bytesKey();
        RawMessage raw = reading.raw();
        store.recordMessage(messageRecord(reading, key, outcome, reason), raw.checkpoint());
        return new ProcessResult(raw.origin(), outcome, false, List.of(), summary, reason);
    }

    /** Records a message that describes talks, as {@link TalkRecorder} decides, and says what it did. */
    private ProcessResult recordTalks(Reading reading, String key, Announcement announcement) {
        TalkChanges.Source source = new TalkChanges.Source(reading.sender(), reading.text().references(),
                reading.mailbox().senders());
        MailboxConfig mailbox = reading.mailbox();
        TalkRecorder.Recorded recorded = store.write(writer -> {
            TalkRecorder.Recorded r = recorder.record(messageRecord(reading, key, null, null), reading.bytesKey(), announcement.kind(),
                    announcement.change(), announcement.talks(), source, reading.raw().checkpoint(), mailbox.moderation());
            receipts.claim(writer, new ReceiptClaims.Recorded(key, mailbox.name(), mailbox.receipts(),
                    reading.text(), reading.sender(), r.outcome(), r.changes()));
            return r;
        });
        String summary = recorded.outcome().label() + ": " + describe(recorded.changes())
                + (recorded.reason() == null ? "" : (recorded.changes().isEmpty() ? "" : "; ") + recorded.reason());
        return new ProcessResult(reading.raw().origin(), recorded.outcome(), false, recorded.changes(), summary,
                recorded.reason());
    }

    /** @param outcome null for a message recorded with its talks ({@link TalkRecorder} decides), the only kind whose text is kept */
    private static MessageRecord messageRecord(Reading reading, String key, Outcome outcome, String reason) {
        MessageText text = reading.text();
        String mailbox = reading.mailbox().name();
        if (text == null) {
            return new MessageRecord(key, mailbox, reading.raw().origin(), null, null, null, outcome, reason, reading.messageId(), null);
        }
        String sender = text.fromAddress() != null ? text.fromAddress() : text.fromName();
        return new MessageRecord(key, mailbox, reading.raw().origin(), text.subject(), sender, text.date(), outcome, reason,
                reading.messageId(), reading.contentHash(), outcome == null ? text.original() : null);
    }

    private static String describe(List<TalkChange> changes) {
        return changes.stream()
                .map(c -> (c.created() ? "new talk " : "updates talk ") + c.talk().talk().describe()
                        + (c.talk().cancelled() ? " [cancelled]" : "")
                        + (c.talk().talk().warnings().isEmpty() ? "" : " (warnings: " + String.join("; ", c.talk().talk().warnings()) + ")"))
                .collect(Collectors.joining(" | "));
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** What a message says, hashed: a re-delivery has the same, another message under a reused Message-ID another. */
    private static String contentHash(MessageText text) {
        return sha256(String.join("\u0000", String.valueOf(text.fromAddress()), text.subject(), text.body())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String bytesKey(byte[] bytes) {
        return "sha256:" + sha256(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

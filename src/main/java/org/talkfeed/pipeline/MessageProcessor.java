package org.talkfeed.pipeline;

import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
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
import java.util.stream.Collectors;

/**
 * One message through the flow: read, extract, record. A message already in the store (same
 * Message-ID, or same bytes when it has none) is skipped; a broken one is recorded as failed with the reason.
 */
public final class MessageProcessor {
    private final TalkStore store;
    private final MessageReader reader = new MessageReader();
    private final Extractor extractor = new Extractor();

    public MessageProcessor(TalkStore store) {
        this.store = store;
    }

    public ProcessResult process(RawMessage raw, ExtractionDefaults defaults) {
        MessageText text;
        try {
            text = reader.read(raw.bytes());
        } catch (UnreadableMessageException e) {
            String key = contentKey(raw.bytes());
            if (store.seen(key)) {
                return new ProcessResult(raw.origin(), Outcome.FAILED, true, List.of(), "already seen");
            }
            store.recordMessage(new MessageRecord(key, raw.origin(), null, null, null, Outcome.FAILED, e.getMessage()));
            return new ProcessResult(raw.origin(), Outcome.FAILED, false, List.of(), "failed: " + e.getMessage());
        }
        String key = text.messageId() != null && !text.messageId().isBlank() ? text.messageId() : contentKey(raw.bytes());
        if (store.seen(key)) {
            return new ProcessResult(raw.origin(), null, true, List.of(), "already seen (" + key + ")");
        }
        Announcement announcement = extractor.extract(text, defaults);
        String sender = text.fromAddress() != null ? text.fromAddress() : text.fromName();
        if (!announcement.isTalk()) {
            store.recordMessage(new MessageRecord(key, raw.origin(), text.subject(), sender, text.date(), Outcome.NOT_TALK,
                    announcement.reason()));
            return new ProcessResult(raw.origin(), Outcome.NOT_TALK, false, List.of(),
                    "not a talk: " + announcement.reason() + " (subject \"" + text.subject() + "\")");
        }
        Outcome outcome = Outcome.valueOf(announcement.kind().name());
        List<TalkChange> changes = store.recordTalks(new MessageRecord(key, raw.origin(), text.subject(), sender, text.date(),
                outcome, null), announcement.kind(), announcement.talks());
        return new ProcessResult(raw.origin(), outcome, false, changes, outcome.label() + ": " + describe(changes));
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

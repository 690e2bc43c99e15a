package org.talkfeed.receipt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.Receipt;
import org.talkfeed.store.TalkChange;
import org.talkfeed.store.TalkStatus;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Sender;
import org.talkfeed.text.MessageText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Claims the receipt a recorded message is owed, in the transaction that records it: composed then, with what the
 * message made of its talks, and kept under the message's key, so that it is sent once whatever happens after the commit
 * ({@link ReceiptMailer} sends it). A sender past the hourly limit gets a claim marked skipped, never sent.
 */
public final class ReceiptClaims {
    private static final Logger LOG = LoggerFactory.getLogger("talkfeed");
    /** Claims nothing: for imports and for mailboxes without receipts. */
    public static final ReceiptClaims NONE = new ReceiptClaims(null);

    /** The clock the hourly limit is counted by; null for {@link #NONE}. */
    private final Clock clock;

    public ReceiptClaims(Clock clock) {
        this.clock = clock;
    }

    /** A message just recorded, and what it did. */
    public record Recorded(String messageKey, String mailbox, ReceiptsConfig receipts, MessageText text,
                           Sender sender, Outcome outcome, List<TalkChange> changes) {
    }

    /** Claims {@code recorded}'s receipt through {@code writer}, in its transaction, when it is owed one. */
    public void claim(TalkStore.Writer writer, Recorded recorded) {
        if (clock == null || !recorded.receipts().on()) {
            return;
        }
        boolean changedTalks = recorded.changes().stream().anyMatch(TalkChange::changed);
        String refusal = ReceiptRules.refusal(recorded.text(), recorded.sender(), recorded.outcome(), changedTalks,
                recorded.receipts().from());
        if (refusal != null) {
            if (changedTalks) {
                LOG.info("no receipt for {}: {}", recorded.messageKey(), refusal);
            }
            return;
        }
        List<ReceiptText.Understood> understood = new ArrayList<>();
        for (TalkChange change : recorded.changes().stream().filter(TalkChange::changed).toList()) {
            TalkStatus status = writer.status(change.talk().id());
            understood.add(new ReceiptText.Understood(change.talk(), change.created(), status,
                    status == TalkStatus.PENDING ? writer.heldReason(change.talk().id()) : null));
        }
        String recipient = recorded.sender().address();
        int perHour = recorded.receipts().perSenderPerHour();
        String skipped = writer.receiptsClaimedSince(recipient, clock.instant().minus(Duration.ofHours(1))) >= perHour
                ? "over the limit of " + perHour + " receipts an hour to " + recipient : null;
        MessageText text = recorded.text();
        String inReplyTo = text.messageId() == null || text.messageId().isBlank() ? null : text.messageId().strip();
        List<String> references = new ArrayList<>(text.references());
        java.util.Collections.reverse(references); // they are kept nearest first; the header lists them oldest first
        if (inReplyTo != null) {
            references.remove(inReplyTo);
            references.add(inReplyTo);
        }
        writer.claimReceipt(new Receipt(recorded.messageKey(), recorded.mailbox(), recipient, recorded.receipts().from(),
                messageId(recorded.messageKey(), recorded.receipts().from()), inReplyTo,
                references.isEmpty() ? null : String.join(" ", references), ReceiptText.subject(text.subject()),
                ReceiptText.body(text.subject(), understood), null, skipped, null, 0));
        if (skipped != null) {
            LOG.info("no receipt for {}: {}", recorded.messageKey(), skipped);
        }
    }

    /** The receipt's Message-ID: the same for the same message, at the receipts' From domain. */
    private static String messageId(String messageKey, String from) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "talkfeed.invalid" : from.substring(at + 1).replace(">", "").strip();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageKey.getBytes(StandardCharsets.UTF_8));
            return "<receipt." + HexFormat.of().formatHex(hash, 0, 12) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.talkfeed.receipt;

import org.talkfeed.store.Outcome;
import org.talkfeed.talk.Sender;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.SenderHeaders;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a recorded message gets a receipt: only an announcement, update or cancellation that made or changed a talk,
 * only to a From address that the receiving server authenticated or the envelope agrees with (never a claimed one, so
 * that a forged From gets no mail), and never to list mail, a no-reply address, or mail an automaton sent (RFC 3834),
 * receipts included.
 */
final class ReceiptRules {
    private static final Set<Outcome> ANSWERED = Set.of(Outcome.ANNOUNCEMENT, Outcome.UPDATE, Outcome.CANCELLATION);
    private static final Set<String> BULK = Set.of("bulk", "junk", "list");

    private ReceiptRules() {
    }

    /** Why the message gets no receipt, or null when it gets one. */
    static String refusal(MessageText text, Sender sender, Outcome outcome, boolean changedTalks, String receiptsFrom) {
        if (!ANSWERED.contains(outcome) || !changedTalks) {
            return "it made or changed no talk as an announcement, update or cancellation";
        }
        if (sender == null || sender.address() == null
                || (sender.vouch() != Sender.Vouch.AUTHENTICATED && sender.vouch() != Sender.Vouch.ENVELOPE)) {
            return "nothing vouches for its From address";
        }
        if (text.listId() != null) {
            return "it is list mail (List-Id)";
        }
        SenderHeaders headers = text.senderHeaders();
        if (headers.autoSubmitted() != null && !headers.autoSubmitted().strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "it was sent by an automaton (Auto-Submitted: " + headers.autoSubmitted().strip() + ")";
        }
        if (headers.precedence() != null && BULK.contains(headers.precedence().strip().toLowerCase(Locale.ROOT))) {
            return "it is bulk mail (Precedence: " + headers.precedence().strip() + ")";
        }
        if (headers.autoResponseSuppress() != null) {
            return "it asks for no automatic replies (X-Auto-Response-Suppress)";
        }
        if (NoReplyAddresses.matches(sender.address())) {
            return sender.address() + " takes no replies";
        }
        if (receiptsFrom != null && sender.address().equalsIgnoreCase(addressOf(receiptsFrom))) {
            return "it is from talkfeed's own receipt address";
        }
        return null;
    }

    /** The address of "Name <address>" or of a bare address. */
    private static String addressOf(String mailbox) {
        int open = mailbox.lastIndexOf('<');
        int close = mailbox.lastIndexOf('>');
        return (open >= 0 && close > open ? mailbox.substring(open + 1, close) : mailbox).strip();
    }
}

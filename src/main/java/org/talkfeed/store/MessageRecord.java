package org.talkfeed.store;

import org.talkfeed.text.MessageText;

import java.time.ZonedDateTime;

/**
 * What the store keeps of a message: its identity, where it came from, and what it became.
 *
 * @param messageKey  what makes the record unique: the Message-ID of a message accepted from its sender, else a hash
 *                    of its bytes, so that a refused or broken message never blocks a later one with its Message-ID
 * @param mailbox     the configured mailbox (or import) it came through; null when unknown
 * @param messageId   its Message-ID header; null when it has none or could not be read
 * @param contentHash a hash of what it says (subject, sender, body), to tell a re-delivery from other content under a
 *                    known Message-ID; null when it could not be read
 * @param original    the text readers saw and the list archive's address, kept for the archive; NONE when not kept
 */
public record MessageRecord(String messageKey, String mailbox, String origin, String subject, String sender,
                            ZonedDateTime sentAt, Outcome outcome, String reason, String messageId, String contentHash,
                            MessageText.Original original) {

    public MessageRecord {
        original = original == null ? MessageText.Original.NONE : original;
    }

    /** A record that keeps no text of the message. */
    public MessageRecord(String messageKey, String mailbox, String origin, String subject, String sender,
                         ZonedDateTime sentAt, Outcome outcome, String reason, String messageId, String contentHash) {
        this(messageKey, mailbox, origin, subject, sender, sentAt, outcome, reason, messageId, contentHash, MessageText.Original.NONE);
    }
}

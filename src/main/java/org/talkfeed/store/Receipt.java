package org.talkfeed.store;

import java.time.Instant;

/**
 * A receipt owed to the sender of one recorded message, claimed in the transaction that recorded it: its whole text,
 * so that a send retried after a failure or a restart is the same message with the same Message-ID.
 *
 * @param messageKey the key of the message it answers: at most one receipt per message
 * @param from       the receipt's From
 * @param inReplyTo  the Message-ID it answers; null when that message had none
 * @param references the References it carries, space-separated; null when none
 * @param skipped    why it is never sent (the sender's hourly limit was reached); null when it is to be sent
 * @param sentAt     null until sent
 */
public record Receipt(String messageKey, String mailbox, String recipient, String from, String messageId, String inReplyTo,
                      String references, String subject, String body, Instant claimedAt, String skipped, Instant sentAt,
                      int attempts) {
}

package org.talkfeed.store;

import java.time.ZonedDateTime;

/**
 * What the store keeps of a message: its identity, where it came from, and what it became.
 *
 * @param mailbox the configured mailbox (or import) it came through; null when unknown
 */
public record MessageRecord(String messageKey, String mailbox, String origin, String subject, String sender,
                            ZonedDateTime sentAt, Outcome outcome, String reason) {
}

package org.talkfeed.store;

import java.time.ZonedDateTime;

/** What the store keeps of a message: its identity, where it came from, and what it became. */
public record MessageRecord(String messageKey, String origin, String subject, String sender, ZonedDateTime sentAt,
                            Outcome outcome, String reason) {
}

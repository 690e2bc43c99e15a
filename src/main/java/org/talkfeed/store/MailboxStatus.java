package org.talkfeed.store;

import java.time.Instant;

/**
 * What the daemon last said about a mailbox, for {@code talkfeed status}.
 *
 * @param state     connected, idle, polling, reconnecting, auth-failed, stopped...
 * @param detail    the last error or a note, never a credential; null when none
 * @param lastCheck when the mailbox was last read through; null before the first check
 */
public record MailboxStatus(String mailbox, String state, String detail, Instant lastCheck, Instant updatedAt) {
}

package org.talkfeed.mail;

/**
 * How far a message source has been processed, committed with the message at that position.
 *
 * @param source      which source: "imap:" and a mailbox name, or "import:" and a file's path
 * @param uidValidity the IMAP folder's UIDVALIDITY (0 for sources without one)
 * @param position    the last processed IMAP UID, or how many messages of an import are done
 */
public record Checkpoint(String source, long uidValidity, long position) {
}

package org.talkfeed.mail;

/**
 * The bytes of one message and where they came from (a file path, an mbox offset, a mailbox UID).
 *
 * @param checkpoint the source position to commit together with this message, or null when the source has none
 */
public record RawMessage(String origin, byte[] bytes, Checkpoint checkpoint) {

    public RawMessage(String origin, byte[] bytes) {
        this(origin, bytes, null);
    }
}

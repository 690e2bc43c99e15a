package org.talkfeed.mail;

/** The bytes of one message and where they came from (a file path, an mbox offset, a mailbox UID). */
public record RawMessage(String origin, byte[] bytes) {
}

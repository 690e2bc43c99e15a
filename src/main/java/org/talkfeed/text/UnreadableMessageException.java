package org.talkfeed.text;

/** The bytes are not an email at all (no headers), so there is nothing to extract from. */
public class UnreadableMessageException extends Exception {
    public UnreadableMessageException(String reason) {
        super(reason);
    }
}

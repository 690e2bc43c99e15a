package org.talkfeed.text;

/**
 * The message cannot be read: its bytes are no email, its body cannot be decoded, or it passes a bound on what reading
 * one message may cost. The message says which, as the reason the message is recorded as failed.
 */
public class UnreadableMessageException extends Exception {
    public UnreadableMessageException(String reason) {
        super(reason);
    }
}

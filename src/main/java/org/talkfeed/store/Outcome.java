package org.talkfeed.store;

/**
 * What became of one message. {@code UNMATCHED}: an update or cancellation that fits no known talk with confidence;
 * {@code DUPLICATE}: a Message-ID recorded before, with other content; {@code IGNORED}: a sender not allowed to announce,
 * or to change the talks the message is about.
 */
public enum Outcome {
    ANNOUNCEMENT, REMINDER, UPDATE, CANCELLATION, NOT_TALK, FAILED, IGNORED, UNMATCHED, DUPLICATE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

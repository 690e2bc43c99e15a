package org.talkfeed.store;

/** What became of one message. */
public enum Outcome {
    ANNOUNCEMENT, REMINDER, UPDATE, CANCELLATION, NOT_TALK, FAILED, IGNORED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.talkfeed.store;

/**
 * A talk a message created or revised, as it stands after the change; {@code changed} is false for a revision that left
 * every field as it was (a reminder, an announcement sent again).
 */
public record TalkChange(StoredTalk talk, boolean created, boolean changed) {

    /** A talk created, or revised with a change. */
    public TalkChange(StoredTalk talk, boolean created) {
        this(talk, created, true);
    }
}

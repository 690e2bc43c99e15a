package org.talkfeed.store;

/** A talk a message created or changed, as it stands after the change. */
public record TalkChange(StoredTalk talk, boolean created) {
}

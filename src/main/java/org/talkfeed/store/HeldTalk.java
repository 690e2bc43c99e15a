package org.talkfeed.store;

import java.time.Instant;

/** A talk moderation holds back: pending or rejected, why it was held, and when. */
public record HeldTalk(StoredTalk talk, TalkStatus status, String reason, Instant heldAt) {
}

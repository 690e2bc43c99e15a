package org.talkfeed.store;

import org.talkfeed.talk.Talk;

import java.time.Instant;

/**
 * A talk as the store keeps it: stable identity for calendars (uid, slug), its status, how many times
 * it changed (the iCalendar SEQUENCE), and its current fields.
 */
public record StoredTalk(long id, String uid, String slug, boolean cancelled, int sequence, Talk talk,
                         Instant createdAt, Instant updatedAt) {
}

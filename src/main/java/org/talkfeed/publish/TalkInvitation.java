package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;

/** A talk's calendar file for an announcement email, made as the feeds make its event (see {@link CalendarFeed}). */
public final class TalkInvitation {
    private TalkInvitation() {
    }

    /** The talk as text/calendar with METHOD:PUBLISH, the feeds' UID and event, and this organizer. */
    public static String calendar(StoredTalk talk, FeedSettings settings, String organizerAddress) {
        return new CalendarFeed(settings).published(talk, organizerAddress);
    }
}

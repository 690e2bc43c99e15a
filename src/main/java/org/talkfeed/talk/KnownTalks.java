package org.talkfeed.talk;

import java.util.List;

/** The talks already known, as identity and authority need to see them (the store answers, inside its transaction). */
public interface KnownTalks {

    /** A known talk as matching sees it: its id and the traits identity compares. */
    record Candidate(long id, TalkIdentity.Traits traits) {
    }

    /** A known talk as it stands: its fields, whether it is cancelled, and who announced it (lower case; null: unknown). */
    record Current(Talk talk, boolean cancelled, String announcer, boolean announcerVouched) {
    }

    /** The talks within {@code reach} (see {@link TalkIdentity.Reach}), in no particular order. */
    List<Candidate> near(TalkIdentity.Reach reach);

    /** The talks that the messages with these Message-IDs made or changed. */
    List<Candidate> threaded(List<String> messageIds);

    Current current(long id);
}

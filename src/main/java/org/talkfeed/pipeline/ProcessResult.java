package org.talkfeed.pipeline;

import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkChange;

import java.util.List;

/** What processing one message did, with the one line the daemon logs for it. */
public record ProcessResult(String origin, Outcome outcome, boolean alreadySeen, List<TalkChange> changes, String summary) {

    public String logLine() {
        return origin + ": " + summary;
    }
}

package org.talkfeed.pipeline;

import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkChange;

import java.util.List;

/**
 * What processing one message did, with the one line the daemon logs for it.
 *
 * @param reason why a new message became no talk (not a talk, ignored, failed); null otherwise
 */
public record ProcessResult(String origin, Outcome outcome, boolean alreadySeen, List<TalkChange> changes, String summary,
                            String reason) {

    public ProcessResult(String origin, Outcome outcome, boolean alreadySeen, List<TalkChange> changes, String summary) {
        this(origin, outcome, alreadySeen, changes, summary, null);
    }

    public String logLine() {
        return origin + ": " + summary;
    }
}

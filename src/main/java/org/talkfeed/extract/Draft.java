package org.talkfeed.extract;

import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageText;

import java.util.List;
import java.util.Set;

/**
 * What the rules propose for a message, before the learned decisions: the talks they found, the kind their cue
 * patterns give, and, when a rule would call the message no talk, which rule and why. The decisions take it from here.
 *
 * @param talks      the talks the rules found; empty when they found no date (then {@code noTalkReason} says why)
 * @param veto       the rule that would call the message no talk although it found talks; null when none would
 * @param labels     the field labels the message uses ("Speaker:", "Title:"...)
 * @param cues       the cue categories of {@code cues.tsv} in its subject ("subject:cancel") and opening ("body:event")
 */
public record Draft(MessageText message, List<Talk> talks, Kind ruleKind, boolean moved, Veto veto, String noTalkReason,
                    Set<String> labels, Set<String> cues) {

    /** A rule that would call a message no talk. */
    public enum Veto {
        OTHER_TRAFFIC("reads as a call for papers, job ad or course notice, not a talk"),
        NO_SPEAKER_OR_TITLE("a date, but no speaker or title: not a talk"),
        MEETING("a meeting or newsletter with no speaker, not a talk");

        private final String reason;

        Veto(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    public Draft {
        talks = List.copyOf(talks);
        labels = Set.copyOf(labels);
        cues = Set.copyOf(cues);
    }

    /** Whether the rules found talks and no rule calls the message no talk: then its talks are published. */
    public boolean publishes() {
        return !talks.isEmpty() && veto == null;
    }

    static Draft none(MessageText message, String reason) {
        return new Draft(message, List.of(), Kind.NOT_TALK, false, null, reason, Set.of(), Set.of());
    }
}

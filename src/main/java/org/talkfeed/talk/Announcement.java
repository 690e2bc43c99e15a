package org.talkfeed.talk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What one message says: its kind and the talks it describes. A message that is not a talk has no
 * talks and a reason saying why.
 *
 * @param moved the message moves its talk to the day it gives: "postponed to March 19" is a cancellation
 *              (of the day it was on) that a calendar shows as the talk moving, not vanishing
 */
@JsonPropertyOrder({"kind", "moved", "reason", "talks"})
public record Announcement(Kind kind, List<Talk> talks, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean moved) {

    public Announcement {
        talks = talks == null ? List.of() : List.copyOf(talks);
    }

    public static Announcement notTalk(String reason) {
        return new Announcement(Kind.NOT_TALK, List.of(), reason, false);
    }

    /** How the message changes the talks it names: a move is an update, whatever the message calls itself. */
    public Kind change() {
        return moved ? Kind.UPDATE : kind;
    }

    public boolean isTalk() {
        return kind != Kind.NOT_TALK && !talks.isEmpty();
    }
}

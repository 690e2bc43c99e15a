package org.talkfeed.talk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What one message says: its kind and the talks it describes. A message that is not a talk has no
 * talks and a reason saying why.
 *
 * @param moved  the message moves its talk to the day it gives: "postponed to March 19" is a cancellation
 *               (of the day it was on) that a calendar shows as the talk moving, not vanishing
 * @param events when the talks were read from calendar data or schema.org markup, the event each came from,
 *               one per talk in the same order; empty otherwise
 */
@JsonPropertyOrder({"kind", "moved", "reason", "talks", "events"})
public record Announcement(Kind kind, List<Talk> talks, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                           @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean moved,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<StructuredEvent> events) {

    public Announcement {
        talks = talks == null ? List.of() : List.copyOf(talks);
        events = events == null ? List.of() : List.copyOf(events);
        if (!events.isEmpty() && events.size() != talks.size()) {
            throw new IllegalArgumentException(events.size() + " events for " + talks.size() + " talks");
        }
    }

    /** An announcement read from the text alone. */
    public Announcement(Kind kind, List<Talk> talks, String reason, boolean moved) {
        this(kind, talks, reason, moved, List.of());
    }

    public static Announcement notTalk(String reason) {
        return new Announcement(Kind.NOT_TALK, List.of(), reason, false, List.of());
    }

    /** How the message changes the talks it names: a move is an update, whatever the message calls itself. */
    public Kind change() {
        return moved ? Kind.UPDATE : kind;
    }

    public boolean isTalk() {
        return kind != Kind.NOT_TALK && !talks.isEmpty();
    }
}

package org.talkfeed.talk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What one message says: its kind and the talks it describes. A message that is not a talk has no
 * talks and a reason saying why.
 */
@JsonPropertyOrder({"kind", "reason", "talks"})
public record Announcement(Kind kind, List<Talk> talks, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

    public Announcement {
        talks = talks == null ? List.of() : List.copyOf(talks);
    }

    public static Announcement notTalk(String reason) {
        return new Announcement(Kind.NOT_TALK, List.of(), reason);
    }

    public boolean isTalk() {
        return kind != Kind.NOT_TALK && !talks.isEmpty();
    }
}

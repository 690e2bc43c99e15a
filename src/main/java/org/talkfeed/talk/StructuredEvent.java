package org.talkfeed.talk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a talk came from when the message carried it as data: its calendar identity, kept to follow later
 * invitations and cancellations of the same event.
 *
 * @param uid      the iCalendar UID, or the schema.org event's {@code @id} or url; null when it has none
 * @param sequence the iCalendar SEQUENCE (0 when not given); null for schema.org markup
 * @param method   the iCalendar METHOD (PUBLISH, REQUEST, CANCEL); null when not given and for schema.org markup
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StructuredEvent(String uid, Integer sequence, String method, Source source) {

    /** The kind of data the talk was read from. */
    public enum Source {
        ICALENDAR, JSON_LD, MICRODATA;

        @JsonValue
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}

package org.talkfeed.talk;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a message is, as far as the talk list is concerned. */
public enum Kind {
    ANNOUNCEMENT, REMINDER, UPDATE, CANCELLATION, NOT_TALK;

    @JsonValue
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind fromLabel(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }
}

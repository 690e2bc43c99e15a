package org.talkfeed.store;

import java.util.Locale;

/** Whether a talk is published, or held by moderation: pending an admin's decision, or rejected by one. */
public enum TalkStatus {
    PUBLISHED, PENDING, REJECTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TalkStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}

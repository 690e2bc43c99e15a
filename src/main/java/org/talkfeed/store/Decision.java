package org.talkfeed.store;

import java.time.Instant;

/**
 * One moderation decision about a talk: held (by talkfeed, with the reason), approved (with the admin's corrections,
 * as {@code field=value} lines, or null) or rejected.
 */
public record Decision(long talkId, Kind kind, String by, Instant at, String reason, String corrections) {

    public enum Kind {
        HELD, APPROVED, REJECTED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind fromLabel(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }
}

package org.talkfeed.talk;

import java.util.List;
import java.util.Locale;

/**
 * A mailbox's moderation: when on, a new talk whose confidence is under {@code threshold}, or that carries a warning
 * containing one of {@code holdWarnings} (compared without case), waits for an admin's decision instead of being
 * published.
 */
public record Moderation(boolean on, double threshold, List<String> holdWarnings) {
    public static final double DEFAULT_THRESHOLD = 0.8;
    public static final Moderation OFF = new Moderation(false, DEFAULT_THRESHOLD, List.of());

    public Moderation {
        holdWarnings = holdWarnings.stream().map(w -> w.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /** Why {@code talk} is held for an admin, or null when it is published at once. */
    public String holdReason(Talk talk) {
        if (!on) {
            return null;
        }
        if (talk.confidence() < threshold) {
            return String.format(Locale.ROOT, "confidence %.2f is under the threshold %.2f", talk.confidence(), threshold);
        }
        for (String warning : talk.warnings()) {
            String lower = warning.toLowerCase(Locale.ROOT);
            for (String held : holdWarnings) {
                if (lower.contains(held)) {
                    return "warning \"" + warning + "\" (hold-warnings: " + held + ")";
                }
            }
        }
        return null;
    }
}

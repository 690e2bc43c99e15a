package org.talkfeed.pipeline;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How often each reason was given; past a bound, new reasons are counted together, so memory stays small. */
final class ReasonCounts {
    static final String OTHER = "(other reasons)";
    private static final int MAX_REASONS = 500;
    private final Map<String, Long> counts = new HashMap<>();

    void add(String reason) {
        String key = reason == null || reason.isBlank() ? "(no reason given)" : reason;
        if (!counts.containsKey(key) && counts.size() >= MAX_REASONS) {
            key = OTHER;
        }
        counts.merge(key, 1L, Long::sum);
    }

    /** The {@code n} most frequent reasons, most frequent first. */
    List<Map.Entry<String, Long>> top(int n) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .toList();
    }
}

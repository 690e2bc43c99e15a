package org.talkfeed.pipeline;

import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkChange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Set;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** What an import did: talks found, messages skipped and failed with their reasons counted, sources that failed. */
public final class ImportSummary {
    private static final int TOP_REASONS = 5;
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@()<>]+@[^\\s@()<>]+");
    private static final Set<Outcome> NO_TALK = EnumSet.of(Outcome.NOT_TALK, Outcome.IGNORED, Outcome.FAILED,
            Outcome.UNMATCHED, Outcome.DUPLICATE);
    private static final Set<Outcome> TALK_OUTCOMES = EnumSet.complementOf(EnumSet.copyOf(NO_TALK));

    private final Map<Outcome, Long> messages = new EnumMap<>(Outcome.class);
    private final Map<Outcome, ReasonCounts> reasons = new EnumMap<>(Outcome.class);
    private final List<String> sourceFailures = new ArrayList<>();
    private final long startedNanos = System.nanoTime();
    private long elapsedNanos = -1;
    private long alreadySeen;
    private long newTalks;
    private long updatedTalks;
    private long passedOver;
    private int units;
    private boolean interrupted;
    private String stoppedBy;

    ImportSummary() {
        for (Outcome o : NO_TALK) {
            reasons.put(o, new ReasonCounts());
        }
    }

    void unit(long doneBefore) {
        units++;
        passedOver += doneBefore;
    }

    void add(ProcessResult result) {
        if (result.alreadySeen()) {
            alreadySeen++;
            return;
        }
        messages.merge(result.outcome(), 1L, Long::sum);
        for (TalkChange change : result.changes()) {
            if (change.created()) {
                newTalks++;
            } else {
                updatedTalks++;
            }
        }
        ReasonCounts counts = reasons.get(result.outcome());
        if (counts != null) {
            String reason = result.reason();
            counts.add(result.outcome() == Outcome.IGNORED && reason != null ? ADDRESS.matcher(reason).replaceAll("…") : reason);
        }
    }

    void sourceFailed(Path path, String problem) {
        sourceFailures.add(path + ": " + problem);
    }

    /** The import could not go on: something could not be recorded, for this reason. */
    void stoppedBy(String reason) {
        stoppedBy = reason;
    }

    void finish(boolean stopped) {
        elapsedNanos = System.nanoTime() - startedNanos;
        interrupted = stopped;
    }

    /** Messages processed by this run (not those passed over as done before). */
    public long processed() {
        return alreadySeen + messages.values().stream().mapToLong(Long::longValue).sum();
    }

    /** New messages (not seen before) that became {@code outcome}. */
    public long count(Outcome outcome) {
        return messages.getOrDefault(outcome, 0L);
    }

    public long alreadySeen() {
        return alreadySeen;
    }

    public long newTalks() {
        return newTalks;
    }

    public long updatedTalks() {
        return updatedTalks;
    }

    /** Messages done by an earlier run of the same import, passed over unread. */

    /** The most frequent reasons for {@link Outcome#NOT_TALK}, {@link Outcome#IGNORED} or {@link Outcome#FAILED}. */
    public List<Map.Entry<String, Long>> topReasons(Outcome outcome) {
        ReasonCounts counts = reasons.get(outcome);
        return counts == null ? List.of() : counts.top(TOP_REASONS);
    }

    public List<String> sourceFailures() {
        return List.copyOf(sourceFailures);
    }

    public boolean interrupted() {
        return interrupted;
    }

    /** Why the import ended before its end, when something could not be recorded; null when it did not. */
    public String stoppedBy() {
        return stoppedBy;
    }

    public double seconds() {
        return (elapsedNanos < 0 ? System.nanoTime() - startedNanos : elapsedNanos) / 1e9;
    }

    /** The summary as printed at the end of an import. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        double seconds = seconds();
        lines.add(String.format(Locale.ROOT, "imported %,d messages from %d %s in %.1f s (%,.0f msg/s)%s", processed(), units,
                units == 1 ? "source" : "sources", seconds, seconds > 0 ? processed() / seconds : 0.0,
                passedOver > 0 ? String.format(Locale.ROOT, "; %,d done before were passed over", passedOver) : ""));
        List<String> kinds = TALK_OUTCOMES.stream().filter(o -> count(o) > 0)
                .map(o -> String.format(Locale.ROOT, "%,d %s%s", count(o), o.label(), count(o) == 1 ? "" : "s")).toList();
        lines.add(String.format(Locale.ROOT, "talks: %,d new, %,d updated", newTalks, updatedTalks)
                + (kinds.isEmpty() ? "" : " (from " + String.join(", ", kinds) + ")"));
        lines.add(String.format(Locale.ROOT, "skipped: %,d already seen, %,d not a talk, %,d ignored by the sender rules",
                alreadySeen, count(Outcome.NOT_TALK), count(Outcome.IGNORED))
                + (count(Outcome.UNMATCHED) > 0 ? String.format(Locale.ROOT, ", %,d unmatched", count(Outcome.UNMATCHED)) : "")
                + (count(Outcome.DUPLICATE) > 0
                        ? String.format(Locale.ROOT, ", %,d duplicate Message-IDs with other content", count(Outcome.DUPLICATE)) : ""));
        reasonLines(lines, Outcome.NOT_TALK, "not a talk");
        reasonLines(lines, Outcome.IGNORED, "ignored");
        reasonLines(lines, Outcome.UNMATCHED, "unmatched");
        reasonLines(lines, Outcome.DUPLICATE, "duplicate");
        lines.add(String.format(Locale.ROOT, "failed: %,d", count(Outcome.FAILED)));
        reasonLines(lines, Outcome.FAILED, "failed");
        if (!sourceFailures.isEmpty()) {
            lines.add("could not read: " + sourceFailures.size() + (sourceFailures.size() == 1 ? " source" : " sources"));
            sourceFailures.forEach(f -> lines.add("  " + f));
        }
        if (interrupted) {
            lines.add("interrupted: run the same command again to resume");
        }
        return lines;
    }

    private void reasonLines(List<String> lines, Outcome outcome, String label) {
        for (Map.Entry<String, Long> reason : topReasons(outcome)) {
            lines.add(String.format(Locale.ROOT, "  %,7d  %s: %s", reason.getValue(), label, reason.getKey()));
        }
    }
}

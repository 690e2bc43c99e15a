package org.talkfeed.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Totals of a corpus evaluation: per-field right/scored, kind accuracy, false events, and every miss. */
public final class EvalReport {
    private final Map<Field, int[]> fields = new EnumMap<>(Field.class);
    private final List<Miss> misses = new ArrayList<>();
    private int emails;
    private int kindsRight;
    private int falseEvents;
    private int spurious;

    void countEmail(boolean kindRight) {
        emails++;
        if (kindRight) {
            kindsRight++;
        }
    }

    void count(String file, TalkScorer.Verdict verdict) {
        int[] tally = fields.computeIfAbsent(verdict.field(), f -> new int[2]);
        tally[1]++;
        if (verdict.right()) {
            tally[0]++;
        } else {
            misses.add(new Miss(file, verdict.field().label(), verdict.expected(), verdict.got()));
        }
    }

    void miss(Miss miss) {
        misses.add(miss);
    }

    void falseEvents(int n) {
        falseEvents += n;
    }

    void spurious(int n) {
        spurious += n;
    }

    public int emails() {
        return emails;
    }

    public double kindAccuracy() {
        return emails == 0 ? 0 : (double) kindsRight / emails;
    }

    /** A field's accuracy (right / scored), or NaN when nothing was scored for it. */
    public double accuracy(String field) {
        int[] tally = fields.get(Field.valueOf(field.toUpperCase(java.util.Locale.ROOT)));
        return tally == null || tally[1] == 0 ? Double.NaN : (double) tally[0] / tally[1];
    }

    public int falseEvents() {
        return falseEvents;
    }

    public int spurious() {
        return spurious;
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }

    public String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-12s %6s %9s%n", "field", "acc", "right/n"));
        s.append(String.format("%-12s %6.3f %4d/%-4d%n", "kind", kindAccuracy(), kindsRight, emails));
        for (Field f : Field.values()) {
            int[] t = fields.getOrDefault(f, new int[2]);
            s.append(String.format("%-12s %6.3f %4d/%-4d%n", f.label(), t[1] == 0 ? Double.NaN : (double) t[0] / t[1], t[0], t[1]));
        }
        s.append("false events (talks from not_talk emails): ").append(falseEvents).append('\n');
        s.append("spurious talks (predicted, paired with no label): ").append(spurious).append('\n');
        return s.toString();
    }
}

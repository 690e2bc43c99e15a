package org.talkfeed.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * What {@code talkfeed check} found: whether the message reads as a talk (with the reason when not), and each talk as
 * subscribers will see it with its findings.
 */
@JsonPropertyOrder({"understood", "kind", "reason", "talks"})
public record CheckReport(boolean understood, String kind, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                          List<CheckedTalk> talks) {

    /** One talk and what the rules found in it. */
    @JsonPropertyOrder({"talk", "warnings"})
    public record CheckedTalk(TalkView talk, List<Finding> warnings) {
    }

    public CheckReport {
        talks = List.copyOf(talks);
    }

    public boolean clean() {
        return understood && talks.stream().allMatch(t -> t.warnings().isEmpty());
    }

    /** 0 clean, 1 with warnings, 2 not understood as a talk. */
    public int exitCode() {
        return !understood ? 2 : clean() ? 0 : 1;
    }

    /** The report as lines for a terminal. */
    public String text() {
        StringBuilder out = new StringBuilder();
        if (!understood) {
            return out.append("not understood as a talk: ").append(reason).toString();
        }
        int n = 0;
        for (CheckedTalk checked : talks) {
            if (n++ > 0) {
                out.append('\n');
            }
            if (talks.size() > 1) {
                out.append("talk ").append(n).append('\n');
            }
            TalkView t = checked.talk();
            line(out, "Title", t.title() == null ? "(none)" : t.title());
            if (t.speakers().isEmpty()) {
                line(out, "Speaker", "(none)");
            }
            t.speakers().forEach(s -> line(out, "Speaker", s));
            line(out, "When", t.when() == null ? "(no date)" : t.when());
            line(out, "Where", t.location() == null ? "(none)" : t.location());
            line(out, "Link", t.link());
            line(out, "Host", t.host());
            line(out, "Series", t.series());
            if (checked.warnings().isEmpty()) {
                out.append("no warnings\n");
            }
            checked.warnings().forEach(w -> out.append("warning: ").append(w.line()).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append(String.format("%-8s %s%n", label + ":", value));
        }
    }
}

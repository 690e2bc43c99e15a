package org.talkfeed.extract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Splits an announcement's labeled fields into one group per talk. A label seen again starts the next
 * talk (a digest); "Where" and link labels may repeat back to back within one talk (in person and
 * online). Groups with neither a speaker nor a title are shared context for the talks after them.
 */
final class TalkGroups {
    private static final Set<Label> REPEATABLE = EnumSet.of(Label.WHERE, Label.LINK, Label.HOST, Label.SERIES);
    private static final Set<Label> DEFINING = EnumSet.of(Label.SPEAKER, Label.TITLE);

    private TalkGroups() {
    }

    /** Each talk's fields, shared context first in every group's list; empty when no group names a speaker or title. */
    static List<List<Field>> split(List<Field> fields) {
        List<List<Field>> groups = new ArrayList<>();
        List<Field> current = new ArrayList<>();
        Label previous = null;
        for (Field field : fields) {
            boolean seen = current.stream().anyMatch(f -> f.label() == field.label());
            boolean repeatInPlace = REPEATABLE.contains(field.label()) && (previous == field.label()
                    || current.stream().noneMatch(f -> DEFINING.contains(f.label())));
            if (seen && !repeatInPlace && !REPEATABLE.contains(field.label())) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(field);
            previous = field.label();
        }
        groups.add(current);

        List<List<Field>> talks = new ArrayList<>();
        List<Field> shared = new ArrayList<>();
        for (List<Field> group : groups) {
            if (group.stream().anyMatch(f -> DEFINING.contains(f.label()))) {
                List<Field> talk = new ArrayList<>();
                for (Field s : shared) {
                    if (group.stream().noneMatch(f -> f.label() == s.label())) {
                        talk.add(s);
                    }
                }
                talk.addAll(group);
                talks.add(talk);
            } else if (talks.isEmpty()) {
                shared.addAll(group);
            } else {
                talks.get(talks.size() - 1).addAll(group);
            }
        }
        if (talks.size() > 1 && talks.stream().filter(TalkGroups::hasWhen).count() <= 1) {
            // One date for several speaker/title groups is one event with several parts, or a single talk
            // whose labels repeat; treat it as one talk unless every group says when it is.
            List<Field> merged = new ArrayList<>();
            talks.forEach(merged::addAll);
            return List.of(merged);
        }
        return talks;
    }

    /** Whether the fields say when: a When or a Date label. */
    static boolean hasWhen(List<Field> group) {
        return group.stream().anyMatch(f -> f.label() == Label.WHEN || f.label() == Label.DATE);
    }
}

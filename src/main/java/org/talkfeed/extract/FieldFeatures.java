package org.talkfeed.extract;

import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the field models see of one field's value (title, speaker or location): its shape (words, capitals, digits,
 * punctuation, brackets), whether the subject repeats it, the cue categories it holds, and the talk's own features.
 */
public final class FieldFeatures {
    /** The fields whose values a learned decision may hold back. */
    public static final Set<String> FIELDS = Set.of("title", "speaker", "location");

    private FieldFeatures() {
    }

    /** The value of {@code field} in {@code talk}, as the models read it; null when the talk has none. */
    public static String value(Talk talk, String field) {
        return switch (field) {
            case "title" -> talk.title();
            case "speaker" -> talk.speakers().isEmpty() ? null : String.join(", ", talk.speakers().stream().map(Speaker::name).toList());
            case "location" -> talk.location();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** The talk without {@code field}'s value. */
    public static Talk without(Talk talk, String field) {
        return switch (field) {
            case "title" -> new Talk(null, talk.speakers(), talk.date(), talk.start(), talk.end(), talk.timezone(), talk.location(),
                    talk.online(), talk.url(), talk.host(), talk.series(), talk.abstractText(), talk.bio(), talk.confidence(), talk.warnings());
            case "speaker" -> talk.withSpeakers(java.util.List.of());
            case "location" -> new Talk(talk.title(), talk.speakers(), talk.date(), talk.start(), talk.end(), talk.timezone(), null,
                    talk.online(), talk.url(), talk.host(), talk.series(), talk.abstractText(), talk.bio(), talk.confidence(), talk.warnings());
            default -> throw new IllegalArgumentException(field);
        };
    }

    public static Set<String> of(Draft draft, Talk talk, String field) {
        return of(draft, talk, field, ConfidenceFeatures.of(draft, talk));
    }

    /** As {@link #of(Draft, Talk, String)}, given the talk's {@link ConfidenceFeatures}, found once for all its fields. */
    public static Set<String> of(Draft draft, Talk talk, String field, Set<String> talkFeatures) {
        Set<String> f = new TreeSet<>(talkFeatures);
        String value = value(talk, field);
        if (value == null) {
            return f;
        }
        String p = field + ":";
        String[] words = value.strip().split("\\s+");
        f.add(p + "words:" + (words.length <= 1 ? "1" : words.length <= 3 ? "2-3" : words.length <= 8 ? "4-8" : words.length <= 16 ? "9-16" : ">16"));
        long capitalized = java.util.Arrays.stream(words).filter(w -> !w.isEmpty() && Character.isUpperCase(w.codePointAt(0))).count();
        f.add(p + "capitals:" + (capitalized == words.length ? "all" : capitalized * 2 >= words.length ? "most" : capitalized > 0 ? "some" : "none"));
        if (value.equals(value.toUpperCase(Locale.ROOT)) && value.chars().anyMatch(Character::isLetter)) {
            f.add(p + "upper-case");
        }
        if (value.chars().anyMatch(Character::isDigit)) {
            f.add(p + "digits");
        }
        if (!value.isEmpty() && !Character.isLetterOrDigit(value.codePointAt(0)) && value.codePointAt(0) != '"' && value.codePointAt(0) != '“') {
            f.add(p + "starts-with-mark");
        }
        if (value.endsWith(",") || value.endsWith(";") || value.endsWith("!") || value.endsWith(":")) {
            f.add(p + "ends-open");
        }
        if (value.contains(":")) {
            f.add(p + "colon");
        }
        if (value.contains("(") || value.contains("[")) {
            f.add(p + "brackets");
        }
        if (value.contains("@") || value.contains("http") || value.contains("www.")) {
            f.add(p + "address");
        }
        if (!value.chars().allMatch(c -> c < 0x250)) {
            f.add(p + "non-latin");
        }
        if (draft.message().subject().toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT))) {
            f.add(p + "in-subject");
        }
        Cues.in(value).forEach(c -> f.add(p + "cue:" + c));
        return f;
    }
}

package org.talkfeed.extract;

import org.talkfeed.talk.Talk;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the confidence model sees of a talk: what the rules found in its message (a digest or one talk, the labels it
 * uses, the cue categories in its subject and opening, replies and forwards), which of its fields are filled and how,
 * its warnings, and when it is against when the message was sent. None names a list or a phrase of one.
 */
public final class ConfidenceFeatures {
    private static final int OPENING_LINES = 40;

    private ConfidenceFeatures() {
    }

    /** The cue categories in a message's subject and opening, once per message: every talk of it sees them. */
    static Set<String> cues(org.talkfeed.text.MessageText message) {
        Set<String> f = new TreeSet<>();
        Cues.in(message.subject()).forEach(c -> f.add("subject:" + c));
        List<String> lines = message.lines();
        Cues.in(String.join("\n", lines.subList(0, Math.min(lines.size(), OPENING_LINES)))).forEach(c -> f.add("body:" + c));
        return f;
    }

    public static Set<String> of(Draft draft, Talk talk) {
        Set<String> f = new TreeSet<>();
        f.add("rule:" + draft.ruleKind().label());
        f.addAll(draft.cues());
        String subject = draft.message().subject();
        List<String> lines = draft.message().lines();
        String lowerSubject = subject.toLowerCase(Locale.ROOT);
        if (lowerSubject.startsWith("re:") || lowerSubject.startsWith("aw:")) {
            f.add("subject:reply");
        }
        f.add("lines:" + bucket(lines.size(), 10, 40, 150));
        f.add(draft.talks().size() > 1 ? "talks:many" : "talks:one");
        draft.labels().forEach(label -> f.add("label:" + label));
        fields(talk, draft.labels().contains("abstract"), f);
        f.add("when:" + whenAgainstSending(talk, draft));
        if (talk.title() != null) {
            int words = talk.title().split("\\s+").length;
            f.add("title-words:" + bucket(words, 3, 8, 16));
            if (lowerSubject.contains(talk.title().toLowerCase(Locale.ROOT))) {
                f.add("title-in-subject");
            }
        }
        f.add("speakers:" + bucket(talk.speakers().size(), 1, 2, 4));
        talk.speakers().stream().findFirst().ifPresent(s -> f.add("speaker-words:" + bucket(s.name().split("\\s+").length, 1, 3, 4)));
        f.add("warnings:" + bucket(talk.warnings().size(), 0, 1, 2));
        for (String warning : talk.warnings()) {
            f.add("warning:" + firstWords(warning, 2));
        }
        return f;
    }

    /** @param abstractLabeled an abstract found in unlabeled prose tells nothing of how the other fields were read */
    private static void fields(Talk talk, boolean abstractLabeled, Set<String> f) {
        f.add(talk.title() == null ? "no:title" : "has:title");
        f.add(talk.speakers().isEmpty() ? "no:speaker" : "has:speaker");
        f.add(talk.start() == null ? "no:start" : "has:start");
        f.add(talk.end() == null ? "no:end" : "has:end");
        f.add(talk.timezone() == null ? "no:zone" : "has:zone");
        f.add(talk.location() == null ? "no:location" : "has:location");
        if (talk.url() != null) {
            f.add("has:url");
        }
        if (talk.abstractText() != null && abstractLabeled) {
            f.add("has:abstract");
        }
        if (talk.host() != null) {
            f.add("has:host");
        }
    }

    /** Where the talk's day lies from the day the message was sent: a talk long past is a report, not an announcement. */
    private static String whenAgainstSending(Talk talk, Draft draft) {
        if (talk.date() == null || draft.message().date() == null) {
            return "unknown";
        }
        long days = ChronoUnit.DAYS.between(draft.message().date().toLocalDate(), talk.date());
        if (days < -1) {
            return "past";
        }
        if (days <= 1) {
            return "same-day";
        }
        return days <= 14 ? "soon" : days <= 120 ? "later" : "far";
    }

    private static String bucket(int value, int a, int b, int c) {
        return value <= a ? "<=" + a : value <= b ? "<=" + b : value <= c ? "<=" + c : ">" + c;
    }

    private static String firstWords(String text, int n) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+");
        return String.join("-", java.util.Arrays.copyOf(words, Math.min(n, words.length)));
    }

}

package org.talkfeed.talk;

import java.text.Normalizer;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides whether an incoming talk is one already known: a reminder, an update, a cancellation or a
 * re-post of it. Same speaker and close in time, or same title; updates and cancellations may move the date.
 */
public final class TalkIdentity {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TalkIdentity() {
    }

    /** What identity compares of a talk, normalized once: its speakers' surnames and its title's words (null: no title). */
    private record Traits(Talk talk, Set<String> surnames, Set<String> titleWords) {
        static Traits of(Talk talk) {
            return new Traits(talk, TalkIdentity.surnames(talk), TalkIdentity.titleWords(talk.title()));
        }
    }

    /** The known talk the incoming one refers to, if any; the closest in date wins. */
    public static <T> Optional<T> match(Talk incoming, Kind kind, List<T> known, java.util.function.Function<T, Talk> talkOf) {
        Traits in = Traits.of(incoming);
        T best = null;
        double bestScore = 0;
        for (T candidate : known) {
            double score = score(in, kind, Traits.of(talkOf.apply(candidate)));
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double score(Traits in, Kind kind, Traits other) {
        Talk incoming = in.talk();
        Talk known = other.talk();
        boolean sameSpeaker = !in.surnames().isEmpty() && in.surnames().stream().anyMatch(other.surnames()::contains);
        double title = similarity(in.titleWords(), other.titleWords());
        long days = incoming.date() == null || known.date() == null ? 999
                : Math.abs(ChronoUnit.DAYS.between(incoming.date(), known.date()));
        boolean follows = kind != Kind.ANNOUNCEMENT;
        if (days == 0) {
            boolean sameStart = incoming.start() != null && incoming.start().equals(known.start());
            if (sameSpeaker || title >= 0.6) {
                return 3 + title + (sameStart ? 0.5 : 0);
            }
            if (follows && incoming.speakers().isEmpty() && incoming.title() == null && sameStart) {
                return 1; // "today's seminar at 4pm is cancelled"
            }
            return 0;
        }
        if (follows && days <= 120 && (sameSpeaker && (title >= 0.5 || incoming.title() == null || known.title() == null))) {
            return 2 + title - days / 1000.0;
        }
        if (days <= 120 && title >= 0.9 && sameSpeaker) {
            return 2 + title - days / 1000.0;
        }
        return 0;
    }

    /** The speakers' normalized surnames: two talks can only be the same if they share one or their date. */
    public static Set<String> surnames(Talk talk) {
        return talk.speakers().stream()
                .map(s -> normalize(s.name()).split(" "))
                .filter(parts -> parts.length > 0 && !parts[parts.length - 1].isEmpty())
                .map(parts -> parts[parts.length - 1])
                .collect(Collectors.toSet());
    }

    /** Token F1 of two titles after normalizing; 0 when either is missing. */
    public static double titleSimilarity(String a, String b) {
        return similarity(titleWords(a), titleWords(b));
    }

    private static Set<String> titleWords(String title) {
        return title == null ? null : new HashSet<>(Arrays.asList(normalize(title).split(" ")));
    }

    private static double similarity(Set<String> x, Set<String> y) {
        if (x == null || y == null) {
            return 0;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        if (common.isEmpty()) {
            return 0;
        }
        double precision = (double) common.size() / x.size();
        double recall = (double) common.size() / y.size();
        return 2 * precision * recall / (precision + recall);
    }

    public static String normalize(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}

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

    /** The known talk the incoming one refers to, if any; the closest in date wins. */
    public static <T> Optional<T> match(Talk incoming, Kind kind, List<T> known, java.util.function.Function<T, Talk> talkOf) {
        T best = null;
        double bestScore = 0;
        for (T candidate : known) {
            double score = score(incoming, kind, talkOf.apply(candidate));
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double score(Talk incoming, Kind kind, Talk known) {
        boolean sameSpeaker = speakerOverlap(incoming, known);
        double title = titleSimilarity(incoming.title(), known.title());
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

    static boolean speakerOverlap(Talk a, Talk b) {
        Set<String> surnamesA = surnames(a);
        Set<String> surnamesB = surnames(b);
        return !surnamesA.isEmpty() && surnamesA.stream().anyMatch(surnamesB::contains);
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
        if (a == null || b == null) {
            return 0;
        }
        List<String> x = Arrays.asList(normalize(a).split(" "));
        List<String> y = Arrays.asList(normalize(b).split(" "));
        Set<String> common = new HashSet<>(x);
        common.retainAll(new HashSet<>(y));
        if (common.isEmpty()) {
            return 0;
        }
        double precision = (double) common.size() / new HashSet<>(x).size();
        double recall = (double) common.size() / new HashSet<>(y).size();
        return 2 * precision * recall / (precision + recall);
    }

    public static String normalize(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}

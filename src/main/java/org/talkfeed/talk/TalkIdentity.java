package org.talkfeed.talk;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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

    /**
     * What identity compares of a talk, normalized once: its date and start, its speakers' surnames and its
     * title's words (null: no title). A store can keep these beside each talk and match without reading the talks.
     */
    public record Traits(LocalDate date, LocalTime start, Set<String> surnames, Set<String> titleWords) {
        public static Traits of(Talk talk) {
            return new Traits(talk.date(), talk.start(), TalkIdentity.surnames(talk), titleWords(matchTitle(talk)));
        }

        /** Traits kept as text: surnames and {@link #matchTitle} words separated by spaces (null: none). */
        public static Traits of(LocalDate date, LocalTime start, String surnames, String matchTitle) {
            return new Traits(date, start, surnames == null || surnames.isEmpty() ? Set.of() : words(surnames), titleWords(matchTitle));
        }

        private static Set<String> titleWords(String matchTitle) {
            return matchTitle == null ? null : words(matchTitle);
        }

        private static Set<String> words(String text) {
            return new HashSet<>(Arrays.asList(text.split(" ")));
        }
    }

    /** The known talk the incoming one refers to, if any; the closest in date wins. */
    public static <T> Optional<T> match(Traits incoming, Kind kind, Iterable<T> known, Function<T, Traits> traitsOf) {
        T best = null;
        double bestScore = 0;
        for (T candidate : known) {
            double score = score(incoming, kind, traitsOf.apply(candidate));
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double score(Traits in, Kind kind, Traits known) {
        boolean sameSpeaker = !in.surnames().isEmpty() && in.surnames().stream().anyMatch(known.surnames()::contains);
        double title = similarity(in.titleWords(), known.titleWords());
        long days = in.date() == null || known.date() == null ? 999 : Math.abs(ChronoUnit.DAYS.between(in.date(), known.date()));
        boolean follows = kind != Kind.ANNOUNCEMENT;
        if (days == 0) {
            boolean sameStart = in.start() != null && in.start().equals(known.start());
            if (sameSpeaker || title >= 0.6) {
                return 3 + title + (sameStart ? 0.5 : 0);
            }
            if (follows && in.surnames().isEmpty() && in.titleWords() == null && sameStart) {
                return 1; // "today's seminar at 4pm is cancelled"
            }
            return 0;
        }
        if (follows && days <= 120 && (sameSpeaker && (title >= 0.5 || in.titleWords() == null || known.titleWords() == null))) {
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

    /** The title as identity compares it: normalized words separated by single spaces; null when there is no title. */
    public static String matchTitle(Talk talk) {
        return talk.title() == null ? null : normalize(talk.title());
    }

    /** Token F1 of two titles after normalizing; 0 when either is missing. */
    public static double titleSimilarity(String a, String b) {
        return similarity(a == null ? null : Traits.words(normalize(a)), b == null ? null : Traits.words(normalize(b)));
    }

    private static double similarity(Set<String> x, Set<String> y) {
        if (x == null || y == null) {
            return 0;
        }
        Set<String> smaller = x.size() <= y.size() ? x : y;
        Set<String> larger = smaller == x ? y : x;
        int common = 0;
        for (String word : smaller) {
            if (larger.contains(word)) {
                common++;
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / x.size();
        double recall = (double) common / y.size();
        return 2 * precision * recall / (precision + recall);
    }

    public static String normalize(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}

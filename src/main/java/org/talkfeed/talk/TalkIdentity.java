package org.talkfeed.talk;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Decides which known talk, if any, an incoming one is: never a guess. In order:
 * <ol>
 * <li>a reminder, update or cancellation that replies to or references messages that made known talks is about one of
 *     those talks, unless it differs from it in two of speakers, title and day (an update: in speakers and title);</li>
 * <li>a first announcement is a known talk only on the same day, with the same speaker, or with the same title and
 *     start; a different start or different speakers make it another talk, whatever the title;</li>
 * <li>a reminder, update or cancellation is a known talk on the same day with the same speaker, or the same title and
 *     start (a follow-up that gives no start: the same title), or, giving only a start, the one talk at that time;
 *     a different start is another talk, except for an update, which may move the time. Only an update (a moved or
 *     postponed talk) may be on another day: then it needs the same speaker, within 120 days, and titles that agree.</li>
 * </ol>
 * When two known talks fit equally well, none is taken, and the message changes nothing.
 */
public final class TalkIdentity {
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MOVE_WINDOW_DAYS = 120;
    private static final double SAME_TITLE = 0.8;
    private static final double AGREEING_TITLE = 0.5;

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

    /**
     * Where the known talks an incoming one may be are: on {@code date}, those that share one of its {@code surnames}
     * or name no speaker (all of them when it names none); and from {@code from} to {@code to}, those that share a
     * surname. Only an update looks beyond its own date; a talk without a date is looked for nowhere ({@code date} null).
     * A store lists these for {@link #match}, which takes no talk outside them but those of the thread.
     */
    public record Reach(LocalDate date, Set<String> surnames, LocalDate from, LocalDate to) {
    }

    /** Where {@link #match} may find the known talk that {@code incoming}, as a message of this kind, is. */
    public static Reach reach(Talk incoming, Kind kind) {
        LocalDate date = incoming.date();
        if (date == null || kind != Kind.UPDATE) {
            return new Reach(date, surnames(incoming), date, date);
        }
        return new Reach(date, surnames(incoming), date.minusDays(MOVE_WINDOW_DAYS), date.plusDays(MOVE_WINDOW_DAYS));
    }

    /** The known talk an incoming one is ({@code id}), or why none is ({@code id} null; {@code ambiguous}: several fit). */
    public record Match(Long id, String reason, boolean ambiguous) {
        static Match none(String reason) {
            return new Match(null, reason, false);
        }

        public boolean found() {
            return id != null;
        }
    }

    /** Which of the {@code threaded} talks (those the message replies to) or else of the {@code near} ones it is. */
    public static Match match(Talk incoming, Kind kind, List<KnownTalks.Candidate> threaded, List<KnownTalks.Candidate> near) {
        Traits in = Traits.of(incoming);
        List<KnownTalks.Candidate> inThread = kind == Kind.ANNOUNCEMENT ? List.of()
                : threaded.stream().filter(known -> !describesAnother(in, kind, known.traits())).toList();
        Match byThread = best(in, inThread, known -> true);
        if (byThread.found()) {
            return byThread;
        }
        if (in.date() == null) {
            return Match.none("it has no date to find its talk by");
        }
        Match byTraits = best(in, near, known -> fits(in, kind, known));
        if (byTraits.found() || byTraits.reason() != null) {
            return byTraits;
        }
        return Match.none("no known talk on " + in.date() + " has its speaker, or its title and start"
                + (kind == Kind.ANNOUNCEMENT ? "" : ", nor one within " + MOVE_WINDOW_DAYS + " days its speaker and title"));
    }

    private static Match best(Traits in, List<KnownTalks.Candidate> known, Predicate<Traits> fits) {
        List<KnownTalks.Candidate> fitting = new ArrayList<>();
        for (KnownTalks.Candidate candidate : known) {
            if (fits.test(candidate.traits())) {
                fitting.add(candidate);
            }
        }
        if (fitting.isEmpty()) {
            return Match.none(null);
        }
        fitting.sort(Comparator.comparingDouble((KnownTalks.Candidate c) -> -closeness(in, c.traits())).thenComparingLong(c -> c.id()));
        if (fitting.size() > 1 && closeness(in, fitting.get(0).traits()) == closeness(in, fitting.get(1).traits())) {
            return new Match(null, "it fits " + fitting.size() + " known talks equally well", true);
        }
        return new Match(fitting.get(0).id(), null, false);
    }

    /** Whether a known talk of the same day, or one an update or cancellation moves, is the incoming one. */
    private static boolean fits(Traits in, Kind kind, Traits known) {
        boolean sameSpeaker = sameSpeaker(in, known);
        boolean differentSpeakers = !in.surnames().isEmpty() && !known.surnames().isEmpty() && !sameSpeaker;
        double title = similarity(in.titleWords(), known.titleWords());
        boolean differentStart = in.start() != null && known.start() != null && !in.start().equals(known.start());
        boolean sameStart = in.start() != null && in.start().equals(known.start());
        if (Objects.equals(in.date(), known.date())) {
            if (differentSpeakers || differentStart && kind != Kind.UPDATE) {
                return false;
            }
            if (sameSpeaker || title >= SAME_TITLE && (sameStart || kind != Kind.ANNOUNCEMENT && in.start() == null)) {
                return true;
            }
            return kind != Kind.ANNOUNCEMENT && sameStart && in.surnames().isEmpty() && in.titleWords() == null;
        }
        return kind == Kind.UPDATE && sameSpeaker && daysApart(in, known) <= MOVE_WINDOW_DAYS
                && (title >= AGREEING_TITLE || in.titleWords() == null || known.titleWords() == null);
    }

    /**
     * A talk in the same thread is another one when the follow-up differs from it in two of speakers, title and day (one
     * alone may be a misreading); an update may change the day or the title, so for it only other speakers with another
     * title (or with the one of them it does not give) make another talk.
     */
    private static boolean describesAnother(Traits in, Kind kind, Traits known) {
        boolean differentSpeakers = !in.surnames().isEmpty() && !known.surnames().isEmpty() && !sameSpeaker(in, known);
        boolean differentTitle = in.titleWords() != null && known.titleWords() != null
                && similarity(in.titleWords(), known.titleWords()) < AGREEING_TITLE;
        if (kind != Kind.UPDATE) {
            boolean differentDay = in.date() != null && known.date() != null && !in.date().equals(known.date());
            return (differentSpeakers ? 1 : 0) + (differentTitle ? 1 : 0) + (differentDay ? 1 : 0) >= 2;
        }
        return differentSpeakers && differentTitle
                || differentSpeakers && in.titleWords() == null
                || differentTitle && in.surnames().isEmpty();
    }

    /** How much of a talk agrees with the incoming one, for choosing among those that fit: speaker, title, start, day. */
    private static double closeness(Traits in, Traits known) {
        return (sameSpeaker(in, known) ? 2 : 0) + similarity(in.titleWords(), known.titleWords())
                + (in.start() != null && in.start().equals(known.start()) ? 1 : 0)
                + (Objects.equals(in.date(), known.date()) ? 1 : 0) - Math.min(daysApart(in, known), 999) / 1000.0;
    }

    private static boolean sameSpeaker(Traits in, Traits known) {
        return !in.surnames().isEmpty() && in.surnames().stream().anyMatch(known.surnames()::contains);
    }

    private static long daysApart(Traits in, Traits known) {
        return in.date() == null || known.date() == null ? Long.MAX_VALUE : Math.abs(ChronoUnit.DAYS.between(in.date(), known.date()));
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

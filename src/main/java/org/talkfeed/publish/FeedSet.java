package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every calendar file the site publishes: {@code calendar.ics} (all talks), one feed per series, speaker and host,
 * each of those holding the talks of the last {@code windowDays} and every upcoming one; one feed per year of the
 * whole history ({@code calendar-YYYY.ics}); one file per talk. Each has a reminder variant ({@link Feed#withAlarms}).
 * Only talks with a date are in a calendar.
 */
record FeedSet(List<Feed> subscribable, List<StoredTalk> dated, List<Named> names, String siteName) {
    /**
     * A series, speaker or host: its name as first spelled, the slug of its feed and page, and all its talks with a
     * date, oldest first (its feed holds only those in the window).
     */
    record Named(Feed.Kind kind, String folder, String label, String slug, List<StoredTalk> talks) {
        String feedPath() {
            return folder + "/" + slug + ".ics";
        }
    }

    /** A cancellation stays in the windowed feeds at least this long, so that subscribers' clients see it. */
    static final Duration CANCELLED_KEPT = Duration.ofDays(30);
    static final String SERIES = "series";
    static final String SPEAKERS = "speakers";
    static final String HOSTS = "hosts";

    /** Oldest first: by instant, a talk without a zone at its local hour as if in UTC, a day without hour at its start. */
    static final Comparator<StoredTalk> CHRONOLOGICAL = Comparator.comparing(FeedSet::sortInstant).thenComparing(StoredTalk::id);

    private static Instant sortInstant(StoredTalk t) {
        return t.talk().startsAt().map(z -> z.toInstant())
                .orElseGet(() -> t.talk().date().atTime(t.talk().start() == null ? java.time.LocalTime.MIDNIGHT : t.talk().start())
                        .toInstant(ZoneOffset.UTC));
    }

    /**
     * @param slugs gives series, speaker and host feeds their addresses (and learns the new names)
     * @param today the day in the list's zone that splits past from upcoming
     */
    static FeedSet of(List<StoredTalk> all, FeedSlugs slugs, String siteName, int windowDays, LocalDate today, Instant now) {
        Map<StoredTalk, Instant> starts = new IdentityHashMap<>();
        List<StoredTalk> dated = all.stream().filter(t -> t.talk().date() != null)
                .sorted(Comparator.comparing((StoredTalk t) -> starts.computeIfAbsent(t, FeedSet::sortInstant)).thenComparing(StoredTalk::id))
                .toList();
        List<StoredTalk> windowed = dated.stream().filter(t -> inWindow(t, windowDays, today, now)).toList();
        List<StoredTalk> byCreation = dated.stream()
                .sorted(Comparator.comparing(StoredTalk::createdAt).thenComparing(StoredTalk::id)).toList();

        List<Feed> subscribable = new ArrayList<>();
        List<Named> names = new ArrayList<>();
        subscribable.add(new Feed("calendar.ics", Feed.Kind.ALL, null, siteName, windowed, true, false));
        named(subscribable, names, dated, byCreation, windowed, slugs, Feed.Kind.SERIES, SERIES, "series",
                t -> t.series() == null ? List.of() : List.of(t.series()), name -> name + " — " + siteName);
        named(subscribable, names, dated, byCreation, windowed, slugs, Feed.Kind.SPEAKER, SPEAKERS, "speaker",
                t -> t.speakers().stream().map(Speaker::name).toList(), name -> "Talks by " + name + " — " + siteName);
        named(subscribable, names, dated, byCreation, windowed, slugs, Feed.Kind.HOST, HOSTS, "host",
                t -> t.host() == null ? List.of() : List.of(t.host()), name -> "Hosted by " + name + " — " + siteName);
        Map<Integer, List<StoredTalk>> years = new TreeMap<>();
        for (StoredTalk talk : dated) {
            years.computeIfAbsent(talk.talk().date().getYear(), y -> new ArrayList<>()).add(talk);
        }
        years.forEach((year, members) -> subscribable.add(new Feed("calendar-" + year + ".ics", Feed.Kind.YEAR,
                String.valueOf(year), siteName + " " + year, members, false, false)));

        return new FeedSet(List.copyOf(subscribable), dated, List.copyOf(names), siteName);
    }

    /** The feed of each talk with a date (made when asked: a publish makes only those it renders). */
    List<Feed> talks() {
        return dated.stream().map(t -> talkFeed(t, siteName)).toList();
    }

    /** The feed of one talk (which has a date), at talks/SLUG.ics. */
    static Feed talkFeed(StoredTalk talk, String siteName) {
        return new Feed("talks/" + talk.slug() + ".ics", Feed.Kind.TALK, talk.slug(), titleOf(talk.talk()) + " — " + siteName,
                List.of(talk), false, false);
    }

    /** Every file: each feed and its reminder variant. */
    Stream<Feed> everyFile() {
        return Stream.concat(subscribable.stream(), talks().stream()).flatMap(f -> Stream.of(f, f.withAlarms()));
    }

    /**
     * In a windowed feed: a talk on or after the window's first day (today minus {@code windowDays}), or cancelled
     * within {@link #CANCELLED_KEPT} (the last change of a cancelled talk is its cancellation, or later).
     */
    static boolean inWindow(StoredTalk talk, int windowDays, LocalDate today, Instant now) {
        LocalDate date = talk.talk().date();
        if (date == null) {
            return false;
        }
        return !date.isBefore(today.minusDays(windowDays))
                || (talk.cancelled() && !talk.updatedAt().isBefore(now.minus(CANCELLED_KEPT)));
    }

    /**
     * One feed per name, in the order names first appear in talks by creation (so that slugs are given in that
     * order), with the windowed talks that carry the name. Spellings of one name share its feed, under the first one.
     */
    private static void named(List<Feed> feeds, List<Named> named, List<StoredTalk> dated, List<StoredTalk> byCreation,
                              List<StoredTalk> windowed, FeedSlugs slugs,
                              Feed.Kind kind, String folder, String fallback, Function<Talk, List<String>> names,
                              Function<String, String> title) {
        Map<String, String> keys = new HashMap<>(); // names repeat: each is normalized once
        Map<String, String> labels = new LinkedHashMap<>();
        for (StoredTalk talk : byCreation) {
            for (String name : names.apply(talk.talk())) {
                if (!name.isBlank()) {
                    labels.putIfAbsent(keys.computeIfAbsent(name, FeedSlugs::key), name.strip());
                }
            }
        }
        Map<String, List<StoredTalk>> members = new LinkedHashMap<>();
        Map<String, List<StoredTalk>> all = new HashMap<>();
        labels.keySet().forEach(key -> members.put(key, new ArrayList<>()));
        Set<StoredTalk> inWindow = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        inWindow.addAll(windowed);
        for (StoredTalk talk : dated) {
            Set<String> talkKeys = new LinkedHashSet<>();
            names.apply(talk.talk()).stream().filter(n -> !n.isBlank()).forEach(n -> talkKeys.add(keys.computeIfAbsent(n, FeedSlugs::key)));
            for (String key : talkKeys) {
                all.computeIfAbsent(key, k -> new ArrayList<>()).add(talk);
                if (inWindow.contains(talk)) {
                    members.get(key).add(talk);
                }
            }
        }
        labels.forEach((key, label) -> {
            String slug = slugs.slug(folder, label, fallback);
            feeds.add(new Feed(folder + "/" + slug + ".ics", kind, label, title.apply(label), members.get(key), true, false));
            named.add(new Named(kind, folder, label, slug, List.copyOf(all.get(key))));
        });
    }

    static String titleOf(Talk talk) {
        if (talk.title() != null) {
            return talk.title();
        }
        return talk.speakers().isEmpty() ? "Talk" : "Talk by " + talk.speakerNames();
    }
}

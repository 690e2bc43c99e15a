package org.talkfeed.publish;

import com.fasterxml.jackson.databind.MappingIterator;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Feeds of the talks a {@link FeedQuery} picks, made on request from the published site: its talks.json (the talks
 * the static feeds were made from, with their SEQUENCE and times) and its feed slugs. They have the static feeds'
 * window, properties and size limit. What was read is kept until talks.json is replaced, and only the talks that
 * can still be in a window (those in it when read, since windows only move forward) are kept.
 */
public final class FilteredFeeds {
    private final Path site;
    private final FeedSettings settings;
    private final ZoneId zone;
    private final Clock clock;
    private Snapshot snapshot;

    /**
     * @param zone the list's zone, whose "today" ends the windows (as for the static feeds)
     */
    public FilteredFeeds(Path site, FeedSettings settings, String zone, Clock clock) {
        this.site = site;
        this.settings = settings;
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    /**
     * One feed made for a query: its talks, a fingerprint of everything it shows (for an ETag), and when the talks it
     * was made from were published.
     */
    public final class Selection {
        private final Feed feed;
        private final String fingerprint;
        private final Instant published;

        private Selection(Feed feed, String fingerprint, Instant published) {
            this.feed = feed;
            this.fingerprint = fingerprint;
            this.published = published;
        }

        public String fingerprint() {
            return fingerprint;
        }

        public Instant published() {
            return published;
        }

        public int size() {
            return feed.members().size();
        }

        public String render() {
            return new CalendarFeed(settings).render(feed);
        }
    }

    /** The feed for this query, with reminders or not; null while the site has not been published. */
    public Selection select(FeedQuery query, boolean alarms) throws IOException {
        Snapshot current = current();
        if (current == null) {
            return null;
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Wanted wanted = Wanted.of(query);
        List<StoredTalk> members = current.entries.stream()
                .filter(e -> FeedSet.inWindow(e.talk, settings.windowDays(), today, now) && e.matches(wanted))
                .map(Entry::talk).sorted(FeedSet.CHRONOLOGICAL).toList();
        String path = (alarms ? "calendar.alarm.ics" : "calendar.ics") + "?" + query.queryString();
        String title = current.title(query) + " — " + settings.name() + (alarms ? " (with reminders)" : "");
        Feed feed = new Feed(path, Feed.Kind.ALL, null, title, members, true, alarms);
        return new Selection(feed, fingerprint(feed), current.published);
    }

    private String fingerprint(Feed feed) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder text = new StringBuilder().append(settings).append('\n').append(feed.path()).append('\n')
                .append(feed.title()).append('\n');
        for (StoredTalk talk : feed.members()) {
            text.append(talk.uid()).append(' ').append(talk.sequence()).append(' ').append(talk.updatedAt()).append('\n');
        }
        return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 16);
    }

    /** What talks.json holds now, read again only when it was replaced. */
    private synchronized Snapshot current() throws IOException {
        Path file = site.resolve("talks.json");
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        List<Object> version = java.util.Arrays.asList(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        if (snapshot == null || !snapshot.version.equals(version)) {
            snapshot = read(file, version, attributes.lastModifiedTime().toInstant());
        }
        return snapshot;
    }

    private Snapshot read(Path file, List<Object> version, Instant published) throws IOException {
        FeedSlugs slugs = FeedSlugs.read(site.resolve(FeedSlugs.FILE_NAME));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Entry> entries = new ArrayList<>();
        Map<String, Map<String, String>> labels = new HashMap<>();
        long id = 0;
        try (MappingIterator<SitePublisher.PublishedTalk> talks = TalkJson.MAPPER.readerFor(SitePublisher.PublishedTalk.class)
                .readValues(file.toFile())) {
            while (talks.hasNext()) {
                StoredTalk talk = talks.next().stored(++id);
                if (FeedSet.inWindow(talk, settings.windowDays(), today, now)) {
                    entries.add(entry(talk, slugs, labels));
                }
            }
        }
        return new Snapshot(version, published, List.copyOf(entries), labels);
    }

    private static Entry entry(StoredTalk stored, FeedSlugs slugs, Map<String, Map<String, String>> labels) {
        Talk talk = stored.talk();
        List<String> speakers = talk.speakers().stream().map(Speaker::name).toList();
        List<String> words = new ArrayList<>();
        words.add(talk.title());
        for (Speaker speaker : talk.speakers()) {
            words.add(speaker.name());
            words.add(speaker.affiliation());
        }
        words.addAll(List.of(Objects.toString(talk.host(), ""), Objects.toString(talk.series(), ""),
                Objects.toString(talk.location(), ""), Objects.toString(talk.abstractText(), "")));
        String text = " " + FeedQuery.fold(words.stream().filter(Objects::nonNull).collect(Collectors.joining(" "))) + " ";
        return new Entry(stored,
                keys(talk.series() == null ? List.of() : List.of(talk.series()), FeedSet.SERIES, "series", slugs, labels),
                keys(speakers, FeedSet.SPEAKERS, "speaker", slugs, labels),
                keys(talk.host() == null ? List.of() : List.of(talk.host()), FeedSet.HOSTS, "host", slugs, labels),
                text);
    }

    /** Each name folded and the slug of its feed, each of them remembered as a key to the name's first spelling. */
    private static Set<String> keys(List<String> names, String folder, String fallback, FeedSlugs slugs,
                                    Map<String, Map<String, String>> labels) {
        Set<String> keys = new HashSet<>();
        Map<String, String> known = labels.computeIfAbsent(folder, f -> new HashMap<>());
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            for (String key : List.of(FeedQuery.fold(name), slugs.slug(folder, name, fallback))) {
                keys.add(key);
                known.putIfAbsent(key, name.strip());
            }
        }
        return keys;
    }

    /**
     * What a query compares, folded once per request: each name as folded and as lower-cased (a feed slug), and the
     * words of each {@code q}.
     */
    private record Wanted(List<Set<String>> series, List<Set<String>> speakers, List<Set<String>> hosts, List<String[]> words) {
        static Wanted of(FeedQuery query) {
            return new Wanted(names(query.series()), names(query.speakers()), names(query.hosts()),
                    query.words().stream().map(FeedQuery::fold).map(q -> q.isEmpty() ? null : q.split(" ")).toList());
        }

        private static List<Set<String>> names(List<String> values) {
            return values.stream().map(v -> java.util.stream.Stream.of(FeedQuery.fold(v), v.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet())).toList();
        }
    }

    /** A talk that can be in a window, with what a query compares. */
    private record Entry(StoredTalk talk, Set<String> series, Set<String> speakers, Set<String> hosts, String text) {
        boolean matches(Wanted wanted) {
            return anyName(wanted.series(), series) && anyName(wanted.speakers(), speakers) && anyName(wanted.hosts(), hosts)
                    && wanted.words().stream().allMatch(this::hasWords);
        }

        private static boolean anyName(List<Set<String>> wanted, Set<String> keys) {
            return wanted.isEmpty() || wanted.stream().anyMatch(forms -> forms.stream().anyMatch(keys::contains));
        }

        /** Every word of one {@code q} begins a word of the talk's text. */
        private boolean hasWords(String[] words) {
            return words != null && java.util.Arrays.stream(words).allMatch(w -> text.contains(" " + w));
        }
    }

    private record Snapshot(List<Object> version, Instant published, List<Entry> entries,
                            Map<String, Map<String, String>> labels) {
        /** What the query asks, as a feed's name: "Theory Seminar, talks by Ada Lovelace, matching “graphs”". */
        String title(FeedQuery query) {
            List<String> parts = new ArrayList<>();
            addPart(parts, query.series(), FeedSet.SERIES, name -> name);
            addPart(parts, query.speakers(), FeedSet.SPEAKERS, name -> "talks by " + name);
            addPart(parts, query.hosts(), FeedSet.HOSTS, name -> "hosted by " + name);
            if (!query.words().isEmpty()) {
                parts.add("matching " + query.words().stream().map(w -> "“" + w + "”").collect(Collectors.joining(" and ")));
            }
            String title = String.join(", ", parts);
            return Character.toUpperCase(title.charAt(0)) + title.substring(1);
        }

        private void addPart(List<String> parts, List<String> values, String folder, Function<String, String> phrase) {
            if (values.isEmpty()) {
                return;
            }
            Map<String, String> known = labels.getOrDefault(folder, Map.of());
            parts.add(phrase.apply(values.stream().map(v -> known.getOrDefault(FeedQuery.fold(v),
                    known.getOrDefault(v.toLowerCase(Locale.ROOT), v))).collect(Collectors.joining(" or "))));
        }
    }
}

package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.TalkJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Store to files: site/calendar.ics and the other feeds of {@link FeedSet} (each with its reminder variant),
 * site/index.html, site/talks.json and site/talks/SLUG.{html,ics}.
 */
public final class SitePublisher {
    private static final Pattern YEAR_FEED = Pattern.compile("calendar-\\d{4}(\\.alarm)?\\.ics");

    private final Path site;
    private final FeedSettings settings;
    private final HtmlPages pages;
    private final Clock clock;
    private final String timezone;

    public SitePublisher(Path site, String calendarName, Duration defaultDuration, String baseUrl, String timezone, Clock clock) {
        this(site, FeedSettings.withDefaults(calendarName, defaultDuration, baseUrl), timezone, clock);
    }

    /**
     * @param timezone the zone whose "today" splits upcoming from past talks and ends the feeds' windows
     */
    public SitePublisher(Path site, FeedSettings settings, String timezone, Clock clock) {
        this.site = site;
        this.settings = settings;
        this.pages = new HtmlPages(settings.name(), new SubscribeLinks(settings.baseUrl(), settings.defaultDuration()));
        this.timezone = timezone;
        this.clock = clock;
    }

    public PublishReport publish(List<StoredTalk> talks) throws IOException {
        SiteFiles files = new SiteFiles();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneId.of(timezone));
        Path slugFile = site.resolve(FeedSlugs.FILE_NAME);
        FeedSlugs slugs = FeedSlugs.read(slugFile);
        FeedSet feeds = FeedSet.of(talks, slugs, settings.name(), settings.windowDays(), today, now);
        // kept before any feed that uses a new slug is written, so a published address is always on record
        files.write(slugFile, slugs.json());
        CalendarFeed calendar = new CalendarFeed(settings);
        Set<Path> current = new HashSet<>();
        for (Feed feed : (Iterable<Feed>) feeds.everyFile()::iterator) {
            Path file = site.resolve(feed.path());
            files.write(file, calendar.render(feed));
            current.add(file);
        }
        files.write(site.resolve("index.html"), pages.index(talks, today, feeds.subscribable()));
        files.write(site.resolve("talks.json"), TalkJson.writePretty(talks.stream()
                .map(PublishedTalk::of).toList()));
        for (StoredTalk talk : talks) {
            Path html = site.resolve("talks").resolve(talk.slug() + ".html");
            files.write(html, pages.talk(talk));
            current.add(html);
        }
        int removed = 0;
        for (String folder : List.of("talks", FeedSet.SERIES, FeedSet.SPEAKERS, FeedSet.HOSTS)) {
            removed += removeStale(site.resolve(folder), file -> !current.contains(file));
        }
        removed += removeStale(site, file -> YEAR_FEED.matcher(file.getFileName().toString()).matches() && !current.contains(file));
        return new PublishReport(talks.size(), files.written(), files.unchanged(), removed);
    }

    /** One entry of talks.json: with its SEQUENCE and times, the filtered feeds the server makes from it match the static ones. */
    record PublishedTalk(String uid, String slug, boolean cancelled, int sequence, Instant created, Instant updated,
                         org.talkfeed.talk.Talk talk) {
        static PublishedTalk of(StoredTalk t) {
            return new PublishedTalk(t.uid(), t.slug(), t.cancelled(), t.sequence(), t.createdAt(), t.updatedAt(), t.talk());
        }

        StoredTalk stored(long id) {
            return new StoredTalk(id, uid, slug, cancelled, sequence, talk, created, updated);
        }
    }

    private static int removeStale(Path dir, Predicate<Path> stale) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.toList()) {
                if (Files.isRegularFile(file) && stale.test(file)) {
                    Files.delete(file);
                    removed++;
                }
            }
        }
        return removed;
    }
}

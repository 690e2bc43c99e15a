package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.TalkJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Store to files: site/calendar.ics, site/index.html, site/talks.json and site/talks/SLUG.{html,ics}. */
public final class SitePublisher {
    private final Path site;
    private final CalendarFeed calendar;
    private final HtmlPages pages;
    private final Clock clock;
    private final String timezone;

    /**
     * @param timezone the zone whose "today" splits upcoming from past talks
     */
    public SitePublisher(Path site, String calendarName, Duration defaultDuration, String baseUrl, String timezone, Clock clock) {
        this.site = site;
        this.calendar = new CalendarFeed(calendarName, defaultDuration, baseUrl);
        this.pages = new HtmlPages(calendarName);
        this.timezone = timezone;
        this.clock = clock;
    }

    public PublishReport publish(List<StoredTalk> talks) throws IOException {
        SiteFiles files = new SiteFiles();
        files.write(site.resolve("calendar.ics"), calendar.render(talks));
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of(timezone)));
        files.write(site.resolve("index.html"), pages.index(talks, today));
        files.write(site.resolve("talks.json"), TalkJson.writePretty(talks.stream()
                .map(t -> new PublishedTalk(t.uid(), t.slug(), t.cancelled(), t.talk())).toList()));
        Set<Path> current = new HashSet<>();
        for (StoredTalk talk : talks) {
            Path html = site.resolve("talks").resolve(talk.slug() + ".html");
            Path ics = site.resolve("talks").resolve(talk.slug() + ".ics");
            files.write(html, pages.talk(talk));
            if (talk.talk().date() != null) {
                files.write(ics, calendar.render(List.of(talk)));
                current.add(ics);
            }
            current.add(html);
        }
        int removed = removeStale(site.resolve("talks"), current);
        return new PublishReport(talks.size(), files.written(), files.unchanged(), removed);
    }

    /** One entry of talks.json. */
    private record PublishedTalk(String uid, String slug, boolean cancelled, org.talkfeed.talk.Talk talk) {
    }

    private static int removeStale(Path dir, Set<Path> keep) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.toList()) {
                if (!keep.contains(file) && Files.isRegularFile(file)) {
                    Files.delete(file);
                    removed++;
                }
            }
        }
        return removed;
    }
}

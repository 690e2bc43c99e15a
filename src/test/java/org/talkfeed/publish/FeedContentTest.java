package org.talkfeed.publish;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What each feed says: reminders only in the variants, refresh hints and names, join links, absolute links, and size. */
class FeedContentTest {
    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final LocalTime FOUR = LocalTime.of(16, 0);
    private static final String BASE = "https://talks.example.edu";

    private final FeedTalks talks = new FeedTalks();

    private static FeedSettings settings(String baseUrl) {
        return new FeedSettings("Dept talks", Duration.ofHours(1), baseUrl, 90, Duration.ofMinutes(15), Duration.ofMinutes(60));
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void onlyTheReminderVariantsCarryAlarms() {
        List<StoredTalk> all = List.of(talks.talk(TODAY.plusDays(1), FOUR, "America/Chicago", "Theory", "H", "A B"),
                talks.talk(TODAY.plusDays(2), null, "America/Chicago", "Theory", "H", "C D"));
        FeedSet set = FeedSet.of(all, FeedSlugs.empty(), "Dept talks", 90, TODAY, NOW);
        CalendarFeed calendar = new CalendarFeed(new FeedSettings("Dept talks", Duration.ofHours(1), null, 90,
                Duration.ofMinutes(30), Duration.ofMinutes(60)));

        List<Feed> files = set.everyFile().toList();
        assertThat(files).hasSize(2 * (1 + 1 + 2 + 1 + 1 + 2));
        for (Feed feed : files) {
            String text = calendar.render(feed);
            int events = count(text, "BEGIN:VEVENT");
            assertThat(events).as(feed.path()).isPositive();
            if (feed.alarms()) {
                assertThat(feed.path()).endsWith(".alarm.ics");
                assertThat(count(text, "BEGIN:VALARM")).as(feed.path()).isEqualTo(events);
                assertThat(count(text, "TRIGGER:-PT30M\r\n")).as(feed.path()).isEqualTo(events);
                assertThat(count(text, "ACTION:DISPLAY\r\n")).as(feed.path()).isEqualTo(events);
                assertThat(text).contains("NAME:" + feed.title());
            } else {
                assertThat(text).as(feed.path()).doesNotContain("VALARM", "TRIGGER");
            }
        }
    }

    @Test
    void everyFeedHasItsNameRefreshHintsAndWithABaseUrlItsSource() throws Exception {
        StoredTalk talk = talks.talk(TODAY.plusDays(1), FOUR, "Europe/Berlin", "Theory Seminar", null, "Ada Moreno");
        Feed series = FeedSet.of(List.of(talk), FeedSlugs.empty(), "Dept talks", 90, TODAY, NOW).subscribable().stream()
                .filter(f -> f.kind() == Feed.Kind.SERIES).findFirst().orElseThrow();

        String withBase = new CalendarFeed(settings(BASE + "/")).render(series);
        String withoutBase = new CalendarFeed(settings(null)).render(series);

        assertThat(withBase).contains("\r\nNAME:Theory Seminar — Dept talks\r\n", "\r\nX-WR-CALNAME:Theory Seminar — Dept talks\r\n",
                "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n", "\r\nX-PUBLISHED-TTL:PT1H\r\n",
                "\r\nSOURCE:https://talks.example.edu/series/theory-seminar.ics\r\n", "\r\nX-WR-TIMEZONE:Europe/Berlin\r\n",
                "\r\nURL:https://talks.example.edu/talks/" + talk.slug() + ".html\r\n");
        assertThat(withoutBase).contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H", "X-PUBLISHED-TTL:PT1H")
                .doesNotContain("SOURCE:", "URL:");
        Calendar parsed = new CalendarBuilder().build(new StringReader(withBase));
        assertThat(parsed.getProperty("REFRESH-INTERVAL").orElseThrow().getValue()).isEqualTo("PT1H");
        assertThat(parsed.getProperty("SOURCE").orElseThrow().getValue()).isEqualTo(BASE + "/series/theory-seminar.ics");

        StoredTalk elsewhere = talks.talk(TODAY.plusDays(2), FOUR, "America/New_York", "Theory Seminar", null, "Ada Moreno");
        assertThat(new CalendarFeed(settings(null)).render(List.of(talk, elsewhere))).as("two zones: no single zone to name")
                .doesNotContain("X-WR-TIMEZONE");
    }

    @Test
    void anOnlineTalkHasItsJoinLinkAsConferenceAndInLocationOrUrl() {
        String join = "https://zoom.example.com/j/123?pwd=abc";
        StoredTalk online = talks.talk(TODAY.plusDays(1), FOUR, "America/Chicago", null, null, true, join, "A B");

        String withoutBase = unfold(new CalendarFeed(settings(null)).render(List.of(online)));
        String withBase = unfold(new CalendarFeed(settings(BASE)).render(List.of(online)));

        assertThat(withoutBase).contains("\r\nCONFERENCE;VALUE=URI;FEATURE=VIDEO:" + join + "\r\n", "\r\nURL:" + join + "\r\n",
                "\r\nLOCATION:Online: " + join + "\r\n");
        assertThat(withBase).contains("\r\nCONFERENCE;VALUE=URI;FEATURE=VIDEO:" + join + "\r\n",
                "\r\nURL:" + BASE + "/talks/" + online.slug() + ".html\r\n", "\r\nLOCATION:Online: " + join + "\r\n");
        StoredTalk inRoom = talks.talk(TODAY.plusDays(1), FOUR, "America/Chicago", null, null, "A B");
        assertThat(new CalendarFeed(settings(null)).render(List.of(inRoom))).doesNotContain("CONFERENCE");
    }

    @Test
    void theArchiveLinksEveryFeedForSubscribingAndEachTalkForAdding(@TempDir Path site) throws Exception {
        StoredTalk talk = talks.talk(LocalDate.of(2026, 6, 10), FOUR, "America/Chicago", "Theory Seminar", "Bo Host", "Ada Moreno");
        new SitePublisher(site, settings(BASE), "America/Chicago", Clock.fixed(NOW, ZoneOffset.UTC)).publish(List.of(talk));

        // each feed is linked where a reader looks for it: all talks on the index and feeds.html, years on feeds.html, a
        // series', speaker's or host's on its page
        Map<String, List<String>> linkedFrom = Map.of("calendar.ics", List.of("index.html", "feeds.html"),
                "calendar.alarm.ics", List.of("index.html", "feeds.html"), "calendar-2026.ics", List.of("feeds.html"),
                "series/theory-seminar.ics", List.of("series/theory-seminar.html"),
                "series/theory-seminar.alarm.ics", List.of("series/theory-seminar.html"),
                "speakers/ada-moreno.ics", List.of("speakers/ada-moreno.html"), "hosts/bo-host.ics", List.of("hosts/bo-host.html"));
        for (Map.Entry<String, List<String>> feed : linkedFrom.entrySet()) {
            String path = feed.getKey();
            String webcal = "webcal://talks.example.edu/" + path;
            for (String page : feed.getValue()) {
                assertThat(org.jsoup.Jsoup.parse(site.resolve(page).toFile()).select("a").eachAttr("href")).as(path + " on " + page)
                        .contains(BASE + "/" + path, webcal,
                                "https://calendar.google.com/calendar/r?cid=" + java.net.URLEncoder.encode(webcal, StandardCharsets.UTF_8));
            }
            assertThat(site.resolve(path)).exists();
        }

        List<String> links = org.jsoup.Jsoup.parse(site.resolve("talks/" + talk.slug() + ".html").toFile()).select("a").eachAttr("href");
        assertThat(links).contains(BASE + "/talks/" + talk.slug() + ".ics", BASE + "/talks/" + talk.slug() + ".alarm.ics");
        String link = links.stream().filter(l -> l.startsWith("https://calendar.google.com/calendar/render?")).findFirst().orElseThrow();
        assertThat(link).contains("action=TEMPLATE", "&dates=20260610T210000Z/20260610T220000Z");
        assertThat(URLDecoder.decode(link, StandardCharsets.UTF_8)).contains("text=Talk number 1 (Ada Moreno)", "location=Room 1",
                "details=Speaker: Ada Moreno");
    }

    @Test
    void withoutABaseUrlLinksStayRelative(@TempDir Path site) throws Exception {
        StoredTalk talk = talks.talk(LocalDate.of(2026, 6, 10), FOUR, "America/Chicago", "Theory Seminar", null, "Ada Moreno");
        new SitePublisher(site, settings(null), "America/Chicago", Clock.fixed(NOW, ZoneOffset.UTC)).publish(List.of(talk));

        String index = Files.readString(site.resolve("index.html"));
        assertThat(index).contains("href=\"calendar.ics\"", "href=\"calendar.alarm.ics\"").doesNotContain("webcal:", "cid=");
        assertThat(Files.readString(site.resolve("series/theory-seminar.html")))
                .contains("href=\"../series/theory-seminar.ics\"", "href=\"../series/theory-seminar.alarm.ics\"")
                .doesNotContain("webcal:", "cid=");
        assertThat(Files.readString(site.resolve("talks/" + talk.slug() + ".html"))).contains("href=\"../talks/" + talk.slug() + ".ics\"");
    }

    /** 20,000 talks with long abstracts over three years: every feed stays under 1 MB, shortening before leaving out. */
    @Test
    void everyFeedStaysUnderOneMegabyteFor20000Talks() throws Exception {
        Random random = new Random(13);
        String[] zones = {"America/Chicago", "Europe/Berlin", "Australia/Sydney"};
        List<StoredTalk> all = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(3 * 365));
            String speaker = "Speaker " + random.nextInt(2_000);
            Talk talk = new Talk("Title " + i + " on graphs, proofs and programs", List.of(new Speaker(speaker, "University " + i % 50)),
                    day, LocalTime.of(9 + random.nextInt(8), 0), null, zones[i % 3], "Room " + i % 40, i % 7 == 0,
                    i % 7 == 0 ? "https://zoom.example.com/j/" + i : null, "Host " + i % 30, "Series " + i % 10,
                    "Abstract " + i + ". " + "We study the structure of sparse graphs and what it means for algorithms. ".repeat(12),
                    null, 1.0, List.of());
            Instant created = FeedTalks.CREATED.plusSeconds(i);
            all.add(new StoredTalk(i + 1, "uid-" + i + "@talkfeed", "talk-" + i, false, 0, talk, created, created));
        }
        FeedSet set = FeedSet.of(all, FeedSlugs.empty(), "Dept talks", 90, TODAY, NOW);
        CalendarFeed calendar = new CalendarFeed(settings(BASE));

        List<Feed> feeds = new ArrayList<>(set.subscribable());
        set.subscribable().forEach(f -> feeds.add(f.withAlarms()));
        feeds.addAll(set.talks().subList(0, 200));
        int leftOut = 0;
        for (Feed feed : feeds) {
            String text = calendar.render(feed);
            assertThat(text.getBytes(StandardCharsets.UTF_8).length).as(feed.path()).isLessThan(CalendarFeed.MAX_OCTETS);
            int events = count(text, "BEGIN:VEVENT");
            if (events < feed.members().size()) {
                leftOut++;
                assertThat(text).as("%s: shortened before talks are left out", feed.path()).doesNotContain("sparse graphs")
                        .contains("Details: " + BASE + "/talks/");
                StoredTalk newest = feed.members().get(feed.members().size() - 1);
                StoredTalk firstLeftOut = feed.members().get(feed.members().size() - events - 1);
                assertThat(text).as("%s: the newest talks stay, the oldest go", feed.path())
                        .contains("UID:" + newest.uid()).doesNotContain("UID:" + firstLeftOut.uid() + "\r\n");
            }
        }
        Feed whole = set.subscribable().get(0);
        assertThat(whole.path()).isEqualTo("calendar.ics");
        assertThat(whole.members().size()).as("the window holds thousands of talks").isGreaterThan(10_000);
        assertThat(leftOut).as("feeds too large even when shortened").isPositive();
        assertThat(feeds).filteredOn(f -> f.kind() == Feed.Kind.SPEAKER).hasSizeGreaterThan(1_900);
        assertThat(new CalendarBuilder().build(new StringReader(calendar.render(whole))).getComponents("VEVENT")).isNotEmpty();
    }

    @Test
    void aSingleTalkWithAHugeAbstractIsShortenedToFit() {
        StoredTalk talk = talks.talk(TODAY, FOUR, "America/Chicago", null, null, "A B");
        Talk huge = new Talk(talk.talk().title(), talk.talk().speakers(), TODAY, FOUR, null, "America/Chicago", "Room", false, null,
                null, null, "\u4E2D".repeat(500_000), null, 1.0, List.of());
        StoredTalk stored = new StoredTalk(talk.id(), talk.uid(), talk.slug(), false, 0, huge, talk.createdAt(), talk.updatedAt());

        String text = new CalendarFeed(settings(null)).render(List.of(stored));

        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(CalendarFeed.MAX_OCTETS);
        assertThat(text).contains("UID:" + talk.uid(), "Details: talks/" + talk.slug() + ".html").doesNotContain("\u4E2D");
    }

    private static String unfold(String text) {
        return text.replace("\r\n ", "");
    }
}

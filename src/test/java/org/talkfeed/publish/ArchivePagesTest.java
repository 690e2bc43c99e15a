package org.talkfeed.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive's pages as a reader's browser gets them, parsed with jsoup: their skeleton, escaping, pages and lists. */
class ArchivePagesTest {
    /** A Wednesday: this week runs from Monday 1 June to Sunday 7 June 2026. */
    private static final Instant NOW = Instant.parse("2026-06-03T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 3);
    private static final LocalTime FOUR = LocalTime.of(16, 0);
    private static final String CHICAGO = "America/Chicago";

    private final FeedTalks talks = new FeedTalks();

    private static SitePublisher publisher(Path site, Path templates) {
        return new SitePublisher(site, FeedSettings.withDefaults("Dept talks", Duration.ofHours(1), null), CHICAGO, templates,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Document page(Path site, String path) throws Exception {
        Path file = site.resolve(path);
        return Jsoup.parse(file.toFile(), "UTF-8", file.toUri().toString());
    }

    private static List<String> pages(Path site) throws Exception {
        try (Stream<Path> walk = Files.walk(site)) {
            return walk.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString()).sorted().toList();
        }
    }

    private static StoredTalk with(StoredTalk stored, Talk talk) {
        return new StoredTalk(stored.id(), stored.uid(), stored.slug(), stored.cancelled(), stored.sequence(), talk,
                stored.createdAt(), stored.updatedAt());
    }

    @Test
    void everyPageHasTheSkeletonTheBrowserTestsAndSearchBuildOn(@TempDir Path site) throws Exception {
        StoredTalk talk = talks.talk(TODAY.plusDays(1), FOUR, CHICAGO, "Theory", "Grace Host", "Ada Moreno");
        StoredTalk old = talks.talk(TODAY.minusDays(40), FOUR, CHICAGO, "Theory", null, "Bo Li");
        publisher(site, null).publish(List.of(talk, old));

        List<String> all = pages(site);
        assertThat(all).contains("index.html", "feeds.html", "talks/talk-1.html", "speakers/ada-moreno.html", "speakers/index.html",
                "series/theory.html", "series/index.html", "hosts/grace-host.html", "hosts/index.html");
        for (String path : all) {
            Document doc = page(site, path);
            String root = path.contains("/") ? "../" : "";
            assertThat(doc.select("a.skip[href=#main]")).as(path).hasSize(1);
            assertThat(doc.select("header nav[aria-label=Archive] a")).extracting(Element::text).as(path)
                    .containsExactly("Talks", "Speakers", "Series", "Hosts", "Digests", "Feeds");
            Element form = doc.selectFirst("header form[role=search]#search-form");
            assertThat(form).as(path).isNotNull();
            assertThat(form.attr("action")).isEqualTo(root + "index.html");
            assertThat(form.select("label[for=search]").text()).isEqualTo("Search talks");
            assertThat(form.select("input[type=search]#search[name=q][autocomplete=off]")).hasSize(1);
            assertThat(doc.select("main#main > section#search-results[aria-live=polite][hidden]")).as(path).hasSize(1);
            assertThat(doc.select("main h1")).as(path).hasSize(1);
            assertThat(doc.select("footer a[href=" + root + "atom.xml]")).as(path).hasSize(1);
            assertThat(doc.select("script[src=" + root + "search.js][data-root=" + root + "][defer]")).as(path).hasSize(1);
            assertThat(doc.select("link[rel=stylesheet]").attr("href")).as(path).isEqualTo(root + "style.css");
            int level = 1;
            for (Element heading : doc.select("main h1, main h2, main h3, main h4")) {
                int next = heading.tagName().charAt(1) - '0';
                assertThat(next).as(path + ": " + heading).isLessThanOrEqualTo(level + 1);
                level = next;
            }
            for (Element link : doc.select("a[href]")) {
                String href = link.attr("href");
                if (!href.contains(":") && !href.startsWith("#") && !href.startsWith("digest/") && !href.contains("/digest/")) {
                    Path target = site.resolve(path).resolveSibling(href.replaceAll("#.*", "")).normalize();
                    assertThat(target).as(path + " links " + href).exists();
                }
            }
        }
        assertThat(site.resolve("style.css")).isRegularFile();
    }

    @Test
    void theTalkPageSaysEverythingKnownWithItsZoneAndOffsetAndLinksItsPeople(@TempDir Path site) throws Exception {
        StoredTalk stored = talks.talk(LocalDate.of(2026, 3, 3), FOUR, "America/New_York", "Theory", "Grace Host", "x");
        Talk t = stored.talk();
        StoredTalk talk = with(stored, new Talk("Graph minors", List.of(new Speaker("Ada Moreno", "University of Somewhere"),
                new Speaker("Bo Li", null)), t.date(), FOUR, LocalTime.of(17, 0), t.timezone(), "Room 1", true,
                "https://zoom.example.com/j/1", "Grace Host", "Theory", "An abstract.", "A bio.", 1.0, List.of()));
        publisher(site, null).publish(List.of(talk));

        Document doc = page(site, "talks/" + talk.slug() + ".html");
        assertThat(doc.select("main h1").text()).isEqualTo("Graph minors");
        Map<String, String> facts = new HashMap<>();
        List<String> speakers = new ArrayList<>();
        for (Element dt : doc.select("dl.facts dt")) {
            facts.put(dt.text(), dt.nextElementSibling().text());
            if (dt.text().equals("Speaker")) {
                speakers.add(dt.nextElementSibling().text());
            }
        }
        assertThat(speakers).containsExactly("Ada Moreno, University of Somewhere", "Bo Li");
        assertThat(facts).containsEntry("When", "Tue 3 Mar 2026, 16:00–17:00 EST (UTC\u221205:00)").containsEntry("Where", "Room 1")
                .containsEntry("Online", "https://zoom.example.com/j/1").containsEntry("Host", "Grace Host").containsEntry("Series", "Theory");
        assertThat(doc.select("dl.facts a").eachAttr("href")).contains("../speakers/ada-moreno.html", "../speakers/bo-li.html",
                "../hosts/grace-host.html", "../series/theory.html", "https://zoom.example.com/j/1", "../talks/" + talk.slug() + ".ics",
                "../talks/" + talk.slug() + ".alarm.ics");
        assertThat(doc.select("h2").eachText()).containsExactly("Abstract", "Bio");
        assertThat(doc.select(".status")).isEmpty();

        StoredTalk cancelled = FeedTalks.cancelled(talk, NOW);
        publisher(site, null).publish(List.of(cancelled));
        Document after = page(site, "talks/" + talk.slug() + ".html");
        assertThat(after.select(".status .badge").text()).isEqualTo("Cancelled");
        assertThat(page(site, "index.html").select("li.talk.cancelled .badge").text()).isEqualTo("Cancelled");
    }

    @Test
    void aTalkFromTheStoreShowsWhatChangedAndTheMessagesAsTheyCame(@TempDir Path dir) throws Exception {
        String admin = "Talk Admin <admin@dept.example>";
        String date = "Mon, 2 Mar 2026 09:00:00 -0600";
        org.talkfeed.SetClock clock = new org.talkfeed.SetClock(Instant.parse("2026-03-02T15:00:00Z"));
        try (org.talkfeed.store.TalkStore store = org.talkfeed.store.TalkStore.open(dir.resolve("t.db"), clock)) {
            org.talkfeed.pipeline.MessageProcessor processor = new org.talkfeed.pipeline.MessageProcessor(store);
            org.talkfeed.config.MailboxConfig list = org.talkfeed.config.MailboxConfig.of("list",
                    org.talkfeed.extract.ExtractionDefaults.NONE);
            processor.process(new org.talkfeed.mail.RawMessage("a", org.talkfeed.TestMail.plain(admin, "<a@dept.example>", date,
                    "Talk: Graph Minors", "Title: Graph Minors\nSpeaker: Ada Quint, Lakeshore University\nDate: Thursday, March 5, 2026\n"
                            + "Time: 4:00-5:00 pm\nPlace: Hall 210\n\n<script>alert(1)</script>",
                    "Archived-At: <https://lists.dept.example/archive/2026/000123.html>\n")), list);
            clock.set(Instant.parse("2026-03-02T16:00:00Z"));
            processor.process(new org.talkfeed.mail.RawMessage("b", org.talkfeed.TestMail.plain(admin, "<b@dept.example>", date,
                    "Room change: Graph Minors", "Ada Quint's talk on Thursday, March 5, 2026 at 4 pm (Graph Minors) moves to Hall 330.",
                    "")), list);
            Path site = dir.resolve("site");
            publisher(site, null).publish(store);

            Document doc = page(site, "talks/" + store.talks().get(0).slug() + ".html");
            assertThat(doc.select(".status.changed").text()).contains("place (now Hall 330)");
            assertThat(doc.select("h2").eachText()).contains("Original announcement");
            assertThat(doc.select("section.message h3").eachText()).containsExactly("Talk: Graph Minors", "Room change: Graph Minors");
            assertThat(doc.select("section.message pre.mail").first().wholeText()).contains("Place: Hall 210", "<script>alert(1)</script>");
            assertThat(doc.select("section.message a").eachAttr("href"))
                    .containsExactly("https://lists.dept.example/archive/2026/000123.html");
            assertThat(doc.select("script")).hasSize(1);
        }
    }

    @Test
    void hostileTextIsEscapedAndReadableOnTheTalkPageAndInTheLists(@TempDir Path site) throws Exception {
        String title = "Графы, 图论 και γράφοι 🧮🎉 <b>bold</b>";
        StringBuilder abstractText = new StringBuilder("<script>alert('x')</script><style>body{display:none}</style>\n");
        while (abstractText.length() < 100_000) {
            abstractText.append("Line with <i>markup</i> & \"quotes\" and a long https://example.org/").append("a".repeat(200)).append('\n');
        }
        StoredTalk stored = talks.talk(TODAY.plusDays(1), FOUR, CHICAGO, "<script>series()</script>", "Host <img src=x onerror=alert(1)>",
                "Ada <script>s()</script>");
        Talk t = stored.talk();
        StoredTalk talk = with(stored, new Talk(title, t.speakers(), t.date(), t.start(), t.end(), t.timezone(),
                "<style>*{color:red}</style> Room", true, "javascript:alert(1)", t.host(), t.series(), abstractText.toString(),
                "<script>bio()</script>", 1.0, List.of()));
        publisher(site, null).publish(List.of(talk));

        for (String path : pages(site)) {
            Document doc = page(site, path);
            assertThat(doc.select("script")).as(path).hasSize(1);
            assertThat(doc.select("style, img, b, i, body *[onerror]")).as(path).isEmpty();
            assertThat(doc.select("a[href^=javascript]")).as(path).isEmpty();
        }
        Document doc = page(site, "talks/" + talk.slug() + ".html");
        assertThat(doc.select("main h1").text()).isEqualTo(title);
        assertThat(doc.selectFirst("h2:contains(Abstract) + p.text").wholeText()).isEqualTo(abstractText.toString());
        assertThat(doc.select("dl.facts dt:contains(Online) + dd").text()).isEqualTo("javascript:alert(1)");
        Document index = page(site, "index.html");
        assertThat(index.select("li.talk a.title").text()).isEqualTo(title);
        assertThat(page(site, "speakers/ada-script-s-script.html").select("li.talk a.title").text()).isEqualTo(title);
        assertThat(page(site, "speakers/index.html").select("ul.names a").text()).isEqualTo("Ada <script>s()</script>");
    }

    @Test
    void everyPastTalkIsOnExactlyOnePageAndThePagesLinkEachOther(@TempDir Path site) throws Exception {
        Random random = new Random(5);
        List<StoredTalk> all = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            all.add(talks.talk(TODAY.minusDays(3 + random.nextInt(1500)), FOUR, CHICAGO, "S" + i % 3, null, "P" + i % 40));
        }
        for (int i = 0; i < 400; i++) {
            all.add(talks.talk(TODAY.plusDays(5 + random.nextInt(300)), FOUR, CHICAGO, "S" + i % 3, null, "P" + i % 40));
        }
        all.add(talks.talk(TODAY, FOUR, CHICAGO, null, null, "Today"));
        publisher(site, null).publish(all);

        Map<String, Integer> seen = new HashMap<>();
        List<String> listPages = new ArrayList<>(List.of("index.html"));
        try (Stream<Path> files = Stream.concat(Files.list(site.resolve("past")), Files.list(site.resolve("upcoming")))) {
            files.map(p -> site.relativize(p).toString()).sorted().forEach(listPages::add);
        }
        int pastPages = (int) listPages.stream().filter(p -> p.startsWith("past/")).count();
        assertThat(pastPages).isEqualTo((1000 + ArchivePlan.PAGE_SIZE - 1) / ArchivePlan.PAGE_SIZE - 1);
        for (String path : listPages) {
            Document doc = page(site, path);
            for (Element link : doc.select("li.talk a.title")) {
                seen.merge(link.attr("href").replaceAll(".*/", ""), 1, Integer::sum);
            }
            for (Element link : doc.select("nav.pages a, p.more a, ul.months a")) {
                Path target = site.resolve(path).resolveSibling(link.attr("href").replaceAll("#.*", "")).normalize();
                assertThat(target).as(path + " links " + link.attr("href")).exists();
                String anchor = URI.create(link.attr("href")).getFragment();
                if (anchor != null) {
                    assertThat(Jsoup.parse(target.toFile()).getElementById(anchor)).as(link.attr("href")).isNotNull();
                }
            }
            assertThat(Files.size(site.resolve(path))).as(path).isLessThan(300_000);
        }
        assertThat(seen).hasSize(all.size()).allSatisfy((slug, times) -> assertThat(times).as(slug).isEqualTo(1));
        // past/2.html follows the index, and each page's older link the next number
        assertThat(page(site, "index.html").select("nav.pages a").attr("href")).isEqualTo("past/2.html");
        assertThat(page(site, "past/2.html").select("a[rel=next]").first().attr("href")).isEqualTo("3.html");
        assertThat(page(site, "past/" + (pastPages + 1) + ".html").select("a[rel=next]")).isEmpty();
        Document index = page(site, "index.html");
        assertThat(index.select("main section > h2").eachText()).containsExactly("This week (1)", "Upcoming", "Past talks");
    }

    @Test
    void aSpeakerPageListsExactlyThatSpeakersTalksUpcomingThenPast(@TempDir Path site) throws Exception {
        List<StoredTalk> all = new ArrayList<>();
        Set<String> adas = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            StoredTalk talk = talks.talk(TODAY.plusDays(i * 13L - 200), FOUR, CHICAGO, "S", "H", i % 3 == 0 ? "Ada Moreno" : "Bo Li",
                    i % 5 == 0 ? "Ada Moreno" : "Cy Né");
            all.add(talk);
            if (i % 3 == 0 || i % 5 == 0) {
                adas.add("talk-" + talk.id() + ".html");
            }
        }
        publisher(site, null).publish(all);

        Document doc = page(site, "speakers/ada-moreno.html");
        assertThat(doc.select("li.talk a.title").eachAttr("href")).allMatch(h -> h.startsWith("../talks/"))
                .extracting(h -> h.substring("../talks/".length())).containsExactlyInAnyOrderElementsOf(adas);
        assertThat(doc.select("main section > h2").eachText()).containsExactly("Upcoming", "Past talks");
        assertThat(doc.select("ul.feeds a").eachAttr("href")).contains("../speakers/ada-moreno.ics", "../speakers/ada-moreno.alarm.ics");
        Document list = page(site, "speakers/index.html");
        assertThat(list.select("ul.names li").eachText()).containsExactly("Ada Moreno (" + adas.size() + ")", "Bo Li (20)", "Cy Né (24)");
    }

    @Test
    void aTemplateInTheOverrideFolderChangesThePagesAndTheNextPublishRewritesThem(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        Path templates = Files.createDirectories(dir.resolve("templates"));
        List<StoredTalk> all = List.of(talks.talk(TODAY.plusDays(1), FOUR, CHICAGO, "Theory", null, "Ada"));
        publisher(site, templates).publish(all);
        assertThat(Files.readString(site.resolve("talks/talk-1.html"))).doesNotContain("Our department");

        Files.writeString(templates.resolve("talk-row.html.mustache"), "<li class=\"talk\">Our department: <a class=\"title\" "
                + "href=\"{{href}}\">{{title}}</a></li>\n");
        Files.writeString(templates.resolve("style.css"), "body { color: black; }\n");
        PublishReport report = publisher(site, templates).publish(all);

        assertThat(page(site, "index.html").select("li.talk").text()).isEqualTo("Our department: Talk number 1");
        assertThat(page(site, "series/theory.html").select("li.talk").text()).isEqualTo("Our department: Talk number 1");
        assertThat(Files.readString(site.resolve("style.css"))).isEqualTo("body { color: black; }\n");
        assertThat(report.written()).isGreaterThan(0);
        assertThat(publisher(site, templates).publish(all).written()).isZero();
    }

    @Test
    void oneNewTalkRewritesOnlyThePagesItIsOnAndNothingChangedWritesNothing(@TempDir Path site) throws Exception {
        List<StoredTalk> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // fewer than a page for each series: its pages are not cut anew
            all.add(talks.talk(TODAY.minusDays(10 + i), FOUR, CHICAGO, "S" + i % 2, "H" + i % 5, "P" + i % 20));
        }
        for (int i = 0; i < 20; i++) {
            all.add(talks.talk(TODAY.plusDays(10 + i), FOUR, CHICAGO, "S" + i % 2, "H" + i % 5, "P" + i % 20));
        }
        publisher(site, null).publish(all);
        Map<String, Object> before = FileIdentities.of(site);
        assertThat(publisher(site, null).publish(all).written()).isZero();
        assertThat(FileIdentities.of(site)).isEqualTo(before);

        StoredTalk added = talks.talk(TODAY.plusDays(12), FOUR, CHICAGO, "S1", "H3", "P7");
        List<StoredTalk> more = new ArrayList<>(all);
        more.add(added);
        PublishReport report = publisher(site, null).publish(more);

        Set<String> pages = new TreeSet<>();
        FileIdentities.rewritten(before, FileIdentities.of(site)).stream().filter(p -> p.endsWith(".html") || p.endsWith(".css")).forEach(pages::add);
        assertThat(pages).isEqualTo(Set.of("talks/" + added.slug() + ".html", "index.html", "series/s1.html", "hosts/h3.html",
                "speakers/p7.html", "series/index.html", "hosts/index.html", "speakers/index.html"));
        assertThat(report.written()).isEqualTo(FileIdentities.rewritten(before, FileIdentities.of(site)).size());
    }

}

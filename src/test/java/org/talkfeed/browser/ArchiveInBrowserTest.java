package org.talkfeed.browser;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.WebElement;
import org.talkfeed.browser.Browser.Viewport;
import org.talkfeed.serve.SiteServer;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published sample archive, served by talkfeed's own server and read in headless Chromium at a phone's and a
 * desktop's width: the index, a talk page, a speaker page and the week's digest each have the archive's skeleton
 * (the archive contract of issue 14), the talk's title, speakers and time with its UTC offset, nothing past the
 * phone's right edge and no WCAG A/AA fault axe-core can find; the search box finds talks by host and by a word of an
 * abstract. Screenshots of every page at both widths go to target/screenshots/.
 */
class ArchiveInBrowserTest {
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    @TempDir
    static Path dir;
    private static SampleArchive archive;
    private static SiteServer server;
    private static Browser browser;

    @BeforeAll
    static void publishServeAndOpenABrowser() throws IOException {
        archive = SampleArchive.build(dir);
        server = SiteServer.start("127.0.0.1", 0, archive.site());
        browser = Browser.start(dir);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theIndexShowsTheComingTalkWithItsSpeaker(Viewport viewport) throws IOException {
        Talk talk = archive.featured().talk();
        SoftAssertions soft = new SoftAssertions();
        String main = visit("index", "index.html", viewport, soft);
        soft.assertThat(main).as("the index's main content").contains(talk.title(), talk.speakers().get(0).name());
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aTalkPageShowsTitleSpeakersHostAndTimeWithItsUtcOffset(Viewport viewport) throws IOException {
        StoredTalk stored = archive.featured();
        Talk talk = stored.talk();
        SoftAssertions soft = new SoftAssertions();
        String main = visit("talk", "talks/" + stored.slug() + ".html", viewport, soft);
        soft.assertThat(browser.text("main h1")).as("the talk page's heading").contains(talk.title());
        soft.assertThat(main).as("the talk page's main content")
                .contains(talk.speakers().stream().map(Speaker::name).toArray(String[]::new))
                .contains(talk.host());
        soft.assertThat(main.replace('\u2212', '-')).as("the talk's time with its UTC offset").contains(times(talk), utcOffset(talk));
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void aSpeakerPageListsTheSpeakersTalks(Viewport viewport) throws IOException {
        Speaker speaker = archive.featured().talk().speakers().get(0);
        List<String> titles = archive.talks().stream()
                .filter(t -> t.talk().speakers().stream().anyMatch(s -> s.name().equals(speaker.name())))
                .map(t -> t.talk().title()).filter(Objects::nonNull).toList();
        SoftAssertions soft = new SoftAssertions();
        String main = visit("speaker", "speakers/" + archive.slug("speakers", speaker.name()) + ".html", viewport, soft);
        soft.assertThat(browser.text("main h1")).as("the speaker page's heading").contains(speaker.name());
        soft.assertThat(main).as("the speaker page lists their talks").contains(titles.toArray(String[]::new));
        soft.assertAll();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void theDigestPageShowsTheWeeksTalksWithTimesAndOffsets(Viewport viewport) throws IOException {
        Talk talk = archive.featured().talk();
        SoftAssertions soft = new SoftAssertions();
        String main = visit("digest", "digest/" + archive.digestWeek() + ".html", viewport, soft);
        soft.assertThat(main).as("the digest's main content").contains(talk.title(), talk.speakers().get(0).name());
        soft.assertThat(main.replace('\u2212', '-')).as("the talk's time with its UTC offset").contains(times(talk), utcOffset(talk));
        soft.assertAll();
    }

    @Test
    void inDarkModeTheTalkPageTurnsDarkAndKeepsItsContrast() throws IOException {
        StoredTalk stored = archive.featured();
        browser.viewport(Viewport.PHONE);
        try {
            browser.emulate("screen", "dark");
            browser.open(url("talks/" + stored.slug() + ".html"));
            browser.screenshot("talk-dark", Viewport.PHONE);
            List<Long> background = browser.eval("getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)");
            assertThat(background).as("the page's background in dark mode (RGB)").allSatisfy(c -> assertThat(c).isLessThan(64L));
            assertThat(browser.accessibilityViolations()).as("WCAG 2 A/AA faults in dark mode").isEmpty();
        } finally {
            browser.emulate("screen", "light");
        }
    }

    @Test
    void printedATalkPageHasItsFactsAndNoNavigationOrSearch() throws IOException {
        StoredTalk stored = archive.featured();
        browser.viewport(Viewport.DESKTOP);
        try {
            browser.emulate("print", "light");
            browser.open(url("talks/" + stored.slug() + ".html"));
            browser.screenshot("talk-print", Viewport.DESKTOP);
            assertThat(browser.all("header nav, #search-form, footer")).as("navigation, search and footer when printed")
                    .allSatisfy(e -> assertThat(e.isDisplayed()).isFalse());
            assertThat(browser.text("main")).contains(stored.talk().title(), stored.talk().location());
            List<Long> text = browser.eval("getComputedStyle(document.body).color.match(/\\d+/g).slice(0, 3).map(Number)");
            assertThat(text).as("printed text is black").containsOnly(0L);
        } finally {
            browser.emulate("screen", "light");
        }
    }

    @Test
    void searchingAHostsSurnameFindsTheTalksTheyHost() throws IOException {
        String host = archive.talks().stream().map(t -> t.talk().host()).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
        List<String> names = ExpectedSearch.words(host);
        String query = names.get(names.size() - 1);
        List<String> expected = titlesFoundBy(query);
        assertThat(expected).as("talks the samples have for %s", query).isNotEmpty().hasSizeLessThan(archive.talks().size());
        assertThat(archive.talks().stream().filter(t -> host.equals(t.talk().host())).map(t -> t.talk().title()))
                .as("talks hosted by %s", host).isSubsetOf(expected);

        assertThat(search(query, "search-host")).as("titles found for %s", query).isEqualTo(expected);
        assertThat(browser.all("#search-results li.result .why mark")).extracting(WebElement::getText)
                .as("each result shows the words that matched, marked").isNotEmpty()
                .allSatisfy(marked -> assertThat(ExpectedSearch.words(marked)).allMatch(w -> w.startsWith(query)));
    }

    @Test
    void searchingAWordOfAnAbstractFindsTheTalksThatSayIt() throws IOException {
        String word = wordOnlyAnAbstractHas();
        List<String> expected = titlesFoundBy(word);

        assertThat(search(word, "search-abstract")).as("titles found for %s", word).isEqualTo(expected);
        assertThat(browser.text("#search-results li.result .why")).as("why the first result matched")
                .startsWith("abstract");
    }

    /**
     * Opens {@code path} at {@code viewport}'s width, saves its screenshot as NAME-WIDTH.png, checks what every archive
     * page has (the contract's skeleton, headings in order, nothing past the right edge, no WCAG A/AA fault) into
     * {@code soft}, and returns the text of its main landmark.
     */
    private static String visit(String name, String path, Viewport viewport, SoftAssertions soft) throws IOException {
        browser.viewport(viewport);
        browser.open(url(path));
        browser.screenshot(name, viewport);
        String page = name + " at " + viewport.width + " px";
        soft.assertThat(browser.layoutWidth()).as("%s: laid out at the viewport's width", page).isEqualTo(viewport.width);
        soft.assertThat(browser.horizontalOverflow()).as("%s: CSS pixels past the right edge", page).isZero();
        soft.assertThat(browser.all("a.skip[href='#main']")).as("%s: skip link", page).isNotEmpty();
        soft.assertThat(browser.all("main#main")).as("%s: main landmark", page).hasSize(1);
        soft.assertThat(browser.all("h1")).as("%s: one h1", page).hasSize(1);
        soft.assertThat(browser.all("main h1")).as("%s: the h1 inside main", page).hasSize(1);
        soft.assertThat(headingLevels()).as("%s: headings in order, none skipped", page).satisfies(levels -> {
            assertThat(levels).isNotEmpty().first().isEqualTo(1L);
            for (int i = 1; i < levels.size(); i++) {
                assertThat(levels.get(i)).as("heading %d after h%d", i + 1, levels.get(i - 1)).isLessThanOrEqualTo(levels.get(i - 1) + 1);
            }
        });
        soft.assertThat(browser.all("header nav[aria-label='Archive'] a")).as("%s: the archive's navigation", page).isNotEmpty();
        soft.assertThat(browser.all("header form[role='search'] input#search[type='search']")).as("%s: the search box", page).isNotEmpty();
        soft.assertThat(browser.all("label[for='search']")).as("%s: the search box's label", page).isNotEmpty();
        soft.assertThat(browser.all("footer a")).as("%s: the footer's feed links", page).isNotEmpty();
        soft.assertThat(browser.accessibilityViolations()).as("%s: WCAG 2 A/AA faults axe-core finds", page).isEmpty();
        return browser.all("main").isEmpty() ? browser.text("body") : browser.text("main");
    }

    private static List<Long> headingLevels() {
        return browser.eval("Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6')).map(h => Number(h.tagName.substring(1)))");
    }

    /** Types {@code query} into the search box of the index and returns the titles of the results, sorted. */
    private static List<String> search(String query, String screenshot) throws IOException {
        browser.viewport(Viewport.DESKTOP);
        browser.open(url("index.html"));
        assertThat(browser.all("#search")).as("the contract's search box, #search").isNotEmpty();
        WebElement box = browser.all("#search").get(0);
        box.click();
        box.sendKeys(query);
        List<String> expected = titlesFoundBy(query);
        List<String> found = browser.await(b -> b.all("#search-results li.result a").stream().map(WebElement::getText).sorted().toList(),
                expected::equals);
        browser.screenshot(screenshot, Viewport.DESKTOP);
        return found;
    }

    private static List<String> titlesFoundBy(String query) {
        return archive.talks().stream().filter(t -> ExpectedSearch.finds(t, query)).map(t -> t.talk().title()).sorted().toList();
    }

    /**
     * A word that begins a word of some talks' abstracts, near their start (search.json keeps about 300 characters of
     * each), and begins no word of any other field of any talk: a search that finds it searched the abstracts.
     */
    private static String wordOnlyAnAbstractHas() {
        List<StoredTalk> talks = archive.talks().stream().sorted(Comparator.comparingLong(StoredTalk::id)).toList();
        for (StoredTalk candidate : talks) {
            String text = candidate.talk().abstractText();
            if (text == null) {
                continue;
            }
            for (String word : ExpectedSearch.words(text.substring(0, Math.min(text.length(), 200)))) {
                if (word.length() < 7) {
                    continue;
                }
                boolean elsewhere = talks.stream().anyMatch(t -> ExpectedSearch.findsIn(ExpectedSearch.fieldsBesidesAbstract(t.talk()), word));
                List<StoredTalk> found = talks.stream().filter(t -> ExpectedSearch.finds(t, word)).toList();
                boolean allNearTheStart = found.stream().allMatch(t -> ExpectedSearch.findsIn(
                        List.of(t.talk().abstractText().substring(0, Math.min(t.talk().abstractText().length(), 250))), word));
                if (!elsewhere && allNearTheStart && found.size() < talks.size()) {
                    return word;
                }
            }
        }
        throw new IllegalStateException("no sample abstract has a word of its own");
    }

    /** "HH:mm" and the offset from UTC the talk starts at, as the pages write them ("15:30 … UTC-06:00"). */
    /** "UTC-06:00" (the pages write the minus as U+2212, which the tests read as '-'). */
    private static String utcOffset(Talk talk) {
        ZoneOffset offset = talk.startsAt().orElseThrow().getOffset();
        return "UTC" + (offset.equals(ZoneOffset.UTC) ? "" : offset.getId());
    }

    private static String times(Talk talk) {
        ZonedDateTime start = talk.startsAt().orElseThrow();
        return HOUR_MINUTE.format(start) + (talk.end() == null ? "" : "–" + HOUR_MINUTE.format(talk.end()));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + "/" + path;
    }
}

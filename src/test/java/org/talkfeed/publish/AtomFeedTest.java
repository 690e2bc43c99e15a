package org.talkfeed.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Talk;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
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

import static org.assertj.core.api.Assertions.assertThat;

/** site/atom.xml: an Atom feed of the talks last created or changed, whose entries name each revision. */
class AtomFeedTest {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String CHICAGO = "America/Chicago";

    private final FeedTalks talks = new FeedTalks();
    private final StoredTalk ada = talks.talk(TODAY.plusDays(1), LocalTime.of(16, 0), CHICAGO, "Theory", "H1", "Ada");
    private final StoredTalk bo = talks.talk(TODAY.plusDays(2), LocalTime.of(16, 0), CHICAGO, "Theory", "H2", "Bo");
    private final StoredTalk cy = talks.talk(TODAY.plusDays(3), LocalTime.of(16, 0), CHICAGO, "Systems", "H2", "Cy");

    private static SitePublisher publisher(Path site, String baseUrl) {
        return new SitePublisher(site, "Dept <Seminars> & Co", Duration.ofHours(1), baseUrl, CHICAGO,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Element feed(Path site) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(site.resolve("atom.xml").toFile());
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM, name);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getParentNode() == parent) {
                found.add((Element) nodes.item(i));
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return children(parent, name).get(0).getTextContent();
    }

    private static StoredTalk changed(StoredTalk stored, String title, Instant when) {
        Talk t = stored.talk();
        Talk talk = new Talk(title, t.speakers(), t.date(), t.start(), t.end(), t.timezone(), t.location(), t.online(), t.url(),
                t.host(), t.series(), t.abstractText(), t.bio(), t.confidence(), t.warnings());
        return new StoredTalk(stored.id(), stored.uid(), stored.slug(), stored.cancelled(), stored.sequence() + 1, talk,
                stored.createdAt(), when);
    }

    @Test
    void theFeedIsAtomWithItsEntriesNewestFirst(@TempDir Path site) throws Exception {
        publisher(site, "https://talks.example.org").publish(List.of(ada, bo, cy));

        Element feed = feed(site);
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(text(feed, "title")).isEqualTo("Dept <Seminars> & Co");
        assertThat(text(feed, "id")).isEqualTo("https://talks.example.org/");
        List<Element> entries = children(feed, "entry");
        assertThat(entries).extracting(e -> text(e, "title"))
                .containsExactly(cy.talk().title(), bo.talk().title(), ada.talk().title());
        assertThat(text(feed, "updated")).isEqualTo(cy.updatedAt().toString());
        Element first = entries.get(0);
        assertThat(text(first, "published")).isEqualTo(cy.createdAt().toString());
        assertThat(children(first, "link").get(0).getAttribute("href"))
                .isEqualTo("https://talks.example.org/talks/" + cy.slug() + ".html");
        assertThat(text(first, "summary")).contains("Thu 4 Jun 2026, 16:00", "(UTC-05:00)", "Room 3", "Cy");
        assertThat(text((Element) first.getElementsByTagNameNS(ATOM, "author").item(0), "name")).isEqualTo("Dept <Seminars> & Co");
        assertThat(children(feed, "link")).extracting(l -> l.getAttribute("rel") + " " + l.getAttribute("href"))
                .contains("self https://talks.example.org/atom.xml", "alternate https://talks.example.org/index.html");
    }

    @Test
    void anUpdateIsANewEntryAndACancellationSaysSo(@TempDir Path site) throws Exception {
        SitePublisher publisher = publisher(site, null);
        publisher.publish(List.of(ada, bo, cy));
        String firstId = children(feed(site), "entry").stream().filter(e -> text(e, "title").equals(ada.talk().title()))
                .map(e -> text(e, "id")).findFirst().orElseThrow();

        StoredTalk adaChanged = changed(ada, "A <script>alert(1)</script> & more", NOW.minusSeconds(60));
        StoredTalk boCancelled = FeedTalks.cancelled(bo, NOW);
        publisher.publish(List.of(adaChanged, boCancelled, cy));

        List<Element> entries = children(feed(site), "entry");
        assertThat(entries).extracting(e -> text(e, "title")).containsExactly("Cancelled: " + bo.talk().title(),
                "Updated: A <script>alert(1)</script> & more", cy.talk().title());
        assertThat(text(entries.get(1), "id")).isNotEqualTo(firstId).endsWith(";rev=1");
        assertThat(Files.readString(site.resolve("atom.xml"))).doesNotContain("<script>");
        assertThat(children(entries.get(1), "link").get(0).getAttribute("href")).isEqualTo("talks/" + ada.slug() + ".html");
    }

    @Test
    void everyPageLinksTheFeedInItsHead(@TempDir Path site) throws Exception {
        publisher(site, null).publish(List.of(ada));

        String index = Files.readString(site.resolve("index.html"));
        String page = Files.readString(site.resolve("talks/" + ada.slug() + ".html"));
        assertThat(head(index)).contains("<link rel=\"alternate\" type=\"application/atom+xml\"", "href=\"atom.xml\"");
        assertThat(head(page)).contains("<link rel=\"alternate\" type=\"application/atom+xml\"", "href=\"../atom.xml\"");
        assertThat(index.substring(index.indexOf("<body>"))).contains("<a href=\"atom.xml\">Atom feed</a>");
    }

    @Test
    void anUnchangedStoreLeavesTheFeedAlone(@TempDir Path site) throws Exception {
        publisher(site, null).publish(List.of(ada, bo));
        Object feed = fileKey(site.resolve("atom.xml"));
        // holds each file's fingerprint: a feed rendered again for nothing would show here though its bytes stay the same
        String manifest = Files.readString(site.resolve(PublishManifest.FILE_NAME));

        PublishReport again = publisher(site, null).publish(List.of(ada, bo));

        assertThat(again.written()).isZero();
        assertThat(fileKey(site.resolve("atom.xml"))).isEqualTo(feed);
        assertThat(Files.readString(site.resolve(PublishManifest.FILE_NAME))).isEqualTo(manifest);
    }

    private static Object fileKey(Path file) throws Exception {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    @Test
    void theFeedHoldsAtMostAHundredTalks(@TempDir Path site) throws Exception {
        List<StoredTalk> many = new ArrayList<>();
        for (int i = 0; i < AtomFeed.MAX_ENTRIES + 5; i++) {
            many.add(talks.talk(TODAY.plusDays(i % 30), LocalTime.of(10, 0), CHICAGO, "S", "H", "Speaker " + i));
        }
        publisher(site, null).publish(many);

        List<Element> entries = children(feed(site), "entry");
        assertThat(entries).hasSize(AtomFeed.MAX_ENTRIES);
        assertThat(text(entries.get(0), "title")).isEqualTo(many.get(many.size() - 1).talk().title());
    }

    private static String head(String html) {
        return html.substring(0, html.indexOf("</head>"));
    }
}

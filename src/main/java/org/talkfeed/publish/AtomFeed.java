package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * site/atom.xml (RFC 4287): the talks most recently created or changed, newest first. An entry's id names the talk's
 * revision (its uid and SEQUENCE), so a feed reader shows each change as a new item.
 */
final class AtomFeed {
    static final String PATH = "atom.xml";
    static final int MAX_ENTRIES = 100;
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    /** Characters XML 1.0 cannot carry at all, not even escaped. */
    private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");
    private static final Comparator<StoredTalk> NEWEST_FIRST =
            Comparator.comparing(StoredTalk::updatedAt).thenComparing(StoredTalk::id).reversed();

    private final String siteName;
    private final String baseUrl;
    private final SubscribeLinks links;

    AtomFeed(FeedSettings settings) {
        this.siteName = settings.name();
        this.baseUrl = settings.baseUrl();
        this.links = new SubscribeLinks(settings.baseUrl(), settings.defaultDuration());
    }

    /** The talks the feed shows, newest first by their last change. */
    static List<StoredTalk> entries(List<StoredTalk> talks) {
        return talks.stream().sorted(NEWEST_FIRST).limit(MAX_ENTRIES).toList();
    }

    /** @param entries as {@link #entries} chose them; outlines are enough */
    String render(List<StoredTalk> entries) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            xml.writeCharacters("\n");
            element(xml, "id", baseUrl != null ? baseUrl + "/" : "urn:talkfeed:site:" + encode(siteName));
            element(xml, "title", siteName);
            element(xml, "updated", (entries.isEmpty() ? Instant.EPOCH : entries.get(0).updatedAt()).toString());
            link(xml, "self", links.href(PATH, 0), "application/atom+xml");
            link(xml, "alternate", links.href("index.html", 0), "text/html");
            for (StoredTalk entry : entries) {
                entry(xml, entry);
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing the Atom feed to memory failed", e);
        }
        return text.toString();
    }

    private void entry(XMLStreamWriter xml, StoredTalk stored) throws XMLStreamException {
        Talk talk = stored.talk();
        xml.writeStartElement(ATOM, "entry");
        xml.writeCharacters("\n");
        element(xml, "id", "urn:talkfeed:talk:" + encode(stored.uid()) + ";rev=" + stored.sequence());
        element(xml, "title", title(stored));
        element(xml, "updated", stored.updatedAt().toString());
        element(xml, "published", stored.createdAt().toString());
        link(xml, "alternate", links.href("talks/" + stored.slug() + ".html", 0), "text/html");
        xml.writeStartElement(ATOM, "author");
        element(xml, "name", siteName);
        xml.writeEndElement();
        xml.writeCharacters("\n");
        element(xml, "summary", summary(talk));
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    static String title(StoredTalk stored) {
        Talk talk = stored.talk();
        String title = talk.title() != null ? talk.title()
                : talk.speakers().isEmpty() ? "(untitled)" : "Talk by " + talk.speakerNames();
        if (stored.cancelled()) {
            return "Cancelled: " + title;
        }
        return stored.sequence() > 0 ? "Updated: " + title : title;
    }

    /** When, where and who, in plain text; times in the talk's zone with its offset from UTC. */
    static String summary(Talk talk) {
        StringBuilder text = new StringBuilder("When: ").append(when(talk));
        String where = talk.location() != null ? talk.location() : talk.online() ? "Online" : null;
        if (where != null) {
            text.append("\nWhere: ").append(where);
        }
        if (!talk.speakers().isEmpty()) {
            text.append("\nSpeakers: ");
            for (int i = 0; i < talk.speakers().size(); i++) {
                Speaker speaker = talk.speakers().get(i);
                text.append(i > 0 ? "; " : "").append(speaker.withAffiliation());
            }
        }
        return text.toString();
    }

    private static String when(Talk talk) {
        if (talk.date() == null) {
            return "date unknown";
        }
        if (talk.start() == null) {
            return DAY.format(talk.date());
        }
        String text = DAY.format(talk.date()) + ", " + TIME.format(talk.start()) + (talk.end() == null ? "" : "–" + TIME.format(talk.end()));
        if (talk.timezone() == null) {
            return text; // local time of a place not known
        }
        ZoneId zone = ZoneId.of(talk.timezone());
        ZonedDateTime start = ZonedDateTime.of(talk.date(), talk.start(), zone);
        String offset = start.getOffset().getTotalSeconds() == 0 ? "" : start.getOffset().getId();
        return text + " " + zone.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " (UTC" + offset + ")";
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(ATOM, name);
        xml.writeCharacters(NOT_XML.matcher(text).replaceAll(""));
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement(ATOM, "link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", NOT_XML.matcher(href).replaceAll(""));
        xml.writeCharacters("\n");
    }

    /** Percent-encoded, so that any uid or name makes a valid URI. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

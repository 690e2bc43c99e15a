package org.talkfeed.publish;

import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Source;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Feed} as iCalendar: one VEVENT per talk with a stable UID, its local time with TZID and a compact
 * VTIMEZONE for every zone used, SEQUENCE counting its changes, STATUS:CANCELLED for a cancelled talk, a VALARM in
 * the reminder variant only, and the RFC 7986 name, refresh interval and source of the feed. A feed never passes
 * {@link #MAX_OCTETS}: past that, descriptions are shortened to a link to the talk's page, oldest talks first, and
 * at last the oldest talks are left out.
 *
 * <p>Each talk's event is built once and reused by every feed it is in ({@link RenderedEvents}).
 */
final class CalendarFeed {
    /** Google Calendar drops events from a subscribed feed larger than this. */
    static final int MAX_OCTETS = 1_000_000;
    private static final String END_EVENT = "END:VEVENT\r\n";
    private static final String END_CALENDAR = "END:VCALENDAR\r\n";
    /**
     * No VEVENT is shorter: BEGIN and END, UID, DTSTAMP, DTSTART, DTEND, SEQUENCE, STATUS, CREATED, LAST-MODIFIED,
     * SUMMARY and a DESCRIPTION with the page's address come to more than 250 octets. So a feed never keeps more than
     * {@code MAX_OCTETS / MIN_EVENT_OCTETS} talks, and older ones need not even be built.
     */
    static final int MIN_EVENT_OCTETS = 200;
    /** Characters of events kept by a feed made on its own (one publication), for reuse by its later feeds. */
    private static final long CACHED_CHARS = 8_000_000;

    private static final String HEADER_START = headerStart();

    /** How much of a talk's description its event carries. */
    enum Detail { FULL, NO_ABSTRACT, LINK_ONLY }

    private final FeedSettings settings;
    private final CompactZones zones;
    private final RenderedEvents events;
    private final String refreshHints;

    CalendarFeed(String name, Duration defaultDuration, String baseUrl) {
        this(FeedSettings.withDefaults(name, defaultDuration, baseUrl));
    }

    CalendarFeed(FeedSettings settings) {
        this(settings, new CompactZones());
    }

    CalendarFeed(FeedSettings settings, CompactZones zones) {
        this(settings, zones, new RenderedEvents(CACHED_CHARS));
    }

    /** @param events the events kept from earlier renderings with these settings */
    CalendarFeed(FeedSettings settings, CompactZones zones, RenderedEvents events) {
        this.settings = settings;
        this.refreshHints = refreshHints(settings);
        this.zones = zones;
        this.events = events;
    }

    /** The members (oldest first) that may be in the feed: the newest that could fit, the others could not. */
    static <T> List<T> newestThatMayFit(List<T> members) {
        int most = MAX_OCTETS / MIN_EVENT_OCTETS;
        return members.size() <= most ? members : members.subList(members.size() - most, members.size());
    }

    /** All these talks (those with a date), plain, under the site's name. */
    String render(List<StoredTalk> talks) {
        return render(new Feed("calendar.ics", Feed.Kind.ALL, null, settings.name(),
                talks.stream().filter(t -> t.talk().date() != null).sorted(FeedSet.CHRONOLOGICAL).toList(), false, false));
    }

    String render(Feed feed) {
        return render(feed, newestThatMayFit(feed.members().stream().filter(t -> t.talk().date() != null).toList()).stream()
                .map(this::event).toList());
    }

    /** The feed with these events of its members (those that may fit, each with a date, oldest first). */
    String render(Feed feed, List<Event> members) {
        int count = members.size();
        Detail[] detail = new Detail[count];
        java.util.Arrays.fill(detail, Detail.FULL);
        long fixed = utf8Octets(header(feed, members)) + utf8Octets(timezones(members)) + END_CALENDAR.length();
        long eventOctets = 0;
        for (Event event : members) {
            eventOctets += event.octets(Detail.FULL, feed.alarms());
        }
        for (Detail shorter : List.of(Detail.NO_ABSTRACT, Detail.LINK_ONLY)) {
            for (int i = 0; i < count && fixed + eventOctets > MAX_OCTETS; i++) {
                eventOctets += members.get(i).octets(shorter, feed.alarms()) - members.get(i).octets(detail[i], feed.alarms());
                detail[i] = shorter;
            }
        }
        int dropped = 0;
        while (dropped < count && fixed + eventOctets > MAX_OCTETS) {
            eventOctets -= members.get(dropped).octets(detail[dropped], feed.alarms());
            dropped++;
        }
        while (true) {
            List<Event> kept = members.subList(dropped, count);
            StringBuilder out = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, fixed + eventOctets + 1024));
            out.append(header(feed, kept)).append(timezones(kept));
            for (int i = dropped; i < count; i++) {
                members.get(i).appendTo(out, detail[i], feed.alarms());
            }
            out.append(END_CALENDAR);
            String text = out.toString();
            if (dropped == count || utf8Octets(text) <= MAX_OCTETS) {
                return text;
            }
            dropped++;
        }
    }

    private String header(Feed feed, List<Event> members) {
        List<Property> properties = new ArrayList<>();
        properties.add(new Name(feed.title()));
        properties.add(new XProperty("X-WR-CALNAME", feed.title()));
        StringBuilder out = new StringBuilder(HEADER_START);
        append(out, properties);
        out.append(refreshHints);
        properties.clear();
        if (settings.baseUrl() != null) {
            properties.add(new Source(new ParameterList(), settings.baseUrl() + "/" + feed.path()));
        }
        Set<String> timedZones = new HashSet<>();
        for (Event event : members) {
            if (event.timed) {
                timedZones.add(event.zone == null ? "" : event.zone);
            }
        }
        if (timedZones.size() == 1 && CompactZones.hasVTimeZone(timedZones.iterator().next())) {
            properties.add(new XProperty("X-WR-TIMEZONE", timedZones.iterator().next()));
        }
        append(out, properties);
        return out.toString();
    }

    /** The header's first lines, the same in every feed. */
    private static String headerStart() {
        StringBuilder out = new StringBuilder("BEGIN:VCALENDAR\r\n");
        // no METHOD: a subscribed feed is not an iTIP message, whose PUBLISH would require an ORGANIZER (RFC 5546)
        append(out, List.of(new ProdId("-//talkfeed//talkfeed//EN"), ImmutableVersion.VERSION_2_0, ImmutableCalScale.GREGORIAN));
        return out.toString();
    }

    /** How often to fetch the feed again, the same in every feed with these settings. */
    private static String refreshHints(FeedSettings settings) {
        StringBuilder out = new StringBuilder();
        append(out, List.of(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), settings.refreshInterval()),
                new XProperty("X-PUBLISHED-TTL", settings.refreshInterval().toString())));
        return out.toString();
    }

    /** These properties as cleaned and folded content lines. */
    private static void append(StringBuilder out, List<Property> properties) {
        StringBuilder lines = new StringBuilder();
        for (Property property : properties) {
            clean(property);
            lines.append(property);
        }
        out.append(FoldedLines.fold(lines.toString()));
    }

    /** One compact VTIMEZONE per zone of these events, covering their first start to their last end in it. */
    private String timezones(List<Event> members) {
        Map<String, Instant[]> spans = new LinkedHashMap<>();
        for (Event event : members) {
            if (event.zone != null) {
                Instant[] span = spans.computeIfAbsent(event.zone, z -> new Instant[] {event.first, event.last});
                span[0] = event.first.isBefore(span[0]) ? event.first : span[0];
                span[1] = event.last.isAfter(span[1]) ? event.last : span[1];
            }
        }
        StringBuilder out = new StringBuilder();
        spans.forEach((zone, span) -> out.append(zones.vtimezone(zone, span[0], span[1])));
        return out.toString();
    }

    /**
     * One talk as an iTIP PUBLISH message (RFC 5546) for the email that announces it: the talk's own calendar file with
     * METHOD:PUBLISH and the ORGANIZER that method requires, its event as the feeds have it but for two things the
     * email's text says otherwise: the SUMMARY is the title alone (the speakers have their own line), and a talk whose
     * end is not stated has no DTEND (RFC 5545 allows it) rather than the default length, which would read as stated.
     */
    String published(StoredTalk talk, String organizerAddress) {
        Feed one = new Feed("talks/" + talk.slug() + ".ics", Feed.Kind.TALK, null, settings.name(), List.of(talk), false, false);
        String calendar = render(one, List.of(new Event(talk, settings, Form.ANNOUNCEMENT)));
        StringBuilder organizer = new StringBuilder();
        append(organizer, List.of(new net.fortuna.ical4j.model.property.Organizer(URI.create("mailto:" + organizerAddress))));
        return calendar.replace(HEADER_START, HEADER_START + "METHOD:PUBLISH\r\n").replace(END_EVENT, organizer + END_EVENT);
    }

    /** The talk's event, kept or made from the talk (whole, since it is not kept). */
    Event event(StoredTalk talk) {
        return events.get(talk, t -> new Event(t, settings, Form.FEED));
    }

    static int utf8Octets(String text) {
        int octets = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                octets += c >= 0x800 && !Character.isSurrogate(c) ? 2 : 1; // a surrogate pair is 4 octets, 2 per char
            }
        }
        return octets;
    }

    /** A text as written, with its size in octets of UTF-8. */
    record Text(String text, int octets) {
        static Text of(String text) {
            return new Text(text, utf8Octets(text));
        }
    }

    /** Whether an event is written for a feed, or for the email that announces its talk (see {@link #published}). */
    enum Form { FEED, ANNOUNCEMENT }

    /**
     * A talk's VEVENT, made once from the whole talk and kept without it: its zone and span (for the VTIMEZONEs), and
     * its text in parts: the lines up to its description, its DESCRIPTION line at each detail, and its VALARM.
     */
    static final class Event {
        /** The zone its TZID names, when it has one with a VTIMEZONE; null for dates, floating and UTC times. */
        private final String zone;
        private final boolean timed;
        private final Instant first;
        private final Instant last;
        private final Text body;
        /** Its description at each detail asked for; the shorter ones are made when first asked, from these two. */
        private final Map<Detail, Text> descriptions = new EnumMap<>(Detail.class);
        private final String facts;
        private final String pageLink;
        private final Text alarm;

        private Event(StoredTalk stored, FeedSettings settings, Form form) {
            Talk t = stored.talk();
            Temporal start;
            Temporal end;
            timed = t.start() != null;
            if (t.start() == null) {
                start = t.date();
                end = t.date().plusDays(1);
                zone = null;
                first = t.date().atStartOfDay().toInstant(ZoneOffset.UTC);
                last = first;
            } else if (t.timezone() == null) {
                // no zone known: floating local time, the hour as announced wherever the reader is
                LocalDateTime local = t.date().atTime(t.start());
                start = local;
                end = t.end() != null ? t.date().atTime(t.end()) : local.plus(settings.defaultDuration());
                zone = null;
                first = local.toInstant(ZoneOffset.UTC);
                last = first;
            } else {
                ZonedDateTime local = ZonedDateTime.of(t.date(), t.start(), ZoneId.of(t.timezone()));
                ZonedDateTime localEnd = t.end() != null ? ZonedDateTime.of(t.date(), t.end(), ZoneId.of(t.timezone()))
                        : local.plus(settings.defaultDuration());
                first = local.toInstant();
                last = localEnd.toInstant().isAfter(first) ? localEnd.toInstant() : first;
                if (CompactZones.hasVTimeZone(t.timezone())) {
                    start = local;
                    end = localEnd;
                    zone = t.timezone();
                } else {
                    start = local.toInstant(); // written as UTC ("...Z"), which every client reads
                    end = localEnd.toInstant();
                    zone = null;
                }
            }
            boolean stated = form == Form.FEED || t.end() != null || t.start() == null;
            String event = FoldedLines.fold(vevent(stored, settings, start, stated ? end : null,
                    form == Form.ANNOUNCEMENT && t.title() != null ? t.title() : summary(stored)).toString());
            body = Text.of(event.substring(0, event.length() - END_EVENT.length()));
            facts = facts(t);
            pageLink = pageLink(stored, settings);
            descriptions.put(Detail.FULL, description(Detail.FULL, facts, t.abstractText(), pageLink));
            VAlarm valarm = new VAlarm(settings.alarmBefore().negated());
            valarm.add(new Action(Action.VALUE_DISPLAY));
            valarm.add(new Description(summary(stored)));
            valarm.getProperties().forEach(CalendarFeed::clean);
            alarm = Text.of(FoldedLines.fold(valarm.toString()));
        }

        /** Its size in octets of UTF-8 as written at this detail, plain or with its reminder. */
        int octets(Detail detail, boolean withAlarm) {
            return body.octets() + description(detail).octets() + (withAlarm ? alarm.octets() : 0) + END_EVENT.length();
        }

        void appendTo(StringBuilder out, Detail detail, boolean withAlarm) {
            out.append(body.text()).append(description(detail).text());
            if (withAlarm) {
                out.append(alarm.text());
            }
            out.append(END_EVENT);
        }

        private Text description(Detail detail) {
            return descriptions.computeIfAbsent(detail, d -> description(d, facts, null, pageLink));
        }

        /**
         * The characters it keeps, for bounding a cache of events: the same whether or not the shorter descriptions have
         * been made yet (counted as the facts and the link each, with room for their names and folding).
         */
        long chars() {
            long shorter = facts.length() + 2L * pageLink.length() + 2 * 64;
            return body.text().length() + alarm.text().length() + facts.length() + pageLink.length()
                    + descriptions.get(Detail.FULL).text().length() + shorter;
        }

        /** The event without its description, which depends on the detail asked for; with no DTEND when {@code end} is null. */
        private static VEvent vevent(StoredTalk talk, FeedSettings settings, Temporal start, Temporal end, String summary) {
            Talk t = talk.talk();
            VEvent event = EventLocalTimes.event(start, end, summary);
            event.replace(new DtStamp(talk.updatedAt()));
            event.add(new Uid(talk.uid()));
            event.add(new Sequence(talk.sequence()));
            event.add(new Status(talk.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
            event.add(new Created(talk.createdAt()));
            event.add(new LastModified(talk.updatedAt()));
            String location = location(t);
            if (location != null) {
                event.add(new Location(location));
            }
            URI join = t.online() ? uri(t.url()) : null;
            if (join != null) {
                event.add(new Conference(new ParameterList(List.of(Value.URI, Feature.VIDEO)), join.toString()));
            }
            URI url = settings.baseUrl() == null ? uri(t.url()) : uri(pageLink(talk, settings));
            if (url != null) {
                event.add(new Url(url));
            }
            event.getProperties().forEach(CalendarFeed::clean);
            return event;
        }

        private static String pageLink(StoredTalk talk, FeedSettings settings) {
            String page = "talks/" + talk.slug() + ".html";
            return settings.baseUrl() == null ? page : settings.baseUrl() + "/" + page;
        }

        /** The description's lines about the speakers, series, host and join link. */
        private static String facts(Talk t) {
            StringBuilder d = new StringBuilder();
            for (Speaker speaker : t.speakers()) {
                d.append("Speaker: ").append(speaker.withAffiliation()).append('\n');
            }
            if (t.series() != null) {
                d.append("Series: ").append(t.series()).append('\n');
            }
            if (t.host() != null) {
                d.append("Host: ").append(t.host()).append('\n');
            }
            if (t.url() != null) {
                d.append("Join: ").append(t.url()).append('\n');
            }
            return d.toString();
        }

        /** The DESCRIPTION line at this detail: the facts and the abstract, or the facts and a link, or only the link. */
        private static Text description(Detail detail, String facts, String abstractText, String pageLink) {
            StringBuilder d = new StringBuilder(detail == Detail.LINK_ONLY ? "" : facts);
            if (detail == Detail.FULL) {
                if (abstractText != null) {
                    d.append('\n').append(abstractText).append('\n');
                }
            } else {
                d.append('\n').append("Details: ").append(pageLink).append('\n');
            }
            Description property = new Description(d.toString().strip());
            clean(property);
            return Text.of(FoldedLines.fold(property.toString()));
        }
    }

    /** A value as IcalText allows, whatever property carries it. */
    private static void clean(Property property) {
        String value = property.getValue();
        String clean = value == null ? null : IcalText.clean(value);
        if (clean != null && !clean.equals(value)) {
            property.setValue(clean);
        }
    }

    private static String summary(StoredTalk stored) {
        Talk talk = stored.talk();
        StringBuilder s = new StringBuilder();
        if (stored.cancelled()) {
            s.append("CANCELLED: ");
        }
        if (!talk.speakers().isEmpty()) {
            s.append(talk.speakerNames());
            if (talk.title() != null) {
                s.append(": ");
            }
        }
        if (talk.title() != null) {
            s.append(talk.title());
        }
        if (talk.speakers().isEmpty() && talk.title() == null) {
            s.append(talk.series() != null ? talk.series() : "Talk");
        }
        return s.toString();
    }

    static String location(Talk talk) {
        if (talk.location() != null) {
            return talk.location();
        }
        return talk.online() ? (talk.url() != null ? "Online: " + talk.url() : "Online") : null;
    }

    private static URI uri(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            return uri.getScheme() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}

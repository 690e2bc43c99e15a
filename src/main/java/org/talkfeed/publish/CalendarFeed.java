package org.talkfeed.publish;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An iCalendar feed of talks: one VEVENT per talk with a stable UID, its local time with TZID and a
 * VTIMEZONE for every zone used, SEQUENCE counting its changes, and STATUS:CANCELLED for a cancelled talk.
 */
final class CalendarFeed {
    private static final TimeZoneRegistry REGISTRY = TimeZoneRegistryFactory.getInstance().createRegistry();

    private final String name;
    private final Duration defaultDuration;
    private final String baseUrl;

    CalendarFeed(String name, Duration defaultDuration, String baseUrl) {
        this.name = name;
        this.defaultDuration = defaultDuration;
        this.baseUrl = baseUrl;
    }

    String render(List<StoredTalk> talks) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//talkfeed//talkfeed//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zones = new LinkedHashSet<>();
        for (StoredTalk stored : talks) {
            if (stored.talk().date() == null) {
                continue;
            }
            String zone = stored.talk().timezone();
            if (stored.talk().start() != null && hasVTimeZone(zone)) {
                zones.add(zone);
            }
        }
        for (String zone : zones) {
            VTimeZone vtz = REGISTRY.getTimeZone(zone).getVTimeZone();
            calendar.add(vtz);
        }
        for (StoredTalk stored : talks) {
            if (stored.talk().date() != null) {
                calendar.add(event(stored));
            }
        }
        cleanText(calendar);
        // CalendarOutputter only folds calendar.toString(), and by chars: fold by octets instead.
        return FoldedLines.fold(calendar.toString());
    }

    /**
     * Every value of the calendar and its events, whatever property carries it, as IcalText allows.
     * The VTIMEZONEs are the registry's own and hold no text from mail.
     */
    private static void cleanText(Calendar calendar) {
        List<Property> properties = new ArrayList<>(calendar.getProperties());
        for (VEvent event : calendar.<VEvent>getComponents(Component.VEVENT)) {
            properties.addAll(event.getProperties());
        }
        for (Property property : properties) {
            String value = property.getValue();
            String clean = value == null ? null : IcalText.clean(value);
            if (clean != null && !clean.equals(value)) {
                property.setValue(clean);
            }
        }
    }

    private VEvent event(StoredTalk stored) {
        Talk talk = stored.talk();
        Temporal start;
        Temporal end;
        if (talk.start() == null) {
            LocalDate day = talk.date();
            start = day;
            end = day.plusDays(1);
        } else if (talk.timezone() == null) {
            // no zone known: floating local time, the hour as announced wherever the reader is
            start = talk.date().atTime(talk.start());
            end = talk.end() != null ? talk.date().atTime(talk.end()) : talk.date().atTime(talk.start()).plus(defaultDuration);
        } else {
            ZonedDateTime local = ZonedDateTime.of(talk.date(), talk.start(), ZoneId.of(talk.timezone()));
            ZonedDateTime localEnd = talk.end() != null
                    ? ZonedDateTime.of(talk.date(), talk.end(), ZoneId.of(talk.timezone()))
                    : local.plus(defaultDuration);
            if (hasVTimeZone(talk.timezone())) {
                start = local;
                end = localEnd;
            } else {
                start = local.toInstant(); // written as UTC ("...Z"), which every client reads
                end = localEnd.toInstant();
            }
        }
        VEvent event = new VEvent(start, end, summary(stored));
        event.replace(new DtStamp(stored.updatedAt()));
        event.add(new Uid(stored.uid()));
        event.add(new Sequence(stored.sequence()));
        event.add(new Status(stored.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        event.add(new Created(stored.createdAt()));
        event.add(new LastModified(stored.updatedAt()));
        String location = location(talk);
        if (location != null) {
            event.add(new Location(location));
        }
        event.add(new Description(description(talk)));
        URI url = uri(baseUrl == null ? talk.url() : baseUrl.replaceAll("/+$", "") + "/talks/" + stored.slug() + ".html");
        if (url != null) {
            event.add(new Url(url));
        }
        return event;
    }

    private static boolean hasVTimeZone(String zone) {
        return zone != null && !zone.equals("UTC") && !zone.startsWith("Etc/") && REGISTRY.getTimeZone(zone) != null;
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

    private static String location(Talk talk) {
        if (talk.location() != null) {
            return talk.location();
        }
        return talk.online() ? (talk.url() != null ? "Online: " + talk.url() : "Online") : null;
    }

    private static String description(Talk talk) {
        StringBuilder d = new StringBuilder();
        for (Speaker speaker : talk.speakers()) {
            d.append("Speaker: ").append(speaker.name());
            if (speaker.affiliation() != null) {
                d.append(" (").append(speaker.affiliation()).append(')');
            }
            d.append('\n');
        }
        if (talk.series() != null) {
            d.append("Series: ").append(talk.series()).append('\n');
        }
        if (talk.host() != null) {
            d.append("Host: ").append(talk.host()).append('\n');
        }
        if (talk.url() != null) {
            d.append("Join: ").append(talk.url()).append('\n');
        }
        if (talk.abstractText() != null) {
            d.append('\n').append(talk.abstractText()).append('\n');
        }
        return d.toString().strip();
    }

    private static URI uri(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

}

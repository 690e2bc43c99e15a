package org.talkfeed.digest;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.talkfeed.publish.EventLocalTimes;
import org.talkfeed.publish.IcalText;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The week's talks as one iCalendar file for the digest email: one VEVENT per talk, with the UID and SEQUENCE of the
 * published feeds (so a client that has a talk from a feed or an earlier digest updates it), local times with TZID
 * and the zone's VTIMEZONE, cancelled talks as STATUS:CANCELLED; text from mail cleaned as the feeds clean it.
 */
final class DigestCalendar {
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private DigestCalendar() {
    }

    static String render(Digest digest, Duration defaultDuration) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//talkfeed//digest//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Set<String> zones = new LinkedHashSet<>();
        for (StoredTalk stored : digest.talks()) {
            Talk t = stored.talk();
            Temporal start;
            Temporal end;
            if (t.start() == null) {
                start = t.date();
                end = t.date().plusDays(1);
            } else if (t.timezone() == null || zone(t.timezone()) == null) {
                LocalDateTime local = t.date().atTime(t.start());
                start = local;
                end = t.end() != null ? t.date().atTime(t.end()) : local.plus(defaultDuration);
            } else {
                ZonedDateTime local = ZonedDateTime.of(t.date(), t.start(), ZoneId.of(t.timezone()));
                start = local;
                end = t.end() != null ? ZonedDateTime.of(t.date(), t.end(), local.getZone()) : local.plus(defaultDuration);
                zones.add(t.timezone());
            }
            VEvent event = EventLocalTimes.event(start, end, IcalText.clean(summary(stored)));
            event.replace(new DtStamp(stored.updatedAt()));
            event.add(new Uid(stored.uid()));
            event.add(new Sequence(stored.sequence()));
            event.add(new Status(stored.cancelled() ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
            event.add(new LastModified(stored.updatedAt()));
            String location = t.location() != null ? t.location() : t.online() && t.url() != null ? "Online: " + t.url() : null;
            if (location != null) {
                event.add(new Location(IcalText.clean(location)));
            }
            String description = description(t);
            if (!description.isEmpty()) {
                event.add(new Description(IcalText.clean(description)));
            }
            calendar.add(event);
        }
        for (String zone : zones) {
            calendar.add(zone(zone).getVTimeZone());
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static TimeZone zone(String id) {
        return ZONES.getTimeZone(id);
    }

    private static String summary(StoredTalk stored) {
        Talk t = stored.talk();
        String title = t.title() != null ? t.title() : t.series() != null ? t.series() : "Talk";
        String who = t.speakers().isEmpty() ? "" : t.speakerNames() + ": ";
        return (stored.cancelled() ? "CANCELLED: " : "") + who + title;
    }

    private static String description(Talk t) {
        StringBuilder d = new StringBuilder();
        for (Speaker s : t.speakers()) {
            d.append("Speaker: ").append(s.withAffiliation()).append('\n');
        }
        if (t.host() != null) {
            d.append("Host: ").append(t.host()).append('\n');
        }
        if (t.online() && t.url() != null) {
            d.append("Join: ").append(t.url()).append('\n');
        }
        if (t.abstractText() != null) {
            d.append('\n').append(t.abstractText());
        }
        return d.toString().strip();
    }
}

package org.talkfeed.publish;

import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * A VEVENT's start and end as its local times, with the TZID of the zone they are in.
 *
 * <p>Given a {@link ZonedDateTime}, ical4j writes the local time in its own rules for the zone, built from its bundled
 * definitions, and those keep yearly changes that many zones have dropped (America/Sao_Paulo's daylight saving, gone
 * since 2019; Europe/Moscow, Europe/Istanbul, America/Argentina/Buenos_Aires): the hour written would be an hour off
 * the talk's own, and off the instant the VTIMEZONE beside it gives. So the local time is written as the talk has it.
 */
public final class EventLocalTimes {
    private EventLocalTimes() {
    }

    /**
     * As {@code new VEvent(start, end, summary)}, with a start and end in a named zone written at their own local hour.
     *
     * @param end null for an event with no DTEND
     */
    public static VEvent event(Temporal start, Temporal end, String summary) {
        List<Property> properties = new ArrayList<>();
        properties.add(new DtStamp());
        ParameterList startZone = zone(start);
        properties.add(startZone == null ? new DtStart<>(start) : new DtStart<>(startZone, ((ZonedDateTime) start).toLocalDateTime()));
        if (end != null) {
            ParameterList endZone = zone(end);
            properties.add(endZone == null ? new DtEnd<>(end) : new DtEnd<>(endZone, ((ZonedDateTime) end).toLocalDateTime()));
        }
        properties.add(new Summary(summary));
        return new VEvent(new PropertyList(properties));
    }

    /** The TZID of a time in a named zone; null for a day, a floating time or an instant. */
    private static ParameterList zone(Temporal time) {
        return time instanceof ZonedDateTime zoned && !(zoned.getZone() instanceof ZoneOffset)
                ? new ParameterList(List.of(new TzId(zoned.getZone().getId()))) : null;
    }
}

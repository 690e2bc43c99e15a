package org.talkfeed.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;

/**
 * When a structured event is, as a talk states it: a date, local start and end times, and the IANA zone they are
 * in. A start is given as calendar data and markup give it: in a named zone ({@link ZonedDateTime} with a region),
 * as an instant with an offset ({@link OffsetDateTime}), floating ({@link LocalDateTime}), or a whole day
 * ({@link LocalDate}). Times given as instants are shown in the first preferred zone that has their offset; a
 * floating time with no zone to put it in stays a local hour in no zone.
 *
 * @param zone  null when the data gives a floating time and no zone is configured or stated
 * @param start null for a whole-day event
 * @param end   null when not given, or when the event ends on another day
 */
record EventTimes(LocalDate date, LocalTime start, LocalTime end, String zone, List<String> warnings) {

    EventTimes {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param preferredZones IANA zones in order of preference: the configured one, those the message states
     */
    static EventTimes of(Temporal start, Temporal end, List<String> preferredZones) {
        List<String> warnings = new ArrayList<>();
        String preferred = preferredZones.isEmpty() ? null : preferredZones.get(0);
        if (start instanceof LocalDate day) {
            return new EventTimes(day, null, null, preferred, warnings);
        }
        ZonedDateTime at;
        if (start instanceof ZonedDateTime zoned && !(zoned.getZone() instanceof ZoneOffset)) {
            at = zoned;
        } else if (start instanceof ZonedDateTime || start instanceof OffsetDateTime) {
            OffsetDateTime instant = start instanceof ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) start;
            at = instant.atZoneSameInstant(ZoneId.of(zoneFor(instant, preferredZones, warnings)));
        } else if (start instanceof LocalDateTime floating) {
            if (preferred == null) {
                // the local hour as given, in no zone: published as such, like a rule talk whose zone is not known
                warnings.add("no time zone given, configured or stated");
                LocalDateTime floatingEnd = end instanceof LocalDateTime e ? e : null;
                return new EventTimes(floating.toLocalDate(), floating.toLocalTime(), endTime(floating, floatingEnd, warnings),
                        null, warnings);
            }
            at = floating.atZone(ZoneId.of(preferred));
        } else {
            throw new IllegalArgumentException("not a date or time: " + start);
        }
        return new EventTimes(at.toLocalDate(), at.toLocalTime(), endTime(at, end, warnings), at.getZone().getId(), warnings);
    }

    /** The zone to show an instant in: a preferred zone with its offset (any, for a time given in UTC), else one likely for the offset. */
    private static String zoneFor(OffsetDateTime instant, List<String> preferredZones, List<String> warnings) {
        ZoneOffset offset = instant.getOffset();
        Instant moment = instant.toInstant();
        if (offset.getTotalSeconds() == 0) {
            if (!preferredZones.isEmpty()) {
                return preferredZones.get(0); // "Z" says when, not where
            }
            warnings.add("the time is given in UTC and no time zone is configured or stated; shown in UTC");
            return "UTC";
        }
        for (String zone : preferredZones) {
            if (ZoneId.of(zone).getRules().getOffset(moment).equals(offset)) {
                return zone;
            }
        }
        String likely = ZoneWords.byOffset(offset, moment);
        if (likely == null) {
            warnings.add("no named time zone has the offset " + offset + "; shown in UTC");
            return "UTC";
        }
        warnings.add("time zone " + likely + " chosen for the offset " + offset);
        return likely;
    }

    private static LocalTime endTime(LocalDateTime start, LocalDateTime end, List<String> warnings) {
        return end == null ? null : localEnd(start, end, warnings);
    }

    private static LocalTime endTime(ZonedDateTime start, Temporal end, List<String> warnings) {
        LocalDateTime local;
        if (end instanceof ZonedDateTime zoned) {
            local = zoned.withZoneSameInstant(start.getZone()).toLocalDateTime();
        } else if (end instanceof OffsetDateTime offset) {
            local = offset.atZoneSameInstant(start.getZone()).toLocalDateTime();
        } else if (end instanceof LocalDateTime floating) {
            local = floating;
        } else {
            return null;
        }
        return localEnd(start.toLocalDateTime(), local, warnings);
    }

    private static LocalTime localEnd(LocalDateTime start, LocalDateTime local, List<String> warnings) {
        if (!local.isAfter(start)) {
            warnings.add("the end " + local + " is not after the start; left out");
            return null;
        }
        if (!local.toLocalDate().equals(start.toLocalDate())) {
            warnings.add("ends on another day (" + local.toLocalDate() + ")");
            return null;
        }
        return local.toLocalTime();
    }
}

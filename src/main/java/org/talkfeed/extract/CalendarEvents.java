package org.talkfeed.extract;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.talkfeed.talk.StructuredEvent;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.io.StringReader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One iCalendar part (an invitation, a cancellation, a published event) read with ical4j into talks: SUMMARY,
 * DTSTART and DTEND or DURATION with their zone, LOCATION, the join link, DESCRIPTION without the calendar
 * program's boilerplate, the ORGANIZER's name, UID, SEQUENCE and METHOD.
 */
final class CalendarEvents {
    private static final int MAX_EVENTS = 50;
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final DateTimeFormatter BASIC_DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    /** Properties that hold the link to join an online meeting, as Google, Microsoft and RFC 7986 write it. */
    private static final List<String> CONFERENCE = List.of("CONFERENCE", "X-GOOGLE-CONFERENCE",
            "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK");
    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*\\R\\s*");
    private static final java.util.regex.Pattern FOLD = java.util.regex.Pattern.compile("\\r?\\n[ \\t]");
    private static final int MAX_TIMEZONES = 4;
    private static final java.util.regex.Pattern SAFE_ZONE_RULE = java.util.regex.Pattern.compile(
            "RRULE:(?=(?:.*;)?FREQ=YEARLY(?:;|$))(?:(?:FREQ=YEARLY|INTERVAL=\\d{1,2}|BYMONTH=\\d{1,2}|BYDAY=[+-]?\\d?[A-Z]{2}"
                    + "|BYMONTHDAY=[+-]?\\d{1,2}(?:,[+-]?\\d{1,2}){0,6}|BYSETPOS=[+-]?\\d|COUNT=\\d{1,3}"
                    + "|UNTIL=\\d{8}(?:T\\d{6}Z?)?|WKST=[A-Z]{2})(?:;|$))+");
    private static final String RECURRING = "a recurring event: only its first occurrence is taken";

    /**
     * What one calendar part holds.
     *
     * @param method  its METHOD in capitals, or null
     * @param problem why the part, or an event in it, could not be read; null when all was read
     */
    record Read(String method, List<StructuredTalk> talks, String problem) {
        Read {
            talks = List.copyOf(talks);
        }
    }

    private CalendarEvents() {
    }

    /**
     * @param configuredZone the list's zone, or null
     * @param statedZones    zones the message's text states, for times the calendar gives in UTC or floating
     */
    static Read read(String text, String configuredZone, List<String> statedZones) {
        Prepared prepared;
        Calendar calendar;
        try {
            prepared = prepared(text);
            calendar = parse(prepared);
        } catch (IOException | ParserException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Read(null, List.of(), "a calendar part could not be read: " + firstLine(why));
        }
        String method = value(calendar.getProperty(Property.METHOD)).map(m -> m.toUpperCase(Locale.ROOT)).orElse(null);
        List<String> zones = preferredZones(calendar, prepared.namedZones(), configuredZone, statedZones);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        Set<String> masters = new HashSet<>();
        for (VEvent event : events) {
            if (event.getProperty(Property.RECURRENCE_ID).isEmpty()) {
                value(event.getProperty(Property.UID)).ifPresent(masters::add);
            }
        }
        List<StructuredTalk> talks = new ArrayList<>();
        String problem = null;
        for (VEvent event : events.subList(0, Math.min(events.size(), MAX_EVENTS))) {
            Optional<String> uid = value(event.getProperty(Property.UID));
            if (event.getProperty(Property.RECURRENCE_ID).isPresent() && uid.isPresent() && masters.contains(uid.get())) {
                continue; // one changed occurrence of a series whose first occurrence is read
            }
            try {
                talks.add(talk(event, calendar, method, zones));
            } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
                problem = "an event in a calendar part could not be read: " + firstLine(String.valueOf(e.getMessage()));
            }
        }
        return new Read(method, talks, problem);
    }

    /** The calendar text ical4j is given, and the IANA zones of the time-zone definitions taken out of it. */
    record Prepared(String calendar, List<String> namedZones) {
    }

    private static Calendar parse(Prepared prepared) throws IOException, ParserException {
        // a registry of its own: the zones a calendar defines (by any name) must not leak into the next one's
        return new CalendarBuilder(TimeZoneRegistryFactory.getInstance().createRegistry()).build(new StringReader(prepared.calendar()));
    }

    /**
     * The calendar alone (text before and after it, a signature or a mailer's note, is no part of it), without the
     * VTIMEZONEs of zones known by name: ical4j works out a zone's transitions from its rules as it parses, which
     * costs time, and the name says more than the rules. The definitions of zones known by no name are kept, if
     * they are few and each of their rules is yearly with at most one month, one weekday and a week of month days,
     * as real zones' are: "FREQ=SECONDLY" from 1601 would take all the memory there is.
     */
    static Prepared prepared(String text) {
        String upperText = text.toUpperCase(Locale.ROOT);
        int begin = upperText.indexOf("BEGIN:VCALENDAR");
        int end = upperText.lastIndexOf("END:VCALENDAR");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("no BEGIN:VCALENDAR ... END:VCALENDAR in it");
        }
        String calendar = FOLD.matcher(text.substring(begin, end + "END:VCALENDAR".length())).replaceAll("");
        List<String> kept = new ArrayList<>();
        List<String> named = new ArrayList<>();
        List<String> zone = null;
        int unnamed = 0;
        for (String line : calendar.split("\r?\n")) {
            String upper = line.strip().toUpperCase(Locale.ROOT);
            if (zone == null && !upper.equals("BEGIN:VTIMEZONE")) {
                kept.add(line);
                continue;
            }
            zone = zone == null ? new ArrayList<>() : zone;
            zone.add(line);
            if (!upper.equals("END:VTIMEZONE")) {
                continue;
            }
            String iana = CalendarZones.iana(zone.stream().filter(l -> l.toUpperCase(Locale.ROOT).startsWith("TZID"))
                    .map(l -> l.substring(l.indexOf(':') + 1)).findFirst().orElse(null));
            if (iana != null) {
                named.add(iana);
            } else {
                if (++unnamed > MAX_TIMEZONES) {
                    throw new IllegalArgumentException("it defines more than " + MAX_TIMEZONES + " time zones");
                }
                for (String rule : zone) {
                    String upperRule = rule.strip().toUpperCase(Locale.ROOT);
                    if ((upperRule.startsWith("RRULE") || upperRule.startsWith("EXRULE"))
                            && (upperRule.length() > 200 || !SAFE_ZONE_RULE.matcher(upperRule).matches())) {
                        throw new IllegalArgumentException("it defines a time zone by a rule no zone has: " + firstLine(rule));
                    }
                }
                kept.addAll(zone);
            }
            zone = null;
        }
        if (zone != null) {
            throw new IllegalArgumentException("a VTIMEZONE in it has no end");
        }
        return new Prepared(String.join("\r\n", kept) + "\r\n", List.copyOf(named));
    }

    /** The configured zone, then the calendar's own (X-WR-TIMEZONE, the one zone it defines), then those the text states. */
    private static List<String> preferredZones(Calendar calendar, List<String> namedZones, String configuredZone,
                                               List<String> statedZones) {
        Set<String> zones = new LinkedHashSet<>();
        if (configuredZone != null) {
            zones.add(configuredZone);
        }
        value(calendar.getProperty("X-WR-TIMEZONE")).map(CalendarZones::iana).ifPresent(zones::add);
        if (namedZones.size() == 1 && calendar.getComponents(Component.VTIMEZONE).isEmpty()) {
            zones.add(namedZones.get(0));
        }
        zones.addAll(statedZones);
        return List.copyOf(zones);
    }

    private static StructuredTalk talk(VEvent event, Calendar calendar, String method, List<String> zones) {
        List<String> warnings = new ArrayList<>();
        Property dtStart = event.getProperty(Property.DTSTART)
                .orElseThrow(() -> new IllegalArgumentException("an event with no DTSTART"));
        Temporal start = when(dtStart, calendar, warnings);
        Temporal end = event.getProperty(Property.DTEND).map(p -> when(p, calendar, warnings))
                .orElseGet(() -> plusDuration(start, event));
        EventTimes times = EventTimes.of(start, end, zones);
        warnings.addAll(times.warnings());
        if (event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent()) {
            warnings.add(RECURRING);
        }
        String rawDescription = value(event.getProperty(Property.DESCRIPTION))
                .or(() -> value(event.getProperty("X-ALT-DESC"))).orElse(null);
        String where = value(event.getProperty(Property.LOCATION)).map(w -> LINE_BREAKS.matcher(w).replaceAll(", ")).orElse(null);
        String join = conferenceLink(event);
        if (join == null) {
            join = Places.joinUrl(where, rawDescription);
        }
        boolean online = join != null || Places.mentionsOnline(where);
        String location = where == null ? null : Places.location(List.of(where));
        String url = join != null ? join : value(event.getProperty(Property.URL)).orElse(null);
        String organizer = event.getProperty(Property.ORGANIZER).flatMap(p -> p.getParameter(Parameter.CN))
                .map(p -> unquote(((Parameter) p).getValue())).filter(s -> !s.isBlank()).orElse(null);
        String description = CalendarDescription.clean(rawDescription);
        String title = value(event.getProperty(Property.SUMMARY)).orElse(null);
        Talk talk = new Talk(title, List.of(), times.date(), times.start(), times.end(), times.zone(), location, online, url,
                organizer, null, description, null, 0.9, warnings);
        boolean cancelled = "CANCEL".equals(method)
                || value(event.getProperty(Property.STATUS)).map(s -> s.equalsIgnoreCase("CANCELLED")).orElse(false);
        int sequence = value(event.getProperty(Property.SEQUENCE)).map(CalendarEvents::integer).orElse(0);
        StructuredEvent from = new StructuredEvent(value(event.getProperty(Property.UID)).orElse(null), sequence, method,
                StructuredEvent.Source.ICALENDAR);
        return new StructuredTalk(talk, from, cancelled ? StructuredTalk.Status.CANCELLED : StructuredTalk.Status.SCHEDULED,
                description, where != null);
    }

    /**
     * A DTSTART or DTEND as written: a day, a UTC instant, a time in a zone the TZID names (an IANA id or a Windows
     * name), an instant by the calendar's own VTIMEZONE for a zone known by no name, or a floating time.
     */
    private static Temporal when(Property property, Calendar calendar, List<String> warnings) {
        String value = property.getValue().strip();
        boolean day = property.getParameter(Parameter.VALUE).map(p -> ((Parameter) p).getValue().equalsIgnoreCase("DATE"))
                .orElse(false) || value.length() == 8;
        if (day) {
            return LocalDate.parse(value, BASIC_DATE);
        }
        if (value.endsWith("Z") || value.endsWith("z")) {
            return LocalDateTime.parse(value.substring(0, value.length() - 1), BASIC_DATE_TIME).atOffset(ZoneOffset.UTC);
        }
        LocalDateTime local = LocalDateTime.parse(value, BASIC_DATE_TIME);
        Optional<String> tzid = property.getParameter(Parameter.TZID).map(p -> ((Parameter) p).getValue());
        if (tzid.isEmpty()) {
            return local;
        }
        String iana = CalendarZones.iana(tzid.get());
        if (iana != null) {
            return ZonedDateTime.of(local, ZoneId.of(iana));
        }
        if (hasTimezone(calendar, tzid.get()) && property instanceof DateProperty<?> date
                && date.getDate() instanceof ZonedDateTime zoned) {
            warnings.add("time zone \"" + tzid.get() + "\" is known by no name; read from the calendar's own definition");
            return zoned.toOffsetDateTime();
        }
        warnings.add("unknown time zone \"" + tzid.get() + "\"; the time is read as local");
        return local;
    }

    private static boolean hasTimezone(Calendar calendar, String tzid) {
        for (CalendarComponent zone : calendar.<CalendarComponent>getComponents(Component.VTIMEZONE)) {
            if (value(zone.getProperty(Property.TZID)).map(tzid::equals).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    private static Temporal plusDuration(Temporal start, VEvent event) {
        Optional<Property> duration = event.getProperty(Property.DURATION);
        if (duration.isEmpty() || start instanceof LocalDate
                || !(duration.get() instanceof net.fortuna.ical4j.model.property.Duration amount)) {
            return null;
        }
        TemporalAmount length = amount.getDuration();
        return length == null ? null : start.plus(length);
    }

    private static String conferenceLink(VEvent event) {
        for (String name : CONFERENCE) {
            for (Property property : event.getProperties(name)) {
                String value = property.getValue();
                if (value != null && Places.URL.matcher(value).find()) {
                    java.util.regex.Matcher url = Places.URL.matcher(value);
                    if (url.find()) {
                        return url.group();
                    }
                }
            }
        }
        return null;
    }

    private static Optional<String> value(Optional<? extends net.fortuna.ical4j.model.Content> content) {
        return content.map(net.fortuna.ical4j.model.Content::getValue).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Integer integer(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String unquote(String text) {
        String s = text.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).strip() : s;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}

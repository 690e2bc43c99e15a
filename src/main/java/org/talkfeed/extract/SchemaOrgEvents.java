package org.talkfeed.extract;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.parser.Parser;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.StructuredEvent;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.HtmlText;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One schema.org Event (as {@link SchemaOrgMarkup} finds it) read into a talk: name, startDate and endDate,
 * location (a Place's name or address, a VirtualLocation's link), performers as speakers, the organizer as host,
 * description, url, eventStatus (cancelled, postponed, rescheduled, moved online) and eventAttendanceMode.
 */
final class SchemaOrgEvents {
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SPACE_BEFORE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("(T.*[+-]\\d{2})(\\d{2})$");
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z/][^>]*>");
    private static final int MAX_PEOPLE = 20;

    private SchemaOrgEvents() {
    }

    /** The event as a talk; an event with no readable startDate is no talk (IllegalArgumentException). */
    static StructuredTalk talk(SchemaOrgMarkup.Found found, String configuredZone, List<String> statedZones) {
        JsonNode event = found.event();
        Temporal start = temporal(text(event.get("startDate")));
        if (start == null) {
            throw new IllegalArgumentException("an event in schema.org markup has no readable startDate");
        }
        Set<String> zones = new LinkedHashSet<>();
        if (configuredZone != null) {
            zones.add(configuredZone);
        }
        zones.addAll(statedZones);
        EventTimes times = EventTimes.of(start, temporal(text(event.get("endDate"))), List.copyOf(zones));
        List<String> warnings = new ArrayList<>(times.warnings());

        String status = localName(event.get("eventStatus"));
        String mode = localName(event.get("eventAttendanceMode"));
        String description = description(text(event.get("description")));
        String place = null;
        String join = null;
        List<String> placeTexts = new ArrayList<>();
        for (JsonNode location : elements(event.get("location"))) {
            String type = location.isObject() ? localName(location.get("@type")) : "";
            if (type.equals("virtuallocation")) {
                join = join != null ? join : line(location.get("url"));
                continue;
            }
            String where = location.isObject() ? placeName(location) : line(location);
            if (where == null) {
                continue;
            }
            if (Places.URL.matcher(where).matches()) {
                join = join != null ? join : where;
            } else {
                placeTexts.add(where);
                place = place != null ? place : where;
            }
        }
        if (join == null) {
            join = Places.joinUrl(String.join("\n", placeTexts), description);
        }
        boolean online = join != null || mode.equals("onlineeventattendancemode") || mode.equals("mixedeventattendancemode")
                || status.equals("eventmovedonline") || Places.mentionsOnline(place);
        String location = place == null ? null : Places.location(List.of(place));
        String page = line(event.get("url"));
        String host = elements(event.get("organizer")).stream().map(SchemaOrgEvents::line).filter(s -> s != null)
                .findFirst().orElse(null);
        Talk talk = new Talk(line(event.get("name")), speakers(event.get("performer")), times.date(), times.start(),
                times.end(), times.zone(), location, online, join != null ? join : page, host, null, description, null,
                0.9, warnings);
        String id = line(event.get("@id"));
        StructuredEvent from = new StructuredEvent(id != null ? id : page, null, null, found.source());
        return new StructuredTalk(talk, from, status(status), description, place != null || join != null);
    }

    private static StructuredTalk.Status status(String status) {
        return switch (status) {
            case "eventcancelled", "eventpostponed" -> StructuredTalk.Status.CANCELLED;
            case "eventrescheduled", "eventmovedonline" -> StructuredTalk.Status.CHANGED;
            default -> StructuredTalk.Status.SCHEDULED;
        };
    }

    private static List<Speaker> speakers(JsonNode performers) {
        List<Speaker> speakers = new ArrayList<>();
        for (JsonNode performer : elements(performers)) {
            String name = line(performer);
            if (name == null || speakers.size() >= MAX_PEOPLE) {
                continue;
            }
            String affiliation = performer.isObject() ? line(performer.get("affiliation")) : null;
            if (affiliation == null && performer.isObject()) {
                affiliation = line(performer.get("worksFor"));
            }
            speakers.add(new Speaker(name, affiliation));
        }
        return speakers;
    }

    /** A Place by its name, else its address: the street and the town. */
    private static String placeName(JsonNode place) {
        String name = line(place.get("name"));
        if (name != null) {
            return name;
        }
        JsonNode address = place.get("address");
        if (address == null || !address.isObject()) {
            return line(address);
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("streetAddress", "addressLocality")) {
            String part = line(address.get(field));
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? line(address) : String.join(", ", parts);
    }

    private static String description(String text) {
        if (text == null) {
            return null;
        }
        return CalendarDescription.clean(TAG.matcher(text).find() ? HtmlText.toText(text) : text);
    }

    /** "2025-03-12", "2025-03-12T16:00", "2025-03-12T16:00:00-04:00", "2025-03-12 16:00", "...-0400", "...Z". */
    static Temporal temporal(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        try {
            if (DATE_ONLY.matcher(s).matches()) {
                return LocalDate.parse(s);
            }
            s = SPACE_BEFORE_TIME.matcher(s).replaceFirst("$1T$2");
            s = OFFSET_WITHOUT_COLON.matcher(s).replaceFirst("$1:$2");
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.getZone() instanceof ZoneOffset ? zoned.toOffsetDateTime() : zoned;
            }
            return (LocalDateTime) parsed;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static List<JsonNode> elements(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            return List.of(node);
        }
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode element : node) {
            if (all.size() >= MAX_PEOPLE) {
                break;
            }
            all.add(element);
        }
        return all;
    }

    private static String localName(JsonNode node) {
        String text = text(node);
        return text == null ? "" : SchemaOrgMarkup.localName(text);
    }

    /** A value's text: a string, an item's name (or its {@code @value} or {@code @id}), the first of an array. */
    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                String text = text(element);
                if (text != null) {
                    return text;
                }
            }
            return null;
        }
        if (node.isObject()) {
            for (String key : List.of("name", "@value", "@id")) {
                if (node.hasNonNull(key) && !node.get(key).isContainerNode()) {
                    return text(node.get(key));
                }
            }
            return null;
        }
        if (!node.isValueNode()) {
            return null;
        }
        String text = Parser.unescapeEntities(node.asText(), false).strip();
        return text.isEmpty() ? null : text;
    }

    /** A value's text on one line. */
    private static String line(JsonNode node) {
        String text = text(node);
        return text == null ? null : Spaces.collapse(text).strip();
    }
}

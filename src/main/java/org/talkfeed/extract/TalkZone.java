package org.talkfeed.extract;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A talk's time zone, in this order: a zone written with its time ("4pm CET", "Berlin time", "UTC+2"); the
 * mailbox's configured zone; the zone of the place where it is held (its location, else the lines around its date);
 * the Date header's offset, when it is not UTC and fits one zone; else none. A zone taken from the place or the
 * header is assumed, and its warning says where it came from.
 */
final class TalkZone {
    /** @param zone IANA id, or null for none; @param warning how it was assumed, or null when stated or configured */
    record Decision(String zone, String warning) {
    }

    /**
     * What a talk's text offers.
     *
     * @param statedIn   the texts a zone word may be written in, nearest the time first
     * @param location   the talk's location, or null
     * @param aroundDate the lines around the talk's date, read only when nothing before settles the zone
     * @param sent       the Date header, or null
     */
    record Clues(List<String> statedIn, String location, Supplier<String> aroundDate, ZonedDateTime sent, LocalDate date,
                 LocalTime start) {
    }

    private static final LocalTime MIDDAY = LocalTime.NOON;
    /** A location up to this long is quoted whole in the warning, a longer one by the place's words. */
    private static final int QUOTED_LOCATION = 80;
    private static final java.time.format.DateTimeFormatter HEADER_OFFSET = java.time.format.DateTimeFormatter.ofPattern("xx");

    private TalkZone() {
    }

    static Decision decide(Clues clues, String configured) {
        for (String text : clues.statedIn()) {
            String stated = text == null || text.isEmpty() ? null : ZoneWords.find(text);
            if (stated != null) {
                return new Decision(stated, null);
            }
        }
        if (configured != null) {
            return new Decision(configured, null);
        }
        VenueZone.Found venue = VenueZone.in(clues.location(), false);
        String from = venue == null ? null : clues.location().length() <= QUOTED_LOCATION ? clues.location() : venue.from();
        if (venue == null) {
            venue = VenueZone.in(clues.aroundDate().get(), true);
            from = venue == null ? null : venue.from();
        }
        if (venue != null) {
            return new Decision(venue.zone(), ExtractionWarnings.ZONE_ASSUMED + "'" + from + "': " + venue.zone()
                    + (venue.note() == null ? "" : " (" + venue.note() + ")"));
        }
        String bySent = fromSentOffset(clues.sent(), clues.date(), clues.start());
        if (bySent != null) {
            return new Decision(bySent, ExtractionWarnings.ZONE_ASSUMED + "the Date header's offset "
                    + HEADER_OFFSET.format(clues.sent()) + ": " + bySent);
        }
        return new Decision(null, ExtractionWarnings.NO_ZONE);
    }

    /**
     * The zone the sender's offset points to. UTC (+0000, -0000, GMT, or a header without a zone) says nothing of the
     * venue: relays and archives write it. Other offsets count when the likely zones that have it at the sending time
     * also agree at the talk's own time.
     */
    static String fromSentOffset(ZonedDateTime sent, LocalDate date, LocalTime start) {
        if (sent == null || sent.getOffset().equals(ZoneOffset.UTC)) {
            return null;
        }
        List<ZoneId> zones = ZoneWords.zonesWithOffset(sent.getOffset(), sent.toInstant());
        if (zones.isEmpty()) {
            return null;
        }
        if (date != null) {
            java.time.LocalDateTime at = date.atTime(start == null ? MIDDAY : start);
            ZoneOffset first = zones.get(0).getRules().getOffset(at);
            if (zones.stream().anyMatch(z -> !z.getRules().getOffset(at).equals(first))) {
                return null; // -0700 in summer: Los Angeles or Phoenix, which part in winter
            }
        }
        return zones.get(0).getId();
    }

    /** The texts a zone may be written in: right after the time, then the time's whole text, then the time's line. */
    static List<String> whereStated(String timeText, String when, TimeRange time) {
        List<String> texts = new ArrayList<>();
        boolean placed = time != null && time.position() >= 0 && time.endPosition() <= timeText.length();
        if (placed) {
            // "6:30 to 7:30pm UK Summer Time": the zone written with the time, before any other in the text
            texts.add(timeText.substring(time.position(), Math.min(timeText.length(), time.endPosition() + 40)));
        }
        texts.add(timeText.isEmpty() ? when : timeText);
        if (placed && !timeText.isEmpty()) {
            texts.add(lineAround(timeText, time.position()));
        }
        return texts;
    }

    /**
     * The line of the prose that holds the talk's date, with the lines either side, and the labeled date text; the
     * speakers' affiliations blanked out, since a visiting speaker's institution is not the venue.
     */
    static String aroundDate(String prose, String when, LocalDate date, DateFinder dates, List<String> affiliations) {
        StringBuilder around = new StringBuilder(when == null ? "" : when);
        if (prose != null && !prose.isEmpty() && date != null) {
            dates.find(prose).stream().filter(m -> date.equals(m.date()) && m.start() >= 0).findFirst()
                    .ifPresent(m -> around.append('\n').append(linesAround(prose, m.start())));
        }
        String text = around.toString();
        for (String affiliation : affiliations) {
            if (affiliation != null && !affiliation.isBlank()) {
                text = text.replace(affiliation, "\n");
            }
        }
        return text;
    }

    /** The line holding the position, with the line before and the line after it. */
    private static String linesAround(String text, int position) {
        int line = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
        int from = line == 0 ? 0 : text.lastIndexOf('\n', line - 2) + 1;
        int end = text.indexOf('\n', position);
        int to = end < 0 ? -1 : text.indexOf('\n', end + 1);
        return text.substring(from, to < 0 ? text.length() : to);
    }

    private static String lineAround(String text, int position) {
        int start = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
        int end = text.indexOf('\n', position);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}

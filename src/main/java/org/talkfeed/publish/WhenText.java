package org.talkfeed.publish;

import org.talkfeed.talk.Talk;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;

/** When a talk is, for readers: in the talk's own zone, with its UTC offset on that day. */
public final class WhenText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private WhenText() {
    }

    /** "Tue 17 Feb 2026, 16:00–17:00 UTC+01:00 (Europe/Berlin)". */
    public static String of(Talk talk) {
        return withZone(talk, start -> offset(start.getOffset()) + " (" + talk.timezone() + ")");
    }

    /** "Tue 3 Mar 2026, 16:00–17:00 EST (UTC−05:00)", for the talk's page; without a zone, "(local time)". */
    public static String withZoneName(Talk talk) {
        return withZone(talk, start -> ZONE_NAME.format(start) + " (" + offset(start.getOffset()).replace('-', '\u2212') + ")");
    }

    /** The day and the times, then what {@code zone} says of the start in the talk's zone. */
    private static String withZone(Talk talk, Function<ZonedDateTime, String> zone) {
        if (talk.date() == null) {
            return "date not given";
        }
        String day = DAY.format(talk.date());
        if (talk.start() == null) {
            return day;
        }
        String times = TIME.format(talk.start()) + (talk.end() == null ? "" : "–" + TIME.format(talk.end()));
        if (talk.timezone() == null) {
            return day + ", " + times + " (local time)";
        }
        return day + ", " + times + " " + zone.apply(ZonedDateTime.of(talk.date(), talk.start(), ZoneId.of(talk.timezone())));
    }

    /** "Tue 3 Mar 2026, 16:00 EST", for lists of talks. */
    public static String brief(Talk talk) {
        if (talk.date() == null) {
            return "date not given";
        }
        String day = DAY.format(talk.date());
        if (talk.start() == null) {
            return day;
        }
        if (talk.timezone() == null) {
            return day + ", " + TIME.format(talk.start());
        }
        return day + ", " + TIME.format(talk.start()) + " "
                + ZONE_NAME.format(ZonedDateTime.of(talk.date(), talk.start(), ZoneId.of(talk.timezone())));
    }

    static String offset(ZoneOffset offset) {
        return offset.equals(ZoneOffset.UTC) ? "UTC" : "UTC" + offset.getId();
    }
}

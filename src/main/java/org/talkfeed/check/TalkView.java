package org.talkfeed.check;

import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A talk as subscribers will see it: its title, speakers with affiliations, local time with zone and offset, place, link, host. */
public record TalkView(String title, List<String> speakers, String when, String location, String link, String host, String series) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    static TalkView of(Talk talk) {
        List<String> speakers = talk.speakers().stream().map(Speaker::withAffiliation).toList();
        String location = talk.location() != null ? talk.location() : talk.online() ? "online" : null;
        return new TalkView(talk.title(), speakers, when(talk), location, talk.url(), talk.host(), talk.series());
    }


    /** "Thu 5 Mar 2026, 16:00–17:00 America/Chicago (UTC−06:00)"; without a zone, the local time as written. */
    static String when(Talk talk) {
        if (talk.date() == null) {
            return null;
        }
        String day = DAY.format(talk.date());
        if (talk.start() == null) {
            return day + ", no time given";
        }
        String times = TIME.format(talk.start()) + (talk.end() == null ? "" : "–" + TIME.format(talk.end()));
        if (talk.timezone() == null) {
            return day + ", " + times + " (no time zone)";
        }
        ZoneOffset offset = ZoneId.of(talk.timezone()).getRules().getOffset(talk.date().atTime(talk.start()));
        return day + ", " + times + " " + talk.timezone() + " (" + offset(offset) + ")";
    }

    /** "UTC−06:00" with a true minus sign, "UTC+01:00", "UTC+00:00". */
    static String offset(ZoneOffset offset) {
        String id = offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
        return "UTC" + id.replace('-', '−');
    }
}

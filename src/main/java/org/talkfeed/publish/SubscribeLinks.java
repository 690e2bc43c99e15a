package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The addresses a reader clicks or copies. With the site's public address (base URL) a feed has an https link, a
 * {@code webcal://} link (which opens the reader's calendar app) and Google Calendar's subscribe link; without one, only
 * a link relative to the page, since the other two need a full address.
 */
final class SubscribeLinks {
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    /** Google's template link is a URL: a long abstract is cut, the talk's page has all of it. */
    private static final int MAX_DETAILS = 1500;

    private final String baseUrl;
    private final Duration defaultDuration;

    SubscribeLinks(String baseUrl, Duration defaultDuration) {
        this.baseUrl = baseUrl;
        this.defaultDuration = defaultDuration;
    }

    boolean absolute() {
        return baseUrl != null;
    }

    /** A site file ({@code path} from the site's root) as linked from a page {@code depth} folders below the root. */
    String href(String path, int depth) {
        return baseUrl != null ? baseUrl + "/" + path : "../".repeat(depth) + path;
    }

    /** The feed for calendar apps: webcal:// and the rest of its https address; null without a base URL. */
    String webcal(String path) {
        return baseUrl == null ? null : "webcal://" + baseUrl.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "") + "/" + path;
    }

    /** Google Calendar's page that subscribes to the feed (it asks for the webcal:// address); null without a base URL. */
    String googleSubscribe(String path) {
        String webcal = webcal(path);
        return webcal == null ? null : "https://calendar.google.com/calendar/r?cid=" + encode(webcal);
    }

    /** Google Calendar's page that adds this one talk (times in UTC, or local when the talk's zone is not known). */
    String googleEvent(StoredTalk stored) {
        Talk talk = stored.talk();
        String dates;
        if (talk.start() == null) {
            dates = DAY.format(talk.date()) + "/" + DAY.format(talk.date().plusDays(1));
        } else {
            LocalDateTime start = talk.date().atTime(talk.start());
            LocalDateTime end = talk.end() != null ? talk.date().atTime(talk.end()) : start.plus(defaultDuration);
            if (talk.timezone() == null) {
                dates = LOCAL_TIME.format(start) + "/" + LOCAL_TIME.format(end);
            } else {
                ZoneId zone = ZoneId.of(talk.timezone());
                dates = UTC_TIME.format(start.atZone(zone).withZoneSameInstant(ZoneOffset.UTC)) + "/"
                        + UTC_TIME.format(end.atZone(zone).withZoneSameInstant(ZoneOffset.UTC));
            }
        }
        StringBuilder link = new StringBuilder("https://calendar.google.com/calendar/render?action=TEMPLATE");
        link.append("&text=").append(encode(FeedSet.titleOf(talk) + (talk.speakers().isEmpty() || talk.title() == null ? ""
                : " (" + talk.speakerNames() + ")")));
        link.append("&dates=").append(dates);
        link.append("&details=").append(encode(details(stored)));
        String location = CalendarFeed.location(talk);
        if (location != null) {
            link.append("&location=").append(encode(location));
        }
        return link.toString();
    }

    private String details(StoredTalk stored) {
        Talk talk = stored.talk();
        StringBuilder d = new StringBuilder();
        for (Speaker speaker : talk.speakers()) {
            d.append("Speaker: ").append(speaker.withAffiliation())
                    .append('\n');
        }
        if (talk.url() != null) {
            d.append("Join: ").append(talk.url()).append('\n');
        }
        if (talk.abstractText() != null) {
            String text = talk.abstractText();
            d.append('\n').append(text.length() > MAX_DETAILS ? text.substring(0, text.offsetByCodePoints(0,
                    text.codePointCount(0, MAX_DETAILS))) + "…" : text).append('\n');
        }
        if (baseUrl != null) {
            d.append('\n').append(href("talks/" + stored.slug() + ".html", 0));
        }
        return IcalText.clean(d.toString().strip());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

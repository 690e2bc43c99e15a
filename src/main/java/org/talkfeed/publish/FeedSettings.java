package org.talkfeed.publish;

import java.time.Duration;

/**
 * How the feeds are made: the site's name, the length of a talk whose end is not stated, the public address of the
 * site (null: links stay relative), how many past days a subscribable feed keeps, how long before a talk the
 * reminder variants alert, and how often clients are asked to refresh.
 */
public record FeedSettings(String name, Duration defaultDuration, String baseUrl, int windowDays, Duration alarmBefore,
                           Duration refreshInterval) {
    public static final int DEFAULT_WINDOW_DAYS = 90;
    public static final Duration DEFAULT_ALARM = Duration.ofMinutes(15);
    public static final Duration DEFAULT_REFRESH = Duration.ofMinutes(60);

    public FeedSettings {
        baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
    }

    public static FeedSettings withDefaults(String name, Duration defaultDuration, String baseUrl) {
        return new FeedSettings(name, defaultDuration, baseUrl, DEFAULT_WINDOW_DAYS, DEFAULT_ALARM, DEFAULT_REFRESH);
    }
}

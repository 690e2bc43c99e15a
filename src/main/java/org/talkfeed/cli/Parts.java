package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.digest.DigestConfig;
import org.talkfeed.templates.Templates;
import org.talkfeed.smtp.SmtpSender;
import org.talkfeed.digest.WeeklyDigest;
import org.talkfeed.pipeline.RepublishSchedule;
import org.talkfeed.publish.FeedSettings;
import org.talkfeed.publish.FilteredFeeds;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.TalkStore;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/** Builds the parts a command needs from a configuration. */
final class Parts {
    private static final Clock CLOCK = Clock.systemUTC();

    private Parts() {
    }

    static TalkStore store(Config config) {
        return TalkStore.open(config.store());
    }

    static SitePublisher publisher(Config config) {
        return publisher(config, config.baseUrl());
    }

    /** @param baseUrl the site's public address for links, or null for relative links */
    static SitePublisher publisher(Config config, String baseUrl) {
        return new SitePublisher(config.site(), feedSettings(config, baseUrl), listZone(config).getId(), templates(config), CLOCK);
    }

    static FilteredFeeds filteredFeeds(Config config, String baseUrl) {
        return new FilteredFeeds(config.site(), feedSettings(config, baseUrl), listZone(config).getId(), CLOCK);
    }

    /** When `run` republishes as time passes: by the publisher's clock, in the zone whose "today" it publishes. */
    static RepublishSchedule republishSchedule(Config config) {
        return new RepublishSchedule(CLOCK, listZone(config));
    }

    private static FeedSettings feedSettings(Config config, String baseUrl) {
        return new FeedSettings(config.calendarName(), config.defaultDuration(), baseUrl,
                config.windowDays(), Duration.ofMinutes(config.alarmMinutes()), Duration.ofMinutes(config.refreshMinutes()));
    }

    /** The weekly digest of this configuration's store and site; it sends through the configured SMTP server, if any. */
    static WeeklyDigest weeklyDigest(Config config, TalkStore store, String baseUrl, Clock clock) {
        DigestConfig digest = config.digest();
        SmtpSender sender = digest.smtp() == null ? null : new SmtpSender(digest.smtp(), System::getenv);
        return new WeeklyDigest(store, digest, listZone(config),
                new WeeklyDigest.Site(config.site(), config.calendarName(), baseUrl, config.defaultDuration()),
                new Templates(templates(config)), sender, clock);
    }

    static WeeklyDigest weeklyDigest(Config config, TalkStore store, String baseUrl) {
        return weeklyDigest(config, store, baseUrl, CLOCK);
    }

    /** The folder whose templates replace the built-in ones: templates/ beside the configuration file. */
    static java.nio.file.Path templates(Config config) {
        return config.file().getParent().resolve("templates");
    }

    /** The list's zone, whose day splits upcoming from past talks: the first mailbox's configured zone, else UTC. */
    static ZoneId listZone(Config config) {
        return ZoneId.of(config.mailboxes().stream().map(m -> m.timezone()).filter(z -> z != null).findFirst().orElse("UTC"));
    }
}

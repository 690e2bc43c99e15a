package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.publish.FeedSettings;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.TalkStore;

import java.time.Clock;
import java.time.Duration;

/** Builds the parts a command needs from a configuration. */
final class Parts {
    private Parts() {
    }

    static TalkStore store(Config config) {
        return TalkStore.open(config.store());
    }

    static SitePublisher publisher(Config config) {
        String zone = config.mailboxes().stream().map(m -> m.timezone()).filter(z -> z != null).findFirst().orElse("UTC");
        FeedSettings feeds = new FeedSettings(config.calendarName(), config.defaultDuration(), config.baseUrl(),
                config.windowDays(), Duration.ofMinutes(config.alarmMinutes()), Duration.ofMinutes(config.refreshMinutes()));
        return new SitePublisher(config.site(), feeds, zone, Clock.systemUTC());
    }
}

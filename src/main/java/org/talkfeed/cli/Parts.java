package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.TalkStore;

import java.time.Clock;

/** Builds the parts a command needs from a configuration (public: `bench --publish` publishes as `publish` does). */
public final class Parts {
    private Parts() {
    }

    public static TalkStore store(Config config) {
        return TalkStore.open(config.store());
    }

    public static SitePublisher publisher(Config config) {
        String zone = config.mailboxes().stream().map(m -> m.timezone()).filter(z -> z != null).findFirst().orElse("UTC");
        return new SitePublisher(config.site(), config.calendarName(), config.defaultDuration(), config.baseUrl(), zone,
                Clock.systemUTC());
    }
}

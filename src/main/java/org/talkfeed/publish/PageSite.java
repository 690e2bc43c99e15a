package org.talkfeed.publish;

import java.time.Duration;

/** What every archive page's layout shows: the site's name and the addresses of its Atom and calendar feeds. */
public record PageSite(String name, String atom, String calendar) {

    /** For a page {@code depth} folders below the site's root: relative links, absolute with a base URL. */
    public static PageSite of(String name, String baseUrl, Duration defaultDuration, int depth) {
        return of(name, new SubscribeLinks(baseUrl, defaultDuration), depth);
    }

    static PageSite of(String name, SubscribeLinks links, int depth) {
        return new PageSite(name, links.href(AtomFeed.PATH, depth), links.href("calendar.ics", depth));
    }
}

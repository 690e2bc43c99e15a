package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The VEVENTs already rendered, by the version of the talk they were made from, the least recently used dropped past
 * {@code maxChars} of text. An event is made from a whole talk and the feed settings; the store raises a talk's
 * sequence and update time with every change of its fields, so an event made for one version is never used for another.
 * One instance serves one set of settings (a publisher keeps it from publish to publish).
 */
final class RenderedEvents {
    /** What an event is made from, besides the settings: a talk as it was at one change. */
    record Version(long id, String uid, String slug, boolean cancelled, int sequence, Instant createdAt, Instant updatedAt) {
        static Version of(StoredTalk talk) {
            return new Version(talk.id(), talk.uid(), talk.slug(), talk.cancelled(), talk.sequence(), talk.createdAt(),
                    talk.updatedAt());
        }
    }

    private final long maxChars;
    private long chars;
    private final Map<Version, CalendarFeed.Event> events = new LinkedHashMap<>(1024, 0.75f, true);

    RenderedEvents(long maxChars) {
        this.maxChars = maxChars;
    }

    /** The event of this version of the talk, when it was rendered and kept. */
    CalendarFeed.Event get(StoredTalk talk) {
        return events.get(Version.of(talk));
    }

    /** The event of this talk, made by {@code render} (from the talk, which must be whole) unless it was kept. */
    CalendarFeed.Event get(StoredTalk talk, Function<StoredTalk, CalendarFeed.Event> render) {
        Version version = Version.of(talk);
        CalendarFeed.Event event = events.get(version);
        if (event == null) {
            event = render.apply(talk);
            events.put(version, event);
            chars += event.chars();
            var eldest = events.entrySet().iterator();
            while (chars > maxChars && events.size() > 1) {
                chars -= eldest.next().getValue().chars();
                eldest.remove();
            }
        }
        return event;
    }
}

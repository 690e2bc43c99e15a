package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint of what each published file is made from. Every file depends on the settings and the list's zone;
 * a talk's page and .ics files on the talk (id, uid, slug, whether cancelled, sequence, when created and updated: the
 * store raises the sequence and the update time with every change of its fields); a feed on its definition and its
 * members; the index on every talk, the day (upcoming or past) and the feeds it lists; talks.json on every talk; atom.xml on the
 * talks it shows.
 */
final class FileInputs {
    private final String common;
    private final Map<Long, Long> talks = new HashMap<>();
    /** A talk's part in other fingerprints, and the fingerprint of its own files. */
    record TalkPrints(long talk, String files) {
    }
    private final Map<RenderedEvents.Version, TalkPrints> prints;

    /** @param kept the talks' prints made by an earlier publish with the same settings and zone (saves digests) */
    FileInputs(FeedSettings settings, String timezone, List<StoredTalk> outlines, Map<RenderedEvents.Version, TalkPrints> kept) {
        this.common = new Fingerprint().add(settings.toString()).add(timezone).hex();
        this.prints = new HashMap<>(outlines.size() * 2);
        for (StoredTalk talk : outlines) {
            RenderedEvents.Version version = RenderedEvents.Version.of(talk);
            TalkPrints print = kept.get(version);
            if (print == null) {
                long own = new Fingerprint().add(talk.id()).add(talk.uid()).add(talk.slug()).add(talk.cancelled())
                        .add(talk.sequence()).add(talk.createdAt().toString()).add(talk.updatedAt().toString()).asLong();
                print = new TalkPrints(own, start("talk").add(own).hex());
            }
            prints.put(version, print);
            talks.put(talk.id(), print.talk());
        }
    }

    /** Of a talk's page, its .ics and the .ics's reminder variant. */
    String talk(StoredTalk talk) {
        return prints.get(RenderedEvents.Version.of(talk)).files();
    }

    /** Every talk's prints, by its version, for the next publish with the same settings and zone. */
    Map<RenderedEvents.Version, TalkPrints> prints() {
        return prints;
    }

    String feed(Feed feed) {
        Fingerprint print = start("feed").add(feed.path()).add(feed.kind().name()).add(feed.label()).add(feed.title())
                .add(feed.windowed()).add(feed.alarms());
        return print.add(feed.members().size()).add(members(feed.members())).hex();
    }

    String index(List<StoredTalk> outlines, LocalDate today, List<Feed> feeds) {
        Fingerprint print = start("index").add(today.toString());
        for (Feed feed : feeds) {
            print.add(feed.kind().name()).add(feed.label()).add(feed.path());
        }
        return every(print, outlines);
    }

    /** @param entries the talks atom.xml shows, in its order */
    String atom(List<StoredTalk> entries) {
        return every(start("atom"), entries);
    }

    String json(List<StoredTalk> outlines) {
        return every(start("json"), outlines);
    }

    private String every(Fingerprint print, List<StoredTalk> outlines) {
        return print.add(outlines.size()).add(members(outlines)).hex();
    }

    /** The talks in order, folded into 64 bits by mixing (a digest per feed member would cost more than the rest). */
    private long members(List<StoredTalk> members) {
        long hash = 0x9E3779B97F4A7C15L;
        for (StoredTalk member : members) {
            hash = mix(hash * 31 + member.id());
            hash = mix(hash ^ talks.get(member.id()));
        }
        return hash;
    }

    /** SplitMix64's finalizer: every input bit changes about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private Fingerprint start(String kind) {
        return new Fingerprint().add(common).add(kind);
    }
}

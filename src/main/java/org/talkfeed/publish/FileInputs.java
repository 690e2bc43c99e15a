package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprint of what each published file is made from. Every file depends on the settings and the list's zone;
 * a talk's page and .ics files on the talk (id, uid, slug, whether cancelled, sequence, when created and updated: the
 * store raises the sequence and the update time with every change of its fields); a feed on its definition and its
 * members; talks.json on every talk; atom.xml on the talks it shows; each archive page ({@link ArchivePlan}) on what it
 * shows besides talks and the talks it lists; a talk's page also on the pages it links to. Every page also depends on
 * the override templates as they are.
 */
final class FileInputs {
    private final String common;
    private final Map<Long, Long> talks = new HashMap<>();
    /** A talk's part in other fingerprints, and the fingerprint of its own files. */
    record TalkPrints(long talk, String files) {
    }
    private final Map<RenderedEvents.Version, TalkPrints> prints;

    private final String templates;

    /**
     * @param templates a digest of the override templates (and stylesheet) as they are now
     * @param kept      the talks' prints made by an earlier publish with the same settings and zone (saves digests)
     */
    FileInputs(FeedSettings settings, String timezone, String templates, List<StoredTalk> outlines,
               Map<RenderedEvents.Version, TalkPrints> kept) {
        this.common = new Fingerprint().add(settings.toString()).add(timezone).hex();
        this.templates = templates;
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

    /** Of a talk's .ics and its reminder variant. */
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

    /**
     * Of a talk's page: the talk, the pages it links to ({@link ArchivePlan#linksOf}), the templates, and how many messages
     * it shows (a reminder that changes nothing still adds its message).
     */
    String talkPage(StoredTalk talk, String links, int messages) {
        return start("talk page").add(templates).add(prints.get(RenderedEvents.Version.of(talk)).files()).add(links)
                .add(messages).hex();
    }

    /** Of an archive page: where it is, its template, what it shows besides talks, and its talks in order. */
    String page(ArchivePlan.Page page) {
        return every(start("page").add(templates).add(page.path()).add(page.template()).add(page.inputs()), page.talks());
    }

    /** Of a file whose content is known as it is published (the stylesheet). */
    String content(String path, byte[] content) {
        return start("content").add(path).add(content).hex();
    }

    /** @param entries the talks atom.xml shows, in its order */
    String atom(List<StoredTalk> entries) {
        return every(start("atom"), entries);
    }

    String json(List<StoredTalk> outlines) {
        return every(start("json"), outlines);
    }

    String search(List<StoredTalk> outlines) {
        return every(start("search"), outlines);
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

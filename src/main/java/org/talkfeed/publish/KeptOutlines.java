package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The outlines of a store's talks, kept from publish to publish: each publish reads every talk's version (a narrow
 * read) and the outlines of only the talks that are new or changed since; a talk no longer in the store is forgotten.
 */
final class KeptOutlines {
    /** Past this share of changed talks (and this many), every outline is read in one pass rather than by id. */
    private static final int READ_ALL_WHEN_ONE_IN = 4;
    private static final int READ_BY_ID_AT_LEAST = 500;

    private record Kept(TalkStore.TalkVersion version, StoredTalk outline) {
    }

    private Map<Long, Kept> kept = new HashMap<>();

    /** Every talk's outline, in the store's order, as {@link TalkStore#talkOutlines()} answers them. */
    List<StoredTalk> of(TalkStore store) {
        List<TalkStore.TalkVersion> versions = store.talkVersions();
        List<Long> changed = new ArrayList<>();
        for (TalkStore.TalkVersion version : versions) {
            Kept known = kept.get(version.id());
            if (known == null || !known.version().equals(version)) {
                changed.add(version.id());
            }
        }
        if (kept.isEmpty() || changed.size() > Math.max(READ_BY_ID_AT_LEAST, versions.size() / READ_ALL_WHEN_ONE_IN)) {
            return keep(versions, store.talkOutlines());
        }
        Map<Long, StoredTalk> read = new HashMap<>();
        store.talkOutlines(changed).forEach(t -> read.put(t.id(), t));
        List<StoredTalk> outlines = new ArrayList<>(versions.size());
        for (TalkStore.TalkVersion version : versions) {
            StoredTalk outline = read.get(version.id());
            Kept known = kept.get(version.id());
            if (outline != null || known != null) { // neither: the talk left the store after its version was read
                outlines.add(outline != null ? outline : known.outline());
            }
        }
        return keep(versions, outlines);
    }

    /** Keeps these outlines; a talk changed between the two reads is kept under its version as first read, so read again. */
    private List<StoredTalk> keep(List<TalkStore.TalkVersion> versions, List<StoredTalk> outlines) {
        Map<Long, TalkStore.TalkVersion> byId = new HashMap<>(versions.size() * 2);
        versions.forEach(v -> byId.put(v.id(), v));
        Map<Long, Kept> now = new HashMap<>(outlines.size() * 2);
        for (StoredTalk outline : outlines) {
            TalkStore.TalkVersion version = byId.get(outline.id());
            if (version != null && version.equals(new TalkStore.TalkVersion(outline.id(), outline.uid(), outline.sequence(),
                    outline.cancelled()))) {
                now.put(outline.id(), new Kept(version, outline));
            }
        }
        kept = now;
        return outlines;
    }
}

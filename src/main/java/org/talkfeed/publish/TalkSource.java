package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.TalkJson;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The talks a publish reads: outlines of all of them (enough to place each in the feeds and list it, without its
 * abstract and bio), the whole talks only for the files that are rendered, and each talk's JSON for talks.json.
 */
interface TalkSource {
    /** Every talk, in the store's order; each may lack its abstract, bio, confidence and warnings. */
    List<StoredTalk> outlines();

    /** These talks, whole, in any order. */
    List<StoredTalk> whole(Collection<Long> ids);

    /** Each talk's published identity and JSON, in the order of {@link #outlines()}. */
    void forEachJson(TalkStore.TalkJsonRow row);

    /** The messages that made or changed these talks, each talk's oldest first; a talk with none may be left out. */
    java.util.Map<Long, List<org.talkfeed.store.TalkMessage>> messages(Collection<Long> ids);

    /** The talk as it was first announced (its first revision); null when not known. */
    org.talkfeed.talk.Talk asFirstAnnounced(StoredTalk talk);

    /** The store's talks, their outlines read again only where they changed since {@code kept} last read them. */
    static TalkSource of(TalkStore store, KeptOutlines kept) {
        return new TalkSource() {
            @Override
            public List<StoredTalk> outlines() {
                return kept.of(store);
            }

            @Override
            public List<StoredTalk> whole(Collection<Long> ids) {
                return store.talks(ids);
            }

            @Override
            public void forEachJson(TalkStore.TalkJsonRow row) {
                store.forEachTalkJson(row);
            }

            @Override
            public org.talkfeed.talk.Talk asFirstAnnounced(StoredTalk talk) {
                return store.talkAsOf(talk.id(), talk.createdAt()).orElse(null);
            }

            @Override
            public java.util.Map<Long, List<org.talkfeed.store.TalkMessage>> messages(Collection<Long> ids) {
                return store.talkMessages(ids);
            }
        };
    }

    /** Talks already in memory, whole: their own outlines. */
    static TalkSource of(List<StoredTalk> talks) {
        Map<Long, StoredTalk> byId = talks.stream().collect(Collectors.toMap(StoredTalk::id, Function.identity(), (a, b) -> b));
        return new TalkSource() {
            @Override
            public List<StoredTalk> outlines() {
                return talks;
            }

            @Override
            public List<StoredTalk> whole(Collection<Long> ids) {
                return ids.stream().map(byId::get).filter(t -> t != null).toList();
            }

            @Override
            public void forEachJson(TalkStore.TalkJsonRow row) {
                talks.forEach(t -> row.accept(t.uid(), t.slug(), t.cancelled(), t.sequence(), t.createdAt(), t.updatedAt(),
                        TalkJson.write(t.talk())));
            }

            @Override
            public org.talkfeed.talk.Talk asFirstAnnounced(StoredTalk talk) {
                return null;
            }

            @Override
            public java.util.Map<Long, List<org.talkfeed.store.TalkMessage>> messages(Collection<Long> ids) {
                return java.util.Map.of();
            }
        };
    }
}

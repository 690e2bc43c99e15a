package org.talkfeed.publish;

import org.talkfeed.store.Decision;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkMessage;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    Map<Long, List<TalkMessage>> messages(Collection<Long> ids);

    /** The moderation decisions about these talks, each talk's oldest first; a talk with none may be left out. */
    Map<Long, List<Decision>> decisions(Collection<Long> ids);

    /** How many messages made or changed each talk ({@link #messages}); a talk with none may be left out. */
    Map<Long, Integer> messageCounts();

    /** The talk as it was first announced (its first revision); null when not known. */
    Talk asFirstAnnounced(StoredTalk talk);

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
            public Talk asFirstAnnounced(StoredTalk talk) {
                return store.talkAsOf(talk.id(), talk.createdAt()).orElse(null);
            }

            @Override
            public Map<Long, List<TalkMessage>> messages(Collection<Long> ids) {
                return store.talkMessages(ids);
            }

            @Override
            public Map<Long, Integer> messageCounts() {
                return store.talkMessageCounts();
            }

            @Override
            public Map<Long, List<Decision>> decisions(Collection<Long> ids) {
                return store.decisions(ids);
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
                return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
            }

            @Override
            public void forEachJson(TalkStore.TalkJsonRow row) {
                talks.forEach(t -> row.accept(t.uid(), t.slug(), t.cancelled(), t.sequence(), t.createdAt(), t.updatedAt(),
                        TalkJson.write(t.talk())));
            }

            @Override
            public Talk asFirstAnnounced(StoredTalk talk) {
                return null;
            }

            @Override
            public Map<Long, Integer> messageCounts() {
                return Map.of();
            }

            @Override
            public Map<Long, List<Decision>> decisions(Collection<Long> ids) {
                return Map.of();
            }

            @Override
            public Map<Long, List<TalkMessage>> messages(Collection<Long> ids) {
                return Map.of();
            }
        };
    }
}

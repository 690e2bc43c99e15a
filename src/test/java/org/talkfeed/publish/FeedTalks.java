package org.talkfeed.publish;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/** Stored talks for the feed tests, built field by field; ids and creation times follow the order they are made in. */
final class FeedTalks {
    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private long id = 0;

    StoredTalk talk(LocalDate date, LocalTime start, String zone, String series, String host, String... speakers) {
        return talk(date, start, zone, series, host, false, null, speakers);
    }

    StoredTalk talk(LocalDate date, LocalTime start, String zone, String series, String host, boolean online, String url,
                    String... speakers) {
        id++;
        Talk talk = new Talk("Talk number " + id, Arrays.stream(speakers).map(s -> new Speaker(s, null)).toList(), date, start,
                null, zone, online ? null : "Room " + id, online, url, host, series, "Abstract of talk " + id + ".", null, 1.0,
                List.of());
        Instant created = CREATED.plusSeconds(id);
        return new StoredTalk(id, "uid-" + id + "@talkfeed", "talk-" + id, false, 0, talk, created, created);
    }

    static StoredTalk cancelled(StoredTalk talk, Instant when) {
        return new StoredTalk(talk.id(), talk.uid(), talk.slug(), true, talk.sequence() + 1, talk.talk(), talk.createdAt(), when);
    }

    static StoredTalk withSpeakers(StoredTalk talk, String... speakers) {
        return new StoredTalk(talk.id(), talk.uid(), talk.slug(), talk.cancelled(), talk.sequence() + 1,
                talk.talk().withSpeakers(Arrays.stream(speakers).map(s -> new Speaker(s, null)).toList()), talk.createdAt(),
                talk.updatedAt());
    }
}

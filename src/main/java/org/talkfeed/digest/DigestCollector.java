package org.talkfeed.digest;

import org.talkfeed.store.DigestRecord;
import org.talkfeed.publish.ChangeText;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Talk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Gathers a week's digest from the store: the talks that take place in the week (in the list's zone), and the talks
 * updated, moved or cancelled since the last digest was sent that concern this week or later.
 */
public final class DigestCollector {
    private final TalkStore store;
    private final ZoneId zone;

    public DigestCollector(TalkStore store, ZoneId zone) {
        this.store = store;
        this.zone = zone;
    }

    public Digest collect(IsoWeek week) {
        List<StoredTalk> all = store.talks();
        List<StoredTalk> inWeek = all.stream()
                .filter(t -> listDay(t.talk()).map(week::contains).orElse(false))
                .sorted(Comparator.comparing((StoredTalk t) -> t.talk().startsAt().map(z -> z.toInstant())
                                .orElse(t.talk().date().atStartOfDay(zone).toInstant()))
                        .thenComparing(StoredTalk::id))
                .toList();
        Instant since = lastSentBefore(week).orElse(null);
        List<Digest.Change> changes = new ArrayList<>();
        if (since != null) {
            for (StoredTalk talk : all) {
                if (talk.updatedAt().isAfter(since) && !talk.createdAt().isAfter(since)) {
                    Optional<Talk> before = store.talkAsOf(talk.id(), since);
                    if (concerns(talk.talk(), week) || before.map(b -> concerns(b, week)).orElse(false)) {
                        changes.add(new Digest.Change(talk, ChangeText.describe(before.orElse(null), talk)));
                    }
                }
            }
        }
        return new Digest(week, zone, inWeek, changes);
    }

    /** When the latest digest of another week went out. */
    private Optional<Instant> lastSentBefore(IsoWeek week) {
        return store.digests().stream()
                .filter(d -> d.messageId() != null && d.sentAt() != null && !d.week().equals(week.toString()))
                .map(DigestRecord::sentAt)
                .max(Comparator.naturalOrder());
    }

    /** A change matters to this week's readers when the talk is (or was) this week or later. */
    private boolean concerns(Talk talk, IsoWeek week) {
        return listDay(talk).map(day -> !day.isBefore(week.monday())).orElse(false);
    }

    /** The day a talk takes place on in the list's zone: its start's, else its own date. */
    private Optional<LocalDate> listDay(Talk talk) {
        if (talk.date() == null) {
            return Optional.empty();
        }
        return Optional.of(talk.startsAt().map(z -> z.withZoneSameInstant(zone).toLocalDate()).orElse(talk.date()));
    }
}

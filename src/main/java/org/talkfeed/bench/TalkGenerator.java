package org.talkfeed.bench;

import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Talks as a department's list accumulates them over years, for filling a store directly: several series, speakers,
 * hosts and zones, some online, some to be cancelled. Deterministic: the same seed and first day give the same talks.
 */
final class TalkGenerator {
    static final List<String> ZONES = List.of("America/Chicago", "America/New_York", "America/Los_Angeles",
            "Europe/Berlin", "Europe/London", "Asia/Tokyo", "UTC");

    /** A talk, and whether a later message cancels it. */
    record GeneratedTalk(Talk talk, boolean cancelled) {
    }

    private final Random random;
    private final TalkWords w;
    private final LocalDate firstDay;
    private final int days;
    private int made;

    /** Talks on weekdays from {@code firstDay} for {@code days} days. */
    TalkGenerator(long seed, LocalDate firstDay, int days) {
        this.random = new Random(seed);
        this.w = new TalkWords(random);
        this.firstDay = firstDay;
        this.days = days;
    }

    GeneratedTalk next() {
        return next(weekday(firstDay.plusDays(random.nextInt(days))));
    }

    GeneratedTalk next(LocalDate date) {
        made++;
        List<Speaker> speakers = new ArrayList<>();
        speakers.add(new Speaker(w.person(w.chance(0.1)), w.affiliation()));
        if (w.chance(0.08)) {
            speakers.add(new Speaker(w.person(false), w.affiliation()));
        }
        LocalTime start = w.talkTime();
        LocalTime end = w.chance(0.7) ? start.plusMinutes(w.pick(List.of(45, 60, 60, 75, 90))) : null;
        boolean online = w.chance(0.15);
        String url = online ? "https://meet.example.org/talk-" + made : null;
        String location = online && w.chance(0.5) ? "Online" : w.room();
        String bio = w.chance(0.3) ? speakers.get(0).name() + " is a professor at " + speakers.get(0).affiliation() + "." : null;
        Talk talk = new Talk(w.title(), speakers, date, start, end, w.pick(ZONES), location, online, url,
                w.chance(0.5) ? w.person(false) : null, w.chance(0.85) ? w.series() : null,
                w.chance(0.85) ? w.abstractText() : null, bio, 0.95, List.of());
        return new GeneratedTalk(talk, w.chance(0.04));
    }

    private static LocalDate weekday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? d.plusDays(2) : d;
    }
}

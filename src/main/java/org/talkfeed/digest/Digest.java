package org.talkfeed.digest;

import org.talkfeed.store.StoredTalk;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * One week's digest: its talks in order (cancelled ones too, marked), and the talks changed since the last digest
 * was sent.
 *
 * @param zone the list's zone, whose days the week is made of
 */
public record Digest(IsoWeek week, ZoneId zone, List<StoredTalk> talks, List<Change> changes) {
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d", Locale.ENGLISH);

    /** A talk changed since the last digest, and what changed, in a few words ("moved from ... to ...", "cancelled"). */
    public record Change(StoredTalk talk, String what) {
    }

    public Digest {
        talks = List.copyOf(talks);
        changes = List.copyOf(changes);
    }

    /** How many of the week's talks take place (not cancelled). */
    public int count() {
        return (int) talks.stream().filter(t -> !t.cancelled()).count();
    }

    public boolean empty() {
        return count() == 0;
    }

    /** "16–22 Feb 2026", "23 Feb – 1 Mar 2026", "29 Dec 2025 – 4 Jan 2026". */
    public String span() {
        LocalDate first = week.monday();
        LocalDate last = week.sunday();
        if (first.getYear() != last.getYear()) {
            return DAY_MONTH_YEAR.format(first) + " – " + DAY_MONTH_YEAR.format(last);
        }
        if (first.getMonth() != last.getMonth()) {
            return DAY_MONTH.format(first) + " – " + DAY_MONTH_YEAR.format(last);
        }
        return DAY.format(first) + "–" + DAY_MONTH_YEAR.format(last);
    }

    /** "Talks this week: 16–22 Feb 2026 (5 talks)". */
    public String subject() {
        int n = count();
        return "Talks this week: " + span() + " (" + (n == 0 ? "no talks" : n == 1 ? "1 talk" : n + " talks") + ")";
    }
}

package org.talkfeed.digest;

import org.talkfeed.publish.WebAddress;
import org.talkfeed.publish.WhenText;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the digest templates see: plain values, already formatted. Links to talk pages are relative in the archive's
 * page ({@code talkBase} "../talks/"), absolute in the email when the site has a public address, else absent.
 */
public record DigestView(String name, String week, String span, String subject, int count, List<Day> days,
                         List<Change> changes, boolean page, String archive, String previous, String next) {

    public record Day(String day, List<Entry> talks) {
    }

    public record Entry(String title, String speakers, String when, String location, String join, String series,
                        String host, boolean cancelled, String link) {
    }

    public record Change(String title, String when, String what, String link) {
    }

    /** A month is written out in the day headings: "Monday 16 February". */
    private static final DateTimeFormatter DAY_HEADING = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    /**
     * @param talkBase what a talk's slug and ".html" are appended to for its page's address; null for no links
     * @param archive  the archive's index from where the view is read; null for none
     */
    public static DigestView of(Digest digest, String name, boolean page, String talkBase, String archive) {
        Map<LocalDate, List<Entry>> byDay = new LinkedHashMap<>();
        for (StoredTalk talk : digest.talks()) {
            LocalDate day = talk.talk().startsAt().map(z -> z.withZoneSameInstant(digest.zone()).toLocalDate())
                    .orElse(talk.talk().date());
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(entry(talk, talkBase));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, entries) -> days.add(new Day(DAY_HEADING.format(day), entries)));
        List<Change> changes = digest.changes().stream()
                .map(c -> new Change(title(c.talk().talk()), WhenText.of(c.talk().talk()), c.what(), link(c.talk(), talkBase)))
                .toList();
        IsoWeek week = digest.week();
        return new DigestView(name, week.toString(), digest.span(), digest.subject(), digest.count(), days, changes, page,
                archive, page ? week.previous() + ".html" : null,
                page ? week.next() + ".html" : null);
    }

    private static Entry entry(StoredTalk stored, String talkBase) {
        Talk t = stored.talk();
        List<String> speakers = new ArrayList<>();
        for (Speaker s : t.speakers()) {
            speakers.add(s.withAffiliation());
        }
        String location = t.location() != null ? t.location() : t.online() ? "Online" : null;
        return new Entry(title(t), speakers.isEmpty() ? null : String.join(", ", speakers), WhenText.of(t), location,
                t.online() ? WebAddress.of(t.url()) : null, t.series(), t.host(), stored.cancelled(), link(stored, talkBase));
    }

    private static String title(Talk t) {
        return t.title() != null ? t.title() : !t.speakers().isEmpty() ? "Talk by " + t.speakerNames()
                : t.series() != null ? t.series() : "Talk";
    }

    private static String link(StoredTalk talk, String talkBase) {
        return talkBase == null ? null : talkBase + talk.slug() + ".html";
    }

    public boolean hasTalks() {
        return !days.isEmpty();
    }

    public boolean hasChanges() {
        return !changes.isEmpty();
    }
}

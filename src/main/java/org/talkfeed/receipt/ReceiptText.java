package org.talkfeed.receipt;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStatus;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** A receipt's subject and text: what talkfeed understood of a message, as subscribers will see it, and how to correct it. */
final class ReceiptText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", Locale.ENGLISH);

    private ReceiptText() {
    }

    /** One talk the message made or changed, as it stands, with its status and, when held, why. */
    record Understood(StoredTalk talk, boolean created, TalkStatus status, String heldBecause) {
    }

    static String subject(String original) {
        return "Auto: " + (original == null || original.isBlank() ? "your announcement" : original.strip());
    }

    static String body(String originalSubject, List<Understood> talks) {
        StringBuilder s = new StringBuilder();
        s.append("This is an automatic reply from talkfeed, which publishes this list's talks as calendar feeds, to your message\n")
                .append('"').append(originalSubject == null ? "" : originalSubject.strip()).append("\".\n\n");
        s.append(talks.size() == 1 ? "It was read as follows; this is what subscribers will see.\n"
                : "It was read as " + talks.size() + " talks; this is what subscribers will see.\n");
        for (Understood u : talks) {
            s.append('\n');
            describe(s, u);
        }
        s.append("""

                If anything above is wrong, send a corrected announcement as a reply to your original message (not to this
                one), with each field labeled and written as you want it read (Title, Speaker, Date, Time with its time
                zone, Place): talkfeed reads a reply in the same thread as an update of this talk. You get at most one
                such receipt for each message, and none for list mail.
                """);
        return s.toString();
    }

    private static void describe(StringBuilder s, Understood u) {
        Talk t = u.talk().talk();
        s.append(u.created() ? "New talk" : "Talk as changed").append(u.talk().cancelled() ? " (CANCELLED)" : "").append('\n');
        line(s, "Title", t.title() == null ? "(none found)" : t.title());
        line(s, t.speakers().size() > 1 ? "Speakers" : "Speaker", t.speakers().isEmpty() ? "(none found)"
                : String.join("; ", t.speakers().stream().map(Speaker::withAffiliation).toList()));
        line(s, "When", when(t));
        line(s, "Where", t.location() == null ? (t.online() ? "online" : "(none found)") : t.location() + (t.online() ? ", and online" : ""));
        if (t.url() != null) {
            line(s, "Link", t.url());
        }
        if (t.host() != null) {
            line(s, "Host", t.host());
        }
        if (t.series() != null) {
            line(s, "Series", t.series());
        }
        line(s, "Status", switch (u.status()) {
            case PUBLISHED -> "published: it is in the calendar feeds now";
            case PENDING -> "pending: it waits for an admin's approval before it is published"
                    + (u.heldBecause() == null ? "" : " (" + u.heldBecause() + ")");
            case REJECTED -> "rejected by an admin: it is not published";
        });
        if (t.warnings().isEmpty()) {
            line(s, "Warnings", "none");
        } else {
            s.append("  Warnings:\n");
            t.warnings().forEach(w -> s.append("    - ").append(w).append('\n'));
        }
    }


    /** The day, the local times and the zone with its UTC offset on that day, as far as they are known. */
    private static String when(Talk t) {
        if (t.date() == null) {
            return "(no date found)";
        }
        StringBuilder w = new StringBuilder(DAY.format(t.date()));
        if (t.start() == null) {
            return w.append(", no time found").toString();
        }
        w.append(", ").append(t.start());
        w.append(t.end() == null ? " (no end given)" : "–" + t.end());
        if (t.timezone() == null) {
            return w.append(", no time zone (the calendar shows it in each reader's own zone)").toString();
        }
        ZonedDateTime start = ZonedDateTime.of(t.date(), t.start(), ZoneId.of(t.timezone()));
        String offset = start.getOffset().getId();
        return w.append(' ').append(t.timezone()).append(" (UTC").append(offset.equals("Z") ? "" : offset).append(')').toString();
    }

    private static void line(StringBuilder s, String label, String value) {
        s.append("  ").append(label).append(':').append(" ".repeat(Math.max(1, 9 - label.length()))).append(value).append('\n');
    }
}

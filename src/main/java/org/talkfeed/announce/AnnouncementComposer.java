package org.talkfeed.announce;

import org.jsoup.nodes.Entities;
import org.talkfeed.smtp.CalendarEmail;
import org.talkfeed.publish.FeedSettings;
import org.talkfeed.publish.TalkInvitation;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The canonical announcement of a talk: a subject, labeled lines in the form talkfeed's extractor reads right (When,
 * Where, Online, Who, Title, Series, Host, then the abstract), the same as HTML, and the talk as text/calendar with the
 * UID its feed event will have.
 *
 * <p>The feed's UID for a new talk is derived from the Message-ID of the message that announced it
 * ({@link TalkStore#uid(String, int)}), so the announcement's Message-ID is derived from the talk's fields: the same
 * talk composed twice is the same message, and its calendar attachment carries the UID the feed will give the talk.
 */
public final class AnnouncementComposer {
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    /** A composed announcement: the email's parts, and the Message-ID and UID that go with them. */
    public record Composed(CalendarEmail.Content content, String messageId, String uid) {
    }

    private final FeedSettings settings;

    public AnnouncementComposer(FeedSettings settings) {
        this.settings = settings;
    }

    /**
     * @param uid   the UID of the talk when it was announced before (an update), else null for the one its feed will give it
     * @param from  the sender's address: the Message-ID's domain and the calendar's ORGANIZER
     */
    public Composed compose(Talk talk, String uid, String from, Instant now) {
        String messageId = messageId(talk, from);
        String eventUid = uid != null ? uid : TalkStore.uid(messageId, 0);
        StoredTalk stored = new StoredTalk(0, eventUid, "talk", false, 0, talk, now, now);
        String calendar = TalkInvitation.calendar(stored, settings, address(from));
        CalendarEmail.Content content = new CalendarEmail.Content(subject(talk), text(talk), html(talk), calendar, "talk.ics");
        return new Composed(content, messageId, eventUid);
    }

    static String subject(Talk talk) {
        return "Talk: " + talk.title() + " — " + talk.speakerNames() + " (" + SHORT_DAY.format(talk.date()) + ")";
    }

    /** The labeled lines, label and value. */
    static List<String[]> lines(Talk talk) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"When", when(talk)});
        lines.add(new String[] {"Where", talk.location() != null ? talk.location() : "Online"});
        if (talk.url() != null) {
            lines.add(new String[] {"Online", talk.url()});
        }
        lines.add(new String[] {"Who", talk.speakers().stream().map(Speaker::withAffiliation).collect(Collectors.joining("; "))});
        lines.add(new String[] {"Title", talk.title()});
        if (talk.series() != null) {
            lines.add(new String[] {"Series", talk.series()});
        }
        if (talk.host() != null) {
            lines.add(new String[] {"Host", talk.host()});
        }
        return lines;
    }

    static String text(Talk talk) {
        StringBuilder out = new StringBuilder();
        for (String[] line : lines(talk)) {
            out.append(line[0]).append(": ").append(line[1]).append('\n');
        }
        if (talk.abstractText() != null) {
            out.append("\nAbstract:\n").append(talk.abstractText()).append('\n');
        }
        return out.toString();
    }

    static String html(Talk talk) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Entities.escape(subject(talk))).append("</title></head><body>\n");
        for (String[] line : lines(talk)) {
            out.append("<p><b>").append(line[0]).append(":</b> ").append(Entities.escape(line[1])).append("</p>\n");
        }
        if (talk.abstractText() != null) {
            out.append("<p><b>Abstract:</b></p>\n");
            for (String paragraph : talk.abstractText().split("\\n\\s*\\n")) {
                out.append("<p>").append(Entities.escape(paragraph.strip())).append("</p>\n");
            }
        }
        return out.append("</body></html>\n").toString();
    }


    /** "Thursday, 5 March 2026, 16:00–17:00 Chicago time": the zone named as the extractor reads it. */
    static String when(Talk talk) {
        String times = TIME.format(talk.start()) + (talk.end() == null ? "" : "–" + TIME.format(talk.end()));
        return LONG_DAY.format(talk.date()) + ", " + times + " " + zoneWords(talk.timezone());
    }

    /** "Chicago time" for America/Chicago, "UTC" for UTC. */
    static String zoneWords(String zone) {
        String id = ZoneId.of(zone).normalized().getId();
        if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC")) {
            return "UTC";
        }
        return id.substring(id.lastIndexOf('/') + 1).replace('_', ' ') + " time";
    }

    /** "<talk-HASH@domain>", HASH from the talk's fields: the same talk gives the same message, a changed one another. */
    static String messageId(Talk talk, String from) {
        String address = address(from);
        String domain = address.substring(address.indexOf('@') + 1);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(TalkJson.write(talk).getBytes(StandardCharsets.UTF_8));
            return "<talk-" + HexFormat.of().formatHex(hash, 0, 12) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bare address of "Name <address>". */
    private static String address(String from) {
        try {
            return new jakarta.mail.internet.InternetAddress(from, true).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("\"" + from + "\" is not a mail address: " + e.getMessage(), e);
        }
    }
}

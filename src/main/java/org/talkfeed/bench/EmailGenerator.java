package org.talkfeed.bench;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes realistic talk-list email (RFC 5322 bytes) in the styles such lists carry: labeled fields, prose,
 * HTML-only, multipart/alternative, Latin-1 quoted-printable, digests, reminders, cancellations, and
 * posts that are not talks. Deterministic: the same seed gives the same messages.
 */
public final class EmailGenerator {
    /** The kinds of message written, with their share of a generated mailbox (out of 100). */
    public enum Style {
        LABELED(18), SPEAKER_DATE(14), PROSE(12), HTML_ONLY(10), ALTERNATIVE(10), LATIN1(8), DIGEST(6), REMINDER(8),
        CANCELLATION(5), CALL_FOR_PAPERS(5), JOB_AD(4);

        final int weight;

        Style(int weight) {
            this.weight = weight;
        }
    }

    private static final Charset LATIN1 = StandardCharsets.ISO_8859_1;
    private final Random random;
    private final TalkWords w;

    public EmailGenerator(long seed) {
        this.random = new Random(seed);
        this.w = new TalkWords(random);
    }

    public List<byte[]> generate(int count) {
        List<byte[]> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(next());
        }
        return messages;
    }

    public byte[] next() {
        int roll = random.nextInt(100);
        for (Style style : Style.values()) {
            roll -= style.weight;
            if (roll < 0) {
                return next(style);
            }
        }
        return next(Style.LABELED);
    }

    private record Spec(String speaker, String affiliation, String title, LocalDate date, LocalTime start, int minutes,
                        TalkWords.Zone zone, String room, String host, String series, String abstractText, boolean online) {
    }

    private Spec spec(boolean latin1, LocalDate date) {
        return new Spec(w.person(latin1), w.affiliation(), w.title(), date, w.talkTime(), w.pick(List.of(45, 60, 60, 75, 90)),
                w.zone(), w.room(), w.chance(0.5) ? w.person(latin1) : null, w.series(),
                w.chance(0.85) ? w.abstractText() : null, w.chance(0.2));
    }

    public byte[] next(Style style) {
        boolean latin1 = style == Style.LATIN1;
        Spec t = spec(latin1, w.talkDate());
        labelStyle = random.nextInt(8);
        int daysBefore = switch (style) {
            case REMINDER, CANCELLATION -> w.between(0, 1);
            case PROSE -> w.between(1, 3);
            default -> w.between(2, 12);
        };
        String subject;
        String body;
        switch (style) {
            case LABELED, HTML_ONLY, LATIN1 -> {
                subject = "[talks] " + t.series() + ": " + t.speaker() + " (" + t.affiliation() + "), " + shortDate(t.date());
                body = greeting() + labeled(t) + closing(latin1);
            }
            case SPEAKER_DATE, ALTERNATIVE -> {
                subject = t.series() + " - " + t.title();
                body = greeting() + speakerDate(t) + closing(latin1);
            }
            case PROSE -> {
                subject = w.chance(0.5) ? "Talk this week: " + t.speaker() : t.series() + " this " + weekday(t.date());
                body = greeting() + prose(t) + closing(latin1);
            }
            case DIGEST -> {
                Spec u = spec(false, t.date().plusDays(w.between(0, 3)));
                subject = "[talks] This week: " + t.speaker() + ", " + u.speaker();
                body = greeting() + "Two talks this week:\n\n1) " + t.series() + "\n\n" + labeled(t)
                        + "\n----------------------------------------\n\n2) " + u.series() + "\n\n" + speakerDate(u) + closing(latin1);
            }
            case REMINDER -> {
                boolean update = w.chance(0.3);
                subject = (update ? "ROOM CHANGE: " : w.pick(List.of("Reminder: ", "REMINDER - ", "Today: ")))
                        + t.series() + " " + (daysBefore == 0 ? "today" : "tomorrow") + " at " + w.time(t.start(), t.minutes())
                        + " - " + t.speaker();
                body = (update ? "Please note the new room for this talk.\n\n" : "A quick reminder of this talk:\n\n")
                        + labeled(t) + closing(latin1);
            }
            case CANCELLATION -> {
                subject = w.pick(List.of("CANCELLED: ", "Cancelled - ", "[talks] Postponed: ")) + t.series() + " "
                        + shortDate(t.date()) + ", " + t.speaker();
                body = "Dear all,\n\nUnfortunately the " + t.series() + " talk by " + t.speaker() + " scheduled for "
                        + w.date(t.date()) + " at " + w.time(t.start(), t.minutes()) + " has been cancelled"
                        + w.pick(List.of(" due to illness.", ". We hope to reschedule in the spring.", " because of travel problems."))
                        + "\nApologies for any inconvenience.\n" + closing(latin1);
            }
            case CALL_FOR_PAPERS -> {
                subject = "Call for Papers: Workshop on " + w.title() + " (" + t.date().getYear() + ")";
                body = callForPapers(t) + closing(latin1);
            }
            default -> {
                subject = w.pick(List.of("Postdoctoral position in ", "We are hiring: research engineer, ", "Faculty position: "))
                        + w.title();
                body = jobAd(t) + closing(latin1);
            }
        }
        if (latin1) {
            body = body.replace('—', '-').replace('–', '-');
        }
        if (w.chance(0.15)) {
            body += "\n_______________________________________________\ntalks mailing list\ntalks@lists.example.edu\n"
                    + "https://lists.example.edu/mailman/listinfo/talks\n";
        }
        LocalDate sent = t.date().minusDays(daysBefore);
        // every message about one talk comes from one sender, as on a real list, so follow-ups may change it
        String fromName = t.host() == null || Math.floorMod((t.speaker() + t.date()).hashCode(), 10) < 4 ? "CS Events" : t.host();
        StringBuilder head = new StringBuilder();
        head.append("From: ").append(phrase(fromName, latin1)).append(" <").append(mailbox(fromName)).append(">\n");
        head.append("To: talks@lists.example.edu\n");
        head.append("Subject: ").append(headerText(subject, latin1)).append('\n');
        head.append("Date: ").append(dateHeader(sent, t.zone().offset(sent))).append('\n');
        head.append("Message-ID: <").append(HexFormat.of().formatHex(bytes(8))).append('.').append(w.between(1000, 99999))
                .append("@mail.example.edu>\n");
        if (w.chance(0.6)) {
            head.append("List-Id: Department talks <talks.lists.example.edu>\n");
        }
        head.append("MIME-Version: 1.0\n");
        String mime = switch (style) {
            case HTML_ONLY -> part("text/html; charset=UTF-8", "quoted-printable", MimeText.html(body, w.chance(0.3)), StandardCharsets.UTF_8);
            case ALTERNATIVE -> alternative(body);
            case LATIN1 -> part("text/plain; charset=ISO-8859-1", "quoted-printable", body, LATIN1);
            default -> plainPart(body);
        };
        String message = head + mime;
        if (w.chance(0.2)) {
            message = message.replace("\n", "\r\n");
        }
        return message.getBytes(StandardCharsets.UTF_8);
    }

    // ---- bodies

    private String greeting() {
        return w.pick(List.of("Dear all,\n\n", "Hi everyone,\n\n", "Hello,\n\nPlease join us for the next talk.\n\n", ""));
    }

    private String closing(boolean latin1) {
        String name = w.person(latin1);
        return w.pick(List.of("\nBest regards,\n" + name + "\n", "\nHope to see you there!\n", "\n",
                "\n-- \n" + name + "\nSeminar coordinator\n"));
    }

    private String when(Spec t) {
        String zone = t.zone().word().isEmpty() ? "" : " " + t.zone().word();
        return w.date(t.date()) + w.pick(List.of(", ", " at ", " @ ", ", from ")) + w.time(t.start(), t.minutes()) + zone;
    }

    private String who(Spec t) {
        return w.pick(List.of(t.speaker() + " (" + t.affiliation() + ")", t.speaker() + ", " + t.affiliation(),
                "Prof. " + t.speaker() + " — " + t.affiliation(), t.speaker()));
    }

    /** How this message decorates its labels; one style per message, as a mailer or a person would. */
    private int labelStyle;

    private String label(String name) {
        return switch (labelStyle) {
            case 0 -> "*" + name + ":*";
            case 1 -> "**" + name + ":**";
            case 2 -> name.toUpperCase(Locale.ROOT) + ":";
            case 3 -> name + " -";
            case 4 -> "- " + name + ":";
            case 5 -> String.format("%-10s", name + ":");
            default -> name + ":";
        };
    }

    private String labeled(Spec t) {
        StringBuilder b = new StringBuilder();
        b.append(label("When")).append(' ').append(when(t)).append('\n');
        b.append(label("Where")).append(' ').append(t.online() ? "Zoom: https://example.zoom.us/j/" + w.between(100000000, 999999999)
                : t.room()).append('\n');
        b.append(label("Who")).append(' ').append(who(t)).append('\n');
        b.append(label("Title")).append(' ').append(t.title()).append('\n');
        if (t.host() != null) {
            b.append(label("Host")).append(' ').append(t.host()).append('\n');
        }
        if (t.abstractText() != null) {
            b.append('\n').append(label("Abstract")).append('\n').append(TalkWords.wrap(t.abstractText(), 72)).append('\n');
        }
        return b.toString();
    }

    private String speakerDate(Spec t) {
        StringBuilder b = new StringBuilder();
        b.append("Speaker: ").append(who(t)).append('\n');
        b.append("Title:   ").append(t.title()).append('\n');
        b.append("Date:    ").append(w.date(t.date())).append('\n');
        b.append("Time:    ").append(w.time(t.start(), t.minutes()))
                .append(t.zone().word().isEmpty() ? "" : " " + t.zone().word()).append('\n');
        b.append("Place:   ").append(t.room()).append('\n');
        if (t.abstractText() != null) {
            b.append("\nAbstract: ").append(TalkWords.wrap(t.abstractText(), 72)).append('\n');
        }
        if (w.chance(0.3)) {
            b.append("\nBio: ").append(t.speaker()).append(" is a professor at ").append(t.affiliation())
                    .append(", working on ").append(w.topic()).append(".\n");
        }
        return b.toString();
    }

    private String prose(Spec t) {
        String time = w.time(t.start(), t.minutes()) + (t.zone().word().isEmpty() ? "" : " " + t.zone().word());
        String sentence = w.chance(0.5)
                ? "Prof. " + t.speaker() + " of " + t.affiliation() + " will speak on \"" + t.title() + "\" this "
                  + weekday(t.date()) + " at " + time + " in " + t.room() + "."
                : "We are pleased to welcome " + t.speaker() + " (" + t.affiliation() + "), who will give a talk titled \""
                  + t.title() + "\" on " + w.date(t.date()) + " at " + time + " in " + t.room() + ".";
        String text = TalkWords.wrap(sentence, 72) + "\n";
        return t.abstractText() == null ? text : text + "\n" + TalkWords.wrap(t.abstractText(), 72) + "\n";
    }

    private String callForPapers(Spec t) {
        return "CALL FOR PAPERS\n\nWe invite submissions on all aspects of " + w.topic()
                + ", held with the " + t.series() + " at " + t.affiliation() + ".\n\nTopics include:\n- "
                + w.title() + "\n- " + w.title() + "\n- " + w.title() + "\n\nImportant dates:\n  Paper submission deadline: "
                + w.date(t.date().minusDays(60)) + "\n  Notification: " + w.date(t.date().minusDays(20))
                + "\n  Workshop: " + w.date(t.date()) + "\n\nSubmissions of up to 6 pages are welcome.\n";
    }

    private String jobAd(Spec t) {
        return "The group of " + t.speaker() + " at " + t.affiliation() + " has an opening for a postdoctoral position in "
                + w.topic() + ". The position is for two years; the salary is competitive.\n\n"
                + "Applications are invited from candidates with a PhD in computer science. Please send a CV and two letters.\n"
                + "Application deadline: " + w.date(t.date().plusDays(w.between(14, 60))) + "\n";
    }

    // ---- MIME

    private String plainPart(String body) {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(body);
        return switch (random.nextInt(ascii ? 2 : 3)) {
            case 0 -> part("text/plain; charset=UTF-8", "quoted-printable", body, StandardCharsets.UTF_8);
            case 1 -> part("text/plain; charset=\"utf-8\"; format=fixed", "base64", body, StandardCharsets.UTF_8);
            default -> "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n" + body;
        };
    }

    private String part(String type, String encoding, String text, Charset charset) {
        byte[] data = text.getBytes(charset);
        String encoded = encoding.equals("base64") ? Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(data) + "\n"
                : MimeText.quotedPrintable(data);
        return "Content-Type: " + type + "\nContent-Transfer-Encoding: " + encoding + "\n\n" + encoded;
    }

    private String alternative(String body) {
        String boundary = "----=_Part_" + w.between(1000, 9999) + "_" + HexFormat.of().formatHex(bytes(6));
        return "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\n\nThis is a multi-part message in MIME format.\n\n--"
                + boundary + "\n" + part("text/plain; charset=UTF-8", "quoted-printable", body, StandardCharsets.UTF_8)
                + "\n--" + boundary + "\n" + part("text/html; charset=UTF-8", "quoted-printable", MimeText.html(body, w.chance(0.3)), StandardCharsets.UTF_8)
                + "\n--" + boundary + "--\n";
    }

    // ---- headers

    private String headerText(String text, boolean latin1) {
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            return text.length() > 70 && w.chance(0.5) ? MimeText.fold(text) : text;
        }
        if (!latin1 && w.chance(0.15)) {
            return text; // raw UTF-8, as some mailers send it
        }
        return MimeText.encodedWords(text, latin1 ? LATIN1 : StandardCharsets.UTF_8);
    }

    private String phrase(String name, boolean latin1) {
        return StandardCharsets.US_ASCII.newEncoder().canEncode(name) ? "\"" + name + "\"" : MimeText.encodedWords(name, latin1 ? LATIN1 : StandardCharsets.UTF_8);
    }

    private String mailbox(String name) {
        String local = Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
        return (local.isEmpty() ? "events" : local) + "@cs.example.edu";
    }

    private String dateHeader(LocalDate sent, String offset) {
        return sent.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US) + ", " + sent.getDayOfMonth() + " "
                + sent.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + " " + sent.getYear() + " "
                + String.format("%02d:%02d:%02d ", w.between(7, 19), w.between(0, 59), w.between(0, 59)) + offset;
    }

    private static String shortDate(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.US) + " "
                + d.getMonth().getDisplayName(TextStyle.SHORT, Locale.US) + " " + d.getDayOfMonth();
    }

    private static String weekday(LocalDate d) {
        return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}

package org.talkfeed.eval;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post of the CMU seminar announcements corpus (fields tagged inline as &lt;stime&gt;, &lt;etime&gt;,
 * &lt;location&gt;, &lt;speaker&gt;), turned into the email a list would carry and the tagged values.
 */
record CmuPost(byte[] message, List<LocalTime> starts, List<LocalTime> ends, List<String> speakers, List<String> locations) {
    private static final Pattern TAG = Pattern.compile("<(stime|etime|location|speaker)>(.*?)</\\1>", Pattern.DOTALL);
    private static final Pattern ANY_TAG = Pattern.compile("</?(stime|etime|location|speaker|paragraph|sentence)>");
    private static final Pattern POSTED = Pattern.compile("PostedBy:\\s*(.*?)\\s+on\\s+(\\d{1,2}-\\w{3}-\\d{2})\\s+at\\s+(\\d{1,2}:\\d{2})");
    private static final Pattern TOPIC = Pattern.compile("(?m)^Topic:\\s*(.*)$");
    private static final Pattern CLOCK = Pattern.compile(
            "(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:([ap])\\.?\\s*m\\.?)?|(noon)", Pattern.CASE_INSENSITIVE);
    private static final ZoneId PITTSBURGH = ZoneId.of("America/New_York");

    static CmuPost parse(String tagged) {
        String text = tagged.replace("\r\n", "\n");
        int firstLineEnd = text.indexOf('\n');
        String body = firstLineEnd >= 0 && text.matches("(?s)^<\\d+\\..*") ? text.substring(firstLineEnd + 1) : text;
        List<LocalTime> starts = new ArrayList<>();
        List<LocalTime> ends = new ArrayList<>();
        List<String> speakers = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        Matcher m = TAG.matcher(body);
        while (m.find()) {
            String value = ANY_TAG.matcher(m.group(2)).replaceAll("").replaceAll("\\s+", " ").strip();
            String after = body.substring(m.end(), Math.min(body.length(), m.end() + 12));
            switch (m.group(1)) {
                case "stime" -> addTime(starts, value, after);
                case "etime" -> addTime(ends, value, after);
                case "speaker" -> speakers.add(value);
                default -> locations.add(value);
            }
        }
        String plain = ANY_TAG.matcher(body).replaceAll("");
        return new CmuPost(email(plain), starts, ends, speakers, locations);
    }

    private static final Pattern MERIDIEM_AFTER = Pattern.compile("^\\s*([ap])\\.?\\s?m\\b", Pattern.CASE_INSENSITIVE);

    /** A tag without am/pm takes it from right after the tag; with neither, both halves of the day are accepted. */
    private static void addTime(List<LocalTime> times, String value, String after) {
        Matcher m = CLOCK.matcher(value);
        if (!m.find()) {
            return;
        }
        if (m.group(4) != null) {
            times.add(LocalTime.NOON);
            return;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String meridiem = m.group(3);
        Matcher following = MERIDIEM_AFTER.matcher(after);
        if (meridiem == null && following.find()) {
            meridiem = following.group(1);
        }
        if (meridiem != null) {
            hour = hour % 12 + (meridiem.equalsIgnoreCase("p") ? 12 : 0);
        }
        if (hour < 24 && minute < 60) {
            times.add(LocalTime.of(hour, minute));
            if (meridiem == null && hour < 12) {
                times.add(LocalTime.of(hour + 12, minute));
            }
        }
    }

    private static byte[] email(String body) {
        StringBuilder headers = new StringBuilder();
        Matcher posted = POSTED.matcher(body);
        String from = "unknown";
        if (posted.find()) {
            from = posted.group(1).strip();
            LocalDate day = LocalDate.parse(posted.group(2), DateTimeFormatter.ofPattern("d-MMM-yy", Locale.ENGLISH));
            if (day.getYear() > 2050) {
                day = day.minusYears(100);
            }
            ZonedDateTime sent = ZonedDateTime.of(day, LocalTime.parse(posted.group(3).length() == 4 ? "0" + posted.group(3)
                    : posted.group(3)), PITTSBURGH);
            headers.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(sent)).append('\n');
        }
        Matcher topic = TOPIC.matcher(body);
        headers.append("From: ").append(from.replaceAll("[^\\p{L}\\p{N} .'-]", "")).append(" <unknown@sender.invalid>\n");
        headers.append("Subject: ").append(topic.find() ? topic.group(1).strip() : "").append('\n');
        headers.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
        return (headers + body).getBytes(StandardCharsets.UTF_8);
    }
}

package org.talkfeed.mail;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post as a Mailman (pipermail) archive page shows it: subject line, "Name address at host" line,
 * a date line like "Wed Feb 16 15:10:56 CST 2022", then the body. Turned back into an RFC 5322 message.
 */
public final class ArchivedPost {
    private static final Pattern SENDER = Pattern.compile("^(.*?)\\s*([\\w.+-]+) at ([\\w.-]+)\\s*$");
    private static final Pattern DATE = Pattern.compile(
            "^(\\w{3}) (\\w{3})\\s+(\\d{1,2}) (\\d{2}:\\d{2}:\\d{2}) ([A-Z]{2,5}|[+-]\\d{4}) (\\d{4})$");
    private static final Map<String, String> ZONES = Map.of("EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT", "-0500",
            "MST", "-0700", "MDT", "-0600", "PST", "-0800", "PDT", "-0700", "UTC", "+0000", "GMT", "+0000");
    private static final DateTimeFormatter ARCHIVE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss Z yyyy", Locale.ENGLISH);

    private ArchivedPost() {
    }

    /** The message, or null when the text does not start like an archived post. */
    public static byte[] toMessage(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        int i = 0;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i >= lines.length) {
            return null;
        }
        String subject = lines[i++].strip();
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        if (i + 1 >= lines.length) {
            return null;
        }
        Matcher sender = SENDER.matcher(lines[i].strip());
        Matcher date = DATE.matcher(lines[i + 1].strip());
        if (!sender.matches() || !date.matches()) {
            return null;
        }
        String offset = date.group(5).startsWith("+") || date.group(5).startsWith("-") ? date.group(5)
                : ZONES.getOrDefault(date.group(5), "+0000");
        ZonedDateTime sent = ZonedDateTime.parse(date.group(1) + " " + date.group(2) + " " + date.group(3) + " "
                + date.group(4) + " " + offset + " " + date.group(6), ARCHIVE);
        StringBuilder body = new StringBuilder();
        for (int b = i + 2; b < lines.length; b++) {
            body.append(lines[b]).append('\n');
        }
        String message = "From: " + sender.group(1).strip() + " <" + sender.group(2) + "@" + sender.group(3) + ">\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(sent) + "\n"
                + "Subject: " + subject + "\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n"
                + body.toString().strip() + "\n";
        return message.getBytes(StandardCharsets.UTF_8);
    }
}

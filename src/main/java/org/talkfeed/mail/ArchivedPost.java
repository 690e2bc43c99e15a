package org.talkfeed.mail;

import jakarta.mail.internet.InternetAddress;
import org.talkfeed.text.MailDates;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A post as a Mailman (pipermail) archive shows it: subject, author, address, date and body, read from the text
 * rendering of an archive page ({@link #parse}) or from the page itself ({@link PipermailPage}), and turned back
 * into an RFC 5322 message.
 *
 * @param author    the author's name, or null
 * @param address   the author's address (already restored from "jane at example.edu"), or null
 * @param date      when it was sent, or null when the archive does not say in its usual form
 * @param messageId the Message-ID with its angle brackets, or null
 */
public record ArchivedPost(String subject, String author, String address, ZonedDateTime date, String body, String messageId) {
    private static final Pattern SENDER = Pattern.compile("^(.*?)\\s*([\\w.+-]+) at ([\\w.-]+)\\s*$");
    private static final Pattern DATE = Pattern.compile(
            "^(\\w{3}) (\\w{3})\\s+(\\d{1,2}) (\\d{1,2}:\\d{2}:\\d{2}) ([A-Z]{2,5}|[+-]\\d{4}) (\\d{4})$");
    private static final DateTimeFormatter ARCHIVE = DateTimeFormatter.ofPattern("EEE MMM d H:mm:ss yyyy", Locale.ENGLISH);

    /** The message of the text rendering of an archive page, or null when the text does not start like one. */
    public static byte[] toMessage(String text) {
        ArchivedPost post = parse(text);
        return post == null ? null : post.toMessage();
    }

    /** The text rendering: subject line, "Name jane at host" line, date line like "Wed Feb 16 15:10:56 CST 2022", body. */
    public static ArchivedPost parse(String text) {
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
        ZonedDateTime date = archiveDate(lines[i + 1]);
        if (!sender.matches() || date == null) {
            return null;
        }
        StringBuilder body = new StringBuilder();
        for (int b = i + 2; b < lines.length; b++) {
            body.append(lines[b]).append('\n');
        }
        return new ArchivedPost(subject, sender.group(1).strip(), sender.group(2) + "@" + sender.group(3), date,
                body.toString(), null);
    }

    /** A date as the archive writes it ("Wed Feb 16 15:10:56 CST 2022"), or null when it is not in that form. */
    public static ZonedDateTime archiveDate(String line) {
        Matcher date = DATE.matcher(line.strip());
        if (!date.matches()) {
            return null;
        }
        try {
            return LocalDateTime.parse(date.group(1) + " " + date.group(2) + " " + date.group(3) + " " + date.group(4) + " "
                    + date.group(6), ARCHIVE).atOffset(MailDates.offset(date.group(5))).toZonedDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public byte[] toMessage() {
        StringBuilder message = new StringBuilder();
        String from = from();
        if (from != null) {
            message.append("From: ").append(from).append('\n');
        }
        if (date != null) {
            message.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date)).append('\n');
        }
        message.append("Subject: ").append(subject.replaceAll("\\s+", " ").strip()).append('\n');
        if (messageId != null) {
            message.append("Message-ID: ").append(messageId).append('\n');
        }
        message.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n")
                .append(body.strip()).append('\n');
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String from() {
        boolean named = author != null && !author.isBlank() && !author.strip().equals(address);
        if (address == null) {
            return named ? author.strip() : null;
        }
        try {
            return new InternetAddress(address, named ? author.strip() : null, "UTF-8").toString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.talkfeed.text;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A message reduced to what extraction reads: decoded headers and the body as clean lines
 * (no list footer, quoted reply or signature), and the parts that may carry its talk as data.
 *
 * @param date          the Date header with its UTC offset, or null when missing or unreadable
 * @param references    the Message-IDs of In-Reply-To and References, nearest first, each in angle brackets
 * @param calendarParts the text of each iCalendar part or {@code .ics} attachment, at most a few, each bounded
 * @param htmlParts     the raw HTML of each HTML part, at most a few, each bounded
 * @param original      the message as its readers saw it, for the archive
 */
public record MessageText(
        String messageId,
        String subject,
        String fromName,
        String fromAddress,
        ZonedDateTime date,
        String listId,
        List<String> lines,
        SenderHeaders senderHeaders,
        List<String> references,
        List<String> calendarParts,
        List<String> htmlParts,
        Original original) {

    /**
     * What the archive shows of a message: its decoded text before cleaning, bounded, and the address of the list
     * archive's copy (the Archived-At header, RFC 5064).
     *
     * @param text       From, Date and Subject, then the body as decoded; null when not kept
     * @param archivedAt an http(s) address, or null
     */
    public record Original(String text, String archivedAt) {
        public static final Original NONE = new Original(null, null);
    }

    public MessageText {
        original = original == null ? Original.NONE : original;
        lines = List.copyOf(lines);
        subject = subject == null ? "" : subject;
        senderHeaders = senderHeaders == null ? SenderHeaders.NONE : senderHeaders;
        references = references == null ? List.of() : List.copyOf(references);
        calendarParts = calendarParts == null ? List.of() : List.copyOf(calendarParts);
        htmlParts = htmlParts == null ? List.of() : List.copyOf(htmlParts);
    }

    public MessageText(String messageId, String subject, String fromName, String fromAddress, ZonedDateTime date,
                       String listId, List<String> lines, SenderHeaders senderHeaders, List<String> references,
                       List<String> calendarParts, List<String> htmlParts) {
        this(messageId, subject, fromName, fromAddress, date, listId, lines, senderHeaders, references, calendarParts,
                htmlParts, Original.NONE);
    }

    /** A message with no calendar or HTML parts. */
    public MessageText(String messageId, String subject, String fromName, String fromAddress, ZonedDateTime date,
                       String listId, List<String> lines, SenderHeaders senderHeaders, List<String> references) {
        this(messageId, subject, fromName, fromAddress, date, listId, lines, senderHeaders, references, List.of(), List.of());
    }

    /** A message known only by these headers and lines, with no sender or threading headers. */
    public MessageText(String messageId, String subject, String fromName, String fromAddress, ZonedDateTime date,
                       String listId, List<String> lines) {
        this(messageId, subject, fromName, fromAddress, date, listId, lines, SenderHeaders.NONE, List.of(), List.of(), List.of());
    }

    public String body() {
        return String.join("\n", lines);
    }
}

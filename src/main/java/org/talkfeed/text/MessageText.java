package org.talkfeed.text;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A message reduced to what extraction reads: decoded headers and the body as clean lines
 * (no list footer, quoted reply or signature).
 *
 * @param date       the Date header with its UTC offset, or null when missing or unreadable
 * @param references the Message-IDs of In-Reply-To and References, nearest first, each in angle brackets
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
        List<String> references) {

    public MessageText {
        lines = List.copyOf(lines);
        subject = subject == null ? "" : subject;
        senderHeaders = senderHeaders == null ? SenderHeaders.NONE : senderHeaders;
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** A message known only by these headers and lines, with no sender or threading headers. */
    public MessageText(String messageId, String subject, String fromName, String fromAddress, ZonedDateTime date,
                       String listId, List<String> lines) {
        this(messageId, subject, fromName, fromAddress, date, listId, lines, SenderHeaders.NONE, List.of());
    }

    public String body() {
        return String.join("\n", lines);
    }
}

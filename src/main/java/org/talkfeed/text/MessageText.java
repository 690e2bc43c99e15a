package org.talkfeed.text;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A message reduced to what extraction reads: decoded headers and the body as clean lines
 * (no list footer, quoted reply or signature).
 *
 * @param date the Date header with its UTC offset, or null when missing or unreadable
 */
public record MessageText(
        String messageId,
        String subject,
        String fromName,
        String fromAddress,
        ZonedDateTime date,
        String listId,
        List<String> lines) {

    public MessageText {
        lines = List.copyOf(lines);
        subject = subject == null ? "" : subject;
    }

    public String body() {
        return String.join("\n", lines);
    }
}

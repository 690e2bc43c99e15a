package org.talkfeed.check;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What an admin gives {@code talkfeed check}: an email (.eml), or a draft without headers, which is read as the body
 * of a message sent now, its subject taken from a first line "Subject: ..." when there is one.
 */
final class MessageInput {
    /** Headers that only a real message has; a draft's "When:" or "Title:" lines are no header block. */
    private static final List<String> MAIL_HEADERS = List.of("from", "date", "message-id", "to", "received", "return-path",
            "mime-version", "content-type");
    private static final Pattern HEADER_LINE = Pattern.compile("^[!-9;-~]+:.*");
    private static final Pattern SUBJECT_LINE = Pattern.compile("(?i)^subject:\\s*(.*)$");

    private MessageInput() {
    }

    static MessageText read(byte[] bytes, Instant now) throws UnreadableMessageException {
        MessageReader reader = new MessageReader();
        String text = new String(bytes, StandardCharsets.UTF_8);
        return reader.read(hasHeaderBlock(text) ? bytes : asMessage(text, now));
    }

    /** Whether the text opens with a header block (before its first blank line) that names at least one mail header. */
    static boolean hasHeaderBlock(String text) {
        boolean mailHeader = false;
        for (String line : text.lines().toList()) {
            if (line.isBlank()) {
                break;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue; // a folded header
            }
            if (!HEADER_LINE.matcher(line).matches()) {
                return false;
            }
            String name = line.substring(0, line.indexOf(':')).toLowerCase(java.util.Locale.ROOT);
            mailHeader |= MAIL_HEADERS.contains(name);
        }
        return mailHeader;
    }

    /** A draft as the message it would be: its subject line (if any) as Subject, the rest as a UTF-8 text body. */
    private static byte[] asMessage(String draft, Instant now) {
        String subject = "";
        String body = draft;
        List<String> lines = draft.lines().toList();
        if (!lines.isEmpty()) {
            var subjectLine = SUBJECT_LINE.matcher(lines.get(0));
            if (subjectLine.matches()) {
                subject = subjectLine.group(1).strip();
                body = String.join("\n", lines.subList(1, lines.size())).stripLeading();
            }
        }
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(now));
            message.setText(body, StandardCharsets.UTF_8.name());
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("a draft could not be made a message: " + e.getMessage(), e);
        }
    }
}

package org.talkfeed.text;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Bytes to {@link MessageText}: decodes the headers, picks the body part that keeps the most
 * structure, decodes its charset and transfer encoding, turns HTML into lines, and cleans the result.
 */
public final class MessageReader {
    private static final int MAX_PART_BYTES = 2 << 20;
    private static final int MAX_DEPTH = 8;
    /** More parts than any announcement has; beyond them a message is read no further. */
    private static final int MAX_PARTS = 100;
    private static final Session SESSION;
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    /** A thread of more messages than this names its nearest ones first; older ones are not needed to find a talk. */
    private static final int MAX_REFERENCES = 50;

    static {
        Properties props = new Properties();
        props.setProperty("mail.mime.address.strict", "false");
        props.setProperty("mail.mime.decodetext.strict", "false");
        props.setProperty("mail.mime.parameters.strict", "false");
        props.setProperty("mail.mime.allowutf8", "true");
        SESSION = Session.getInstance(props);
    }

    private final BodyCleaner cleaner = new BodyCleaner();

    /** The lenient session talkfeed parses mail with (loose addresses, parameters and encoded words, UTF-8 headers). */
    public static Session session() {
        return SESSION;
    }

    public MessageText read(byte[] bytes) throws UnreadableMessageException {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        } catch (MessagingException e) {
            throw new UnreadableMessageException("not an email: " + e.getMessage());
        }
        String from = header(message, "From");
        String subject = header(message, "Subject");
        String date = header(message, "Date");
        String messageId = header(message, "Message-ID");
        if (from == null && subject == null && date == null && messageId == null) {
            throw new UnreadableMessageException("not an email: no From, Subject, Date or Message-ID header");
        }
        String body;
        try {
            body = bestText(message, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            body = "";
        }
        InternetAddress sender = address(from);
        return new MessageText(
                messageId == null ? null : messageId.strip(),
                subject == null ? "" : decode(subject).strip(),
                sender == null ? (from == null ? null : decode(from)) : sender.getPersonal(),
                sender == null ? null : sender.getAddress(),
                MailDates.parse(date),
                header(message, "List-Id"),
                cleaner.clean(body == null ? "" : body),
                senderHeaders(message),
                references(message));
    }

    private static SenderHeaders senderHeaders(MimeMessage message) {
        InternetAddress sender = address(header(message, "Sender"));
        InternetAddress returnPath = address(header(message, "Return-Path"));
        return new SenderHeaders(sender == null ? null : sender.getAddress(), returnPath == null ? null : returnPath.getAddress(),
                allHeaders(message, "Authentication-Results"));
    }

    /** In-Reply-To's Message-IDs, then References' from the nearest (last) back, each once. */
    private static List<String> references(MimeMessage message) {
        Set<String> ids = new LinkedHashSet<>();
        String inReplyTo = header(message, "In-Reply-To");
        if (inReplyTo != null) {
            ids.addAll(messageIds(inReplyTo));
        }
        String references = header(message, "References");
        if (references != null) {
            List<String> listed = new ArrayList<>(messageIds(references));
            Collections.reverse(listed);
            ids.addAll(listed);
        }
        return ids.stream().limit(MAX_REFERENCES).toList();
    }

    private static List<String> messageIds(String header) {
        return MESSAGE_ID.matcher(header).results().map(MatchResult::group).toList();
    }

    private static List<String> allHeaders(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? List.of()
                    : Arrays.stream(values).map(v -> FOLD.matcher(v).replaceAll(" ")).toList();
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null || value.indexOf('\n') < 0 ? value : FOLD.matcher(value).replaceAll(" ");
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String decode(String text) {
        try {
            return MimeUtility.decodeText(text);
        } catch (IOException | RuntimeException e) {
            return text;
        }
    }

    private static InternetAddress address(String from) {
        if (from == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(from, false);
            return parsed.length == 0 ? null : parsed[0];
        } catch (AddressException e) {
            return null;
        }
    }

    /** The text of the part that best represents the message, or null when it has none. */
    private String bestText(Part part, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return null;
        }
        String type = contentType(part);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                return null;
            }
            if (type.startsWith("multipart/alternative")) {
                return bestAlternative(multipart, depth);
            }
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < Math.min(multipart.getCount(), MAX_PARTS); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(child))) {
                    continue;
                }
                String text = bestText(child, depth + 1);
                if (text != null && !text.isBlank()) {
                    all.append(text).append("\n\n");
                }
            }
            return all.isEmpty() ? null : all.toString();
        }
        if (type.startsWith("message/rfc822")) {
            Object content = part.getContent();
            return content instanceof Part inner ? bestText(inner, depth + 1) : null;
        }
        if (type.startsWith("text/html")) {
            return HtmlText.toText(decodedText(part));
        }
        if (type.startsWith("text/") || type.isEmpty()) {
            String text = decodedText(part);
            return isFlowed(part) ? FlowedText.unwrap(text, delSp(part)) : text;
        }
        return null;
    }

    /**
     * In multipart/alternative the plain part wins unless the HTML part clearly carries more text. An HTML part
     * that cannot carry enough more is not rendered at all.
     */
    private String bestAlternative(Multipart alternatives, int depth) throws MessagingException, IOException {
        int count = Math.min(alternatives.getCount(), MAX_PARTS);
        String plain = null;
        for (int i = 0; i < count; i++) {
            BodyPart child = alternatives.getBodyPart(i);
            if (contentType(child).startsWith("text/plain")) {
                plain = nonBlankOr(bestText(child, depth + 1), plain);
            }
        }
        String rich = null;
        for (int i = 0; i < count; i++) {
            BodyPart child = alternatives.getBodyPart(i);
            String type = contentType(child);
            if (type.startsWith("text/plain")) {
                continue;
            }
            if (plain != null && type.startsWith("text/html")) {
                // weighed on its undecoded bytes when they are no shorter than its content, so a dropped part is never decoded
                byte[] encoded = TransferEncoding.encodedNoShorterThanContent(child);
                String html = encoded == null ? decodedText(child) : null;
                if (plainWins(plain, HtmlText.textLengthBound(html != null ? html : new String(encoded, StandardCharsets.ISO_8859_1)))) {
                    continue;
                }
                rich = nonBlankOr(HtmlText.toText(html != null ? html : decodedText(child)), rich);
            } else {
                rich = nonBlankOr(bestText(child, depth + 1), rich);
            }
        }
        if (plain == null || rich == null) {
            return plain == null ? rich : plain;
        }
        return plainWins(plain, rich.strip().length()) ? plain : rich;
    }

    private static boolean plainWins(String plain, int richLength) {
        return plain.strip().length() * 2 >= richLength;
    }

    private static String nonBlankOr(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text;
    }

    private static String contentType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? "" : type.toLowerCase(java.util.Locale.ROOT).strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String safeDisposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String decodedText(Part part) throws MessagingException, IOException {
        return Charsets.decode(TransferEncoding.decode(part, MAX_PART_BYTES), parameter(part, "charset"));
    }

    private static boolean isFlowed(Part part) {
        return "flowed".equalsIgnoreCase(parameter(part, "format"));
    }

    private static boolean delSp(Part part) {
        return "yes".equalsIgnoreCase(parameter(part, "delsp"));
    }

    private static String parameter(Part part, String name) {
        try {
            return new ContentType(part.getContentType()).getParameter(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}

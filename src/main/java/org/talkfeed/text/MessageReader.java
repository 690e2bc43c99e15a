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
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Bytes to {@link MessageText}: decodes the headers, picks the body part that keeps the most
 * structure, decodes its charset and transfer encoding, turns HTML into lines, and cleans the result.
 */
public final class MessageReader {
    /** The most body text one message hands to extraction; a longer one is unreadable. */
    public static final int MAX_BODY_CHARS = ReadLimits.MAX_BODY_CHARS;
    private static final Session SESSION;
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]");
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    /** A thread of more messages than this names its nearest ones first; older ones are not needed to find a talk. */
    private static final int MAX_REFERENCES = 50;
    /** Characters of a message kept for the archive's page of its talk. */
    private static final int MAX_ORIGINAL_CHARS = 200_000;
    /** Angus's base64 decoder ends its complaint with the characters it last read: message text, not the reason. */
    private static final Pattern DECODER_CONTEXT = Pattern.compile(", the \\d+ most recent characters were: .*", Pattern.DOTALL);

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

    /**
     * @throws UnreadableMessageException when the bytes are no email, when the body cannot be decoded, or when the message
     *                                    passes one of the {@link ReadLimits}; the message says which
     */
    public MessageText read(byte[] bytes) throws UnreadableMessageException {
        ReadLimits.checkDelimiters(bytes);
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(bytes));
        } catch (MessagingException | RuntimeException e) {
            throw new UnreadableMessageException("not an email: " + problem(e));
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
            body = bestText(message, 0, new ReadLimits());
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnreadableMessageException("body cannot be decoded: " + problem(e));
        }
        ReadLimits.checkBody(body);
        InternetAddress sender = address(from);
        StructuredParts structured = StructuredParts.of(message);
        return new MessageText(
                messageId == null ? null : messageId.strip(),
                subject == null ? "" : decode(subject).strip(),
                sender == null ? (from == null ? null : decode(from)) : sender.getPersonal(),
                sender == null ? null : sender.getAddress(),
                MailDates.parse(date),
                header(message, "List-Id"),
                cleaner.clean(body == null ? "" : body),
                senderHeaders(message),
                references(message),
                structured.calendars(),
                structured.htmls(),
                original(from, date, subject, body, header(message, "Archived-At")));
    }

    /** The message as its readers saw it: the headers they look at, then the body as decoded, bounded. */
    private static MessageText.Original original(String from, String date, String subject, String body, String archivedAt) {
        StringBuilder text = new StringBuilder();
        for (String[] header : new String[][] {{"From", from}, {"Date", date}, {"Subject", subject}}) {
            if (header[1] != null) {
                text.append(header[0]).append(": ").append(decode(header[1]).strip()).append('\n');
            }
        }
        text.append('\n').append(body == null ? "" : body.strip());
        if (text.length() > MAX_ORIGINAL_CHARS) {
            text.setLength(MAX_ORIGINAL_CHARS);
            text.append("\n[…]");
        }
        return new MessageText.Original(text.toString(), webAddress(archivedAt));
    }

    /** An Archived-At value ({@code <https://…>}) as an http(s) address; null when it is none. */
    private static String webAddress(String archivedAt) {
        if (archivedAt == null) {
            return null;
        }
        String value = archivedAt.strip();
        if (value.startsWith("<") && value.endsWith(">")) {
            value = value.substring(1, value.length() - 1).strip();
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static SenderHeaders senderHeaders(MimeMessage message) {
        InternetAddress sender = address(header(message, "Sender"));
        InternetAddress returnPath = address(header(message, "Return-Path"));
        return new SenderHeaders(sender == null ? null : sender.getAddress(), returnPath == null ? null : returnPath.getAddress(),
                allHeaders(message, "Authentication-Results"), header(message, "Auto-Submitted"), header(message, "Precedence"),
                header(message, "X-Auto-Response-Suppress"));
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

    private static String problem(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : DECODER_CONTEXT.matcher(message).replaceFirst("");
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
    private String bestText(Part part, int depth, ReadLimits limits)
            throws MessagingException, IOException, UnreadableMessageException {
        ReadLimits.enter(depth);
        String type = contentType(part);
        if (type.startsWith("multipart/")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                return null;
            }
            int count = multipart.getCount();
            limits.countParts(count);
            if (type.startsWith("multipart/alternative")) {
                return bestAlternative(multipart, count, depth, limits);
            }
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < count; i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(safeDisposition(child))) {
                    continue;
                }
                String text = bestText(child, depth + 1, limits);
                if (text != null && !text.isBlank()) {
                    all.append(text).append("\n\n");
                    ReadLimits.checkBody(all);
                }
            }
            return all.isEmpty() ? null : all.toString();
        }
        if (type.startsWith("message/rfc822")) {
            Object content = part.getContent();
            return content instanceof Part inner ? bestText(inner, depth + 1, limits) : null;
        }
        if (type.startsWith("text/html")) {
            return HtmlText.toText(decodedText(part));
        }
        if (type.startsWith("text/calendar")) {
            return null; // calendar data, read as such by extraction (MessageText.calendarParts), is no body text
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
    private String bestAlternative(Multipart alternatives, int count, int depth, ReadLimits limits)
            throws MessagingException, IOException, UnreadableMessageException {
        String plain = null;
        for (int i = 0; i < count; i++) {
            BodyPart child = alternatives.getBodyPart(i);
            if (contentType(child).startsWith("text/plain")) {
                plain = nonBlankOr(bestText(child, depth + 1, limits), plain);
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
                ReadLimits.enter(depth + 1);
                // weighed on its undecoded bytes when they are no shorter than its content, so a dropped part is never decoded
                byte[] encoded = TransferEncoding.encodedNoShorterThanContent(child);
                String html = encoded == null ? decodedText(child) : null;
                if (plainWins(plain, HtmlText.textLengthBound(html != null ? html : new String(encoded, StandardCharsets.ISO_8859_1)))) {
                    continue;
                }
                rich = nonBlankOr(HtmlText.toText(html != null ? html : decodedText(child)), rich);
            } else {
                rich = nonBlankOr(bestText(child, depth + 1, limits), rich);
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
            return type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
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

    private static String decodedText(Part part) throws MessagingException, IOException, UnreadableMessageException {
        byte[] content = ReadLimits.checkPart(TransferEncoding.decode(part, ReadLimits.MAX_PART_BYTES + 1));
        return Charsets.decode(content, parameter(part, "charset"));
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

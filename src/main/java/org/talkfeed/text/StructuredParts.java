package org.talkfeed.text;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a message that may carry its talk as data: its calendars (text/calendar, application/ics, an
 * attached {@code .ics} file), attachments included, and the raw HTML of its HTML parts. Bounded in count and
 * size; a part that cannot be read is left out.
 */
record StructuredParts(List<String> calendars, List<String> htmls) {
    static final int MAX_CALENDARS = 4;
    static final int MAX_HTMLS = 4;
    /** A larger calendar is no invitation to one talk; it is left out whole, since a cut one cannot be parsed. */
    static final int MAX_CALENDAR_BYTES = 256 << 10;
    /** HTML is cut here: markup for an event sits in the head or near the top. */
    static final int MAX_HTML_BYTES = 1 << 20;
    private static final int MAX_DEPTH = ReadLimits.MAX_DEPTH;
    private static final int MAX_PARTS = ReadLimits.MAX_PARTS;

    StructuredParts {
        calendars = List.copyOf(calendars);
        htmls = List.copyOf(htmls);
    }

    /** What the message holds; never throws. */
    static StructuredParts of(Part message) {
        Walk walk = new Walk();
        try {
            walk.visit(message, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            // what was gathered before the unreadable part is kept
        }
        return new StructuredParts(walk.calendars, walk.htmls);
    }

    private static final class Walk {
        private final List<String> calendars = new ArrayList<>();
        private final List<String> htmls = new ArrayList<>();
        private int parts;

        void visit(Part part, int depth) throws MessagingException, IOException {
            if (depth > MAX_DEPTH || ++parts > MAX_PARTS) {
                return;
            }
            String type = baseType(part);
            if (type.startsWith("multipart/")) {
                if (part.getContent() instanceof Multipart multipart) {
                    for (int i = 0; i < Math.min(multipart.getCount(), MAX_PARTS); i++) {
                        BodyPart child = multipart.getBodyPart(i);
                        try {
                            visit(child, depth + 1);
                        } catch (MessagingException | IOException | RuntimeException e) {
                            // one broken part does not hide the others
                        }
                    }
                }
            } else if (type.equals("message/rfc822")) {
                if (part.getContent() instanceof Part inner) {
                    visit(inner, depth + 1);
                }
            } else if (isCalendar(part, type)) {
                if (calendars.size() < MAX_CALENDARS) {
                    byte[] bytes = TransferEncoding.decode(part, MAX_CALENDAR_BYTES + 1);
                    String text = bytes.length > MAX_CALENDAR_BYTES ? null : Charsets.decode(bytes, charset(part));
                    if (text != null && !calendars.contains(text)) {
                        calendars.add(text); // Google sends one invitation twice: inline and as invite.ics
                    }
                }
            } else if (type.equals("text/html") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                if (htmls.size() < MAX_HTMLS) {
                    htmls.add(Charsets.decode(TransferEncoding.decode(part, MAX_HTML_BYTES), charset(part)));
                }
            }
        }
    }

    private static boolean isCalendar(Part part, String type) throws MessagingException {
        if (type.equals("text/calendar") || type.equals("application/ics") || type.equals("text/x-vcalendar")
                || type.equals("application/x-ics")) {
            return true;
        }
        if (!type.startsWith("application/") && !type.startsWith("text/plain")) {
            return false;
        }
        String name = part.getFileName();
        return name != null && name.toLowerCase(Locale.ROOT).strip().endsWith(".ics");
    }

    private static String baseType(Part part) {
        try {
            String type = part.getContentType();
            return type == null ? "" : new ContentType(type).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "";
        }
    }

    private static String charset(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }
}

package org.talkfeed.text;

import java.util.Locale;

/**
 * What reading one message may cost, counted as it is read: how deep its MIME parts nest, how many parts it has in
 * all, how large a part it decodes, and how much body text it yields. Past any of these the message is unreadable,
 * and the limit it passed is the reason.
 */
final class ReadLimits {
    static final int MAX_DEPTH = 8;
    /** Parts across the whole message, every multipart's counted together: more than any announcement has. */
    static final int MAX_PARTS = 100;
    /** Lines that start like a MIME delimiter: each part has one, and prose now and then starts a line with "--". */
    static final int MAX_DELIMITER_LINES = 20 * MAX_PARTS;
    static final int MAX_PART_BYTES = 2 << 20;
    /** Far more than any announcement, and five times what extraction reads of a body. */
    static final int MAX_BODY_CHARS = 500_000;

    private int parts;

    /**
     * Before any parsing: a message whose bytes hold more delimiter-like lines ("--" then a boundary) than
     * {@link #MAX_DELIMITER_LINES} has more parts than {@link #MAX_PARTS}, whatever its boundaries, and is not handed
     * to the MIME parser, which would build every part first.
     */
    static void checkDelimiters(byte[] bytes) throws UnreadableMessageException {
        int lines = 0;
        for (int i = 0; i + 2 < bytes.length; i++) {
            if ((i == 0 || bytes[i - 1] == '\n') && bytes[i] == '-' && bytes[i + 1] == '-' && bytes[i + 2] > ' ' && ++lines > MAX_DELIMITER_LINES) {
                throw new UnreadableMessageException("more than " + MAX_PARTS + " MIME parts");
            }
        }
    }

    /** A part {@code depth} levels below the message is about to be read. */
    static void enter(int depth) throws UnreadableMessageException {
        if (depth > MAX_DEPTH) {
            throw new UnreadableMessageException("MIME nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** A multipart of {@code count} parts is about to be read. */
    void countParts(int count) throws UnreadableMessageException {
        parts += count;
        if (parts > MAX_PARTS) {
            throw new UnreadableMessageException("more than " + MAX_PARTS + " MIME parts");
        }
    }

    /** A part's content, decoded up to one byte past the limit, so that a larger part is told from one at the limit. */
    static byte[] checkPart(byte[] decoded) throws UnreadableMessageException {
        if (decoded.length > MAX_PART_BYTES) {
            throw new UnreadableMessageException("body part larger than " + (MAX_PART_BYTES >> 20) + " MB");
        }
        return decoded;
    }

    static void checkBody(CharSequence text) throws UnreadableMessageException {
        if (text != null && text.length() > MAX_BODY_CHARS) {
            throw new UnreadableMessageException(String.format(Locale.ROOT, "body text longer than %,d characters", MAX_BODY_CHARS));
        }
    }
}

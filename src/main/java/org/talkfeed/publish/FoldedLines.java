package org.talkfeed.publish;

/**
 * Folds iCalendar content lines as RFC 5545 section 3.1 asks: no physical line longer than 75 octets of
 * UTF-8 (CRLF not counted), a fold being CRLF and one space, and never inside a code point, so that each
 * physical line is valid UTF-8 on its own. ical4j's own folding counts UTF-16 chars instead.
 */
final class FoldedLines {
    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private FoldedLines() {
    }

    /** {@code unfolded}: content lines, each ending with CRLF. */
    static String fold(String unfolded) {
        StringBuilder out = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        int octets = 0;
        int i = 0;
        while (i < unfolded.length()) {
            int end = octets == 0 ? shortAsciiLineEnd(unfolded, i) : -1;
            if (end >= 0) {
                out.append(unfolded, i, end + CRLF.length());
                i = end + CRLF.length();
                continue;
            }
            if (unfolded.startsWith(CRLF, i)) {
                out.append(CRLF);
                octets = 0;
                i += CRLF.length();
                continue;
            }
            int cp = unfolded.codePointAt(i);
            int size = utf8Octets(cp);
            if (octets + size > MAX_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Where the line starting at {@code from} ends (its CRLF), when it is ASCII and needs no fold; else -1. */
    private static int shortAsciiLineEnd(String text, int from) {
        int limit = Math.min(text.length() - 2, from + MAX_OCTETS);
        for (int i = from; i <= limit; i++) {
            char c = text.charAt(i);
            if (c == '\r' && text.charAt(i + 1) == '\n') {
                return i;
            }
            if (c >= 0x80) {
                return -1;
            }
        }
        return -1;
    }

    private static int utf8Octets(int cp) {
        if (cp < 0x80) {
            return 1;
        }
        if (cp < 0x800) {
            return 2;
        }
        return cp < 0x10000 ? 3 : 4;
    }
}

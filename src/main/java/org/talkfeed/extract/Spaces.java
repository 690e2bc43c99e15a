package org.talkfeed.extract;

import java.util.regex.Pattern;

/** Runs of white space (as {@code \s} reads them): collapsed to one space, or the gaps between words. */
final class Spaces {
    static final Pattern RUN = Pattern.compile("\\s+");

    private Spaces() {
    }

    /** The same as {@code text.replaceAll("\\s+", " ")}, without a copy when there is nothing to collapse. */
    static String collapse(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(text.charAt(i + 1))))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                out.append(' ');
                while (i < n && isSpace(text.charAt(i))) {
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The same as {@code text.split("\\s+")}. */
    static String[] words(String text) {
        return RUN.split(text);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}

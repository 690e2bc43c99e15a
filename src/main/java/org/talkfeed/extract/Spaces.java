package org.talkfeed.extract;

import java.util.ArrayList;
import java.util.List;

/** Runs of white space (as {@code \s} reads them): collapsed to one space, or the gaps between words. */
final class Spaces {

    private Spaces() {
    }

    /** The same as {@code text.replaceAll("\\s+", " ")}, without a copy when there is nothing to collapse. */
    static String collapse(String text) {
        return collapse(text, Integer.MAX_VALUE);
    }

    /** The first {@code limit} characters (at most) of {@link #collapse(String)}, reading no more of the text than they need. */
    static String collapse(String text, int limit) {
        int n = text.length();
        int i = 0;
        while (i < n && i < limit) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || (i + 1 < n && isSpace(text.charAt(i + 1))))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        if (i == limit) {
            return text.substring(0, limit);
        }
        StringBuilder out = new StringBuilder(Math.min(n, limit)).append(text, 0, i);
        while (i < n && out.length() < limit) {
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

    /** The same as {@code text.split("\\s+")}: a leading empty word when the text starts with a space, no trailing one. */
    static String[] words(String text) {
        List<String> words = new ArrayList<>();
        int n = text.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (isSpace(text.charAt(i))) {
                words.add(text.substring(start, i));
                while (i + 1 < n && isSpace(text.charAt(i + 1))) {
                    i++;
                }
                start = i + 1;
            }
        }
        if (words.isEmpty()) {
            return new String[] {text};
        }
        words.add(text.substring(start));
        int size = words.size();
        while (size > 0 && words.get(size - 1).isEmpty()) {
            size--;
        }
        return words.subList(0, size).toArray(String[]::new);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}

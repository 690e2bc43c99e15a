package org.talkfeed.extract;

import java.util.List;
import java.util.Locale;

/**
 * Words of which every match of some pattern contains at least one: a text that holds none of them cannot
 * match, which a few {@code String.contains} calls tell far sooner than the pattern's scan.
 *
 * @param words in lower case
 */
record Literals(List<String> words) {
    static Literals of(String... words) {
        return new Literals(List.of(words));
    }

    /** Whether the text holds one of the words, in whatever letter case. */
    boolean inAnyCase(String text) {
        return in(text.toLowerCase(Locale.ROOT));
    }

    /** Whether the text holds one of the words as written. */
    boolean in(String text) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }
}

package org.talkfeed.extract;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern's matches in a text, found by running the pattern only where a cheap test of the text says a
 * match can start. A Matcher's own {@code find()} runs the whole pattern at every position of the text, which
 * is most of the cost of reading a message. The matches are exactly {@code find()}'s as long as the test lets
 * through every position where a match starts, and the pattern never matches the empty string.
 */
final class PatternScan {
    /** Whether a match can start at a position of the text. */
    interface Start {
        boolean at(String text, int i);

        /** The first position at or after {@code from} where a match can start, or the text's length when none is left. */
        default int next(String text, int from) {
            for (int i = from; i < text.length(); i++) {
                if (at(text, i)) {
                    return i;
                }
            }
            return text.length();
        }
    }

    private final Matcher matcher;
    private final String text;
    private final Start start;
    private int from;

    PatternScan(Pattern pattern, String text, Start start) {
        // transparent, non-anchoring bounds: \b, lookbehinds and ^ see the text before the position tried
        this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        this.text = text;
        this.start = start;
    }

    /** The first match at or after the position, as {@link Matcher#find(int)} would find it. */
    boolean findFrom(int position) {
        from = position;
        return find();
    }

    /** The next match, as {@link Matcher#find()} would find it; read it from {@link #matcher()}. */
    boolean find() {
        int searchedFrom = from;
        boolean found = scan();
        // with assertions on (as in the tests), every scan is checked against the plain find() it stands for, so a
        // start test that misses an alternative added to its pattern fails loudly instead of dropping matches
        assert sameAsPlainFind(searchedFrom, found) : "the start test of PatternScan skips a match of /" + matcher.pattern()
                + "/ after position " + searchedFrom + " in: " + text;
        return found;
    }

    private boolean sameAsPlainFind(int searchedFrom, boolean found) {
        Matcher plain = matcher.pattern().matcher(text);
        boolean plainFound = plain.find(searchedFrom);
        return plainFound == found && (!found || plain.start() == matcher.start() && plain.end() == matcher.end());
    }

    private boolean scan() {
        for (int i = start.next(text, from); i < text.length(); i = start.next(text, i + 1)) {
            matcher.region(i, text.length());
            if (matcher.lookingAt()) {
                from = matcher.end();
                return true;
            }
        }
        from = text.length();
        return false;
    }

    Matcher matcher() {
        return matcher;
    }

    /** Whether a word can start at the position: a \b there needs no letter, digit or underscore before it. */
    static boolean wordStart(String text, int i) {
        return i == 0 || !isWordCharacter(text.charAt(i - 1));
    }

    /** A letter, a digit or an underscore: what \b counts as part of a word. */
    private static boolean isWordCharacter(char c) {
        return c < 128 ? ASCII_WORD_CHARACTERS[c] : Character.isLetterOrDigit(c);
    }

    private static final boolean[] ASCII_WORD_CHARACTERS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD_CHARACTERS[c] = Character.isLetterOrDigit(c) || c == '_';
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether a line can start at the position, as ^ reads it in MULTILINE mode. */
    static boolean lineStart(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return before == '\n' || before == '\r' || before == '\u0085' || before == '\u2028' || before == '\u2029';
    }

    /** A match starts with an upper-case letter (\p{Lu}); a surrogate pair may hold one too. */
    static final Start UPPER_CASE = (text, i) -> Character.isUpperCase(text.charAt(i)) || Character.isHighSurrogate(text.charAt(i));

    /**
     * A match starts with one of the prefixes, ASCII letter case aside: for a pattern whose alternatives begin
     * so, case-sensitive or not.
     */
    static Start startingWith(String... prefixes) {
        return new Prefixes(prefixes, false);
    }

    /** A match starts with a word (after a \b) that begins with one of the prefixes, letter case aside. */
    static Start wordStartingWith(String... prefixes) {
        return new Prefixes(prefixes, true);
    }

    /** The test of {@link #startingWith} and {@link #wordStartingWith}, which finds the next start in a loop of its own. */
    private static final class Prefixes implements Start {
        /** The lower-case prefixes by their first character, in either case. */
        private final String[][] byFirst = new String[128][0];
        private final String[] nonAscii;
        private final boolean wordsOnly;

        Prefixes(String[] prefixes, boolean wordsOnly) {
            this.wordsOnly = wordsOnly;
            String[] nonAscii = new String[0];
            for (String prefix : prefixes) {
                String lower = prefix.toLowerCase(Locale.ROOT);
                char c = lower.charAt(0);
                if (c >= 128) {
                    nonAscii = with(nonAscii, lower);
                    continue;
                }
                byFirst[c] = with(byFirst[c], lower);
                char upper = Character.toUpperCase(c);
                if (upper != c) {
                    byFirst[upper] = with(byFirst[upper], lower);
                }
            }
            this.nonAscii = nonAscii;
        }

        @Override
        public boolean at(String text, int i) {
            return (!wordsOnly || wordStart(text, i)) && prefixedAt(text, i);
        }

        @Override
        public int next(String text, int from) {
            boolean afterWordCharacter = wordsOnly && !wordStart(text, from);
            for (int i = from; i < text.length(); i++) {
                if (!afterWordCharacter && prefixedAt(text, i)) {
                    return i;
                }
                afterWordCharacter = wordsOnly && isWordCharacter(text.charAt(i));
            }
            return text.length();
        }

        private boolean prefixedAt(String text, int i) {
            char c = text.charAt(i);
            for (String prefix : c < 128 ? byFirst[c] : nonAscii) {
                if (startsWithAnyCase(text, i, prefix)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Whether the text has the lower-case prefix at the position, with ASCII letters in either case. */
    private static boolean startsWithAnyCase(String text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            char t = text.charAt(at + k);
            char p = prefix.charAt(k);
            if (t != p && !(t < 128 && (t | 0x20) == p)) {
                return false;
            }
        }
        return true;
    }

    private static String[] with(String[] strings, String more) {
        String[] longer = Arrays.copyOf(strings, strings.length + 1);
        longer[strings.length] = more;
        return longer;
    }
}

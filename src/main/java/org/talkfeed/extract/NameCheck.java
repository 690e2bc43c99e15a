package org.talkfeed.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether capitalized words found in running text are a person's name. A word that the same text also
 * uses in lower case ("Final Presentations" where "presentations" appears) is a common word, not a name.
 */
final class NameCheck {
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}]");

    private NameCheck() {
    }

    private static final Pattern TOKEN = Pattern.compile("\\p{Lu}\\.(?:-?\\p{Lu}\\.)*|\\p{Lu}[\\p{L}'’-]*|\\p{Ll}{1,3}");

    /** Shaped like a name: initials ("J." "J.R.") or capitalized words, no inner dots ("Comp."), brackets or digits. */
    static boolean shaped(String name) {
        for (String token : Spaces.words(name)) {
            if (!TOKEN.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The surname also stands in the text without the event word after it ("Fukawa has worked..."). */
    static boolean usedAlone(String name, String text) {
        String[] tokens = Spaces.words(name);
        String surname = Pattern.quote(tokens[tokens.length - 1]);
        return Pattern.compile("\\b" + surname + "\\b(?!\\s+(?i:lecture|seminar|talk|colloquium|presentation|reading))")
                .matcher(text).find();
    }

    static boolean plausible(String name, String text) {
        if (!shaped(name) || hasCommonWord(name, text)) {
            return false;
        }
        String[] tokens = Spaces.words(name);
        int caps = 0;
        int titleCase = 0;
        for (String token : tokens) {
            String word = letters(token);
            if (word.length() >= 2 && word.equals(word.toUpperCase(Locale.ROOT)) && !token.endsWith(".")) {
                caps++;
            } else if (word.length() >= 2) {
                titleCase++;
            }
        }
        if (caps == 0 || titleCase == 0) {
            return true; // "JANE DOE", "Jane Doe"
        }
        // "ISHIDA Takashi", "Takashi ISHIDA": a family name in capitals, first or last; "MHC Class" is not a name
        String first = letters(tokens[0]);
        String last = letters(tokens[tokens.length - 1]);
        boolean familyInCaps = caps == 1 && (isCaps(first) || isCaps(last));
        return familyInCaps && !SpeakerParser.looksLikeInstitution(name);
    }

    /** Whether any word of the phrase is one the text also writes in lower case (a common word, not a proper name). */
    static boolean hasCommonWord(String phrase, String text) {
        for (String token : Spaces.words(phrase)) {
            String word = letters(token);
            if (word.length() >= 3 && usedInLowerCase(word.toLowerCase(Locale.ROOT), text)) {
                return true;
            }
        }
        return false;
    }

    private static String letters(String token) {
        return NOT_A_LETTER.matcher(token).replaceAll("");
    }

    private static boolean isCaps(String word) {
        return word.length() >= 3 && word.equals(word.toUpperCase(Locale.ROOT));
    }

    private static boolean usedInLowerCase(String word, String text) {
        // a whole word, not inside an address: "andrew.cmu.edu" says nothing about the name Andrew
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            char before = at == 0 ? ' ' : text.charAt(at - 1);
            int end = at + word.length();
            char after = end < text.length() ? text.charAt(end) : ' ';
            boolean dotThenLetter = after == '.' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1));
            if (!Character.isLetter(before) && ".@/_-".indexOf(before) < 0
                    && !Character.isLetter(after) && "@_+-".indexOf(after) < 0 && !dotThenLetter) {
                return true;
            }
        }
        return false;
    }
}

package org.talkfeed.extract;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether capitalized words found in running text are a person's name. A word that the same text also
 * uses in lower case ("Final Presentations" where "presentations" appears) is a common word, not a name.
 */
final class NameCheck {
    private NameCheck() {
    }

    static boolean plausible(String name, String text) {
        String[] tokens = name.split("\\s+");
        int caps = 0;
        int titleCase = 0;
        for (String token : tokens) {
            String word = token.replaceAll("[^\\p{L}]", "");
            if (word.length() >= 3 && word.equals(word.toUpperCase(Locale.ROOT))) {
                caps++;
            } else if (word.length() >= 2) {
                titleCase++;
            }
            if (word.length() >= 3 && usedInLowerCase(word.toLowerCase(Locale.ROOT), text)) {
                return false;
            }
        }
        return caps == 0 || titleCase == 0; // "MHC Class" mixes an acronym with a word; "JANE DOE" and "Jane Doe" do not
    }

    private static boolean usedInLowerCase(String word, String text) {
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])").matcher(text).find();
    }
}

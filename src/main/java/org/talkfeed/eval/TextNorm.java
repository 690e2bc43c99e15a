package org.talkfeed.eval;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The corpus scoring's text rules: NFKD without accents, lower case, punctuation to spaces; token F1 over multisets. */
final class TextNorm {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\s]+");
    private static final Set<String> HONORIFICS = Set.of("prof", "professor", "dr", "mr", "mrs", "ms", "mx", "sir", "dame",
            "phd", "md", "jr", "sr");

    private TextNorm() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return PUNCTUATION.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    static List<String> tokens(String text) {
        String n = normalize(text);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }

    static double tokenF1(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        x.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : y) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                common++;
                counts.put(t, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / y.size();
        double recall = (double) common / x.size();
        return 2 * precision * recall / (precision + recall);
    }

    /** A person's name without titles such as Prof. or Dr., normalized. */
    static String personName(String name) {
        StringBuilder out = new StringBuilder();
        String spaced = " " + normalize(name) + " ";
        spaced = spaced.replace(" ph d ", " ").replace(" m d ", " ");
        for (String token : tokens(spaced)) {
            if (!HONORIFICS.contains(token)) {
                out.append(out.isEmpty() ? "" : " ").append(token);
            }
        }
        return out.toString();
    }

    static Set<String> personNames(List<String> names) {
        Set<String> set = new TreeSet<>();
        names.forEach(n -> set.add(personName(n)));
        return set;
    }
}

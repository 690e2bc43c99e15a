package org.talkfeed.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cue phrases of {@code cues.tsv} by category ("cancel", "cfp", "first_person"...), found as whole words in a text.
 * The learned decisions see which categories a subject or an opening holds; the phrases themselves decide nothing.
 */
final class Cues {
    private record Cue(String category, String phrase) {
    }

    private static final List<Cue> CUES = load("cues.tsv");

    private Cues() {
    }

    /** The categories whose phrases occur in {@code text} as whole words (case ignored). */
    static Set<String> in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> found = new TreeSet<>();
        for (Cue cue : CUES) {
            if (!found.contains(cue.category()) && containsWord(lower, cue.phrase())) {
                found.add(cue.category());
            }
        }
        return found;
    }

    private static boolean containsWord(String text, String phrase) {
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            if ((at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** The phrases of one category of a category-and-phrase resource of this package, such as cues.tsv. */
    static List<String> phrases(String resource, String category) {
        return load(resource).stream().filter(c -> c.category().equals(category)).map(Cue::phrase).toList();
    }

    private static List<Cue> load(String resource) {
        List<Cue> cues = new ArrayList<>();
        try (InputStream in = Cues.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                cues.add(new Cue(parts[0].strip(), parts[1].strip().toLowerCase(Locale.ROOT)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return List.copyOf(cues);
    }
}

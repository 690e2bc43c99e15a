package org.talkfeed.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
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
    /** The cues by the first character of their phrase, for phrases that start with an ASCII character. */
    private static final Cue[][] BY_ASCII_FIRST = new Cue[128][];
    /** The cues whose phrase starts with another character. */
    private static final Cue[] NON_ASCII_FIRST = CUES.stream().filter(cue -> cue.phrase().charAt(0) >= 128).toArray(Cue[]::new);

    static {
        for (char c = 0; c < 128; c++) {
            char first = c;
            BY_ASCII_FIRST[c] = CUES.stream().filter(cue -> cue.phrase().charAt(0) == first).toArray(Cue[]::new);
        }
    }

    private Cues() {
    }

    /** The categories whose phrases occur in {@code text} as whole words (case ignored). */
    static Set<String> in(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Set<String> found = new TreeSet<>();
        for (int at = 0; at < lower.length(); at++) {
            if (at > 0 && Character.isLetterOrDigit(lower.charAt(at - 1))) {
                continue; // a phrase found here would not start a word
            }
            char c = lower.charAt(at);
            for (Cue cue : c < 128 ? BY_ASCII_FIRST[c] : NON_ASCII_FIRST) {
                if (lower.startsWith(cue.phrase(), at) && endsWord(lower, at + cue.phrase().length())) {
                    found.add(cue.category());
                }
            }
        }
        return found;
    }

    private static boolean endsWord(String text, int end) {
        return end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }

    /** The phrases of one category of a category-and-phrase resource of this package, such as cues.tsv. */
    static List<String> phrases(String resource, String category) {
        return LOADED.computeIfAbsent(resource, Cues::load).stream().filter(c -> c.category().equals(category))
                .map(Cue::phrase).toList();
    }

    /** Each resource read once, however many categories of it are asked for. */
    private static final Map<String, List<Cue>> LOADED = new ConcurrentHashMap<>();

    private static List<Cue> load(String resource) {
        List<Cue> cues = new ArrayList<>();
        try (InputStream in = Cues.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String phrase = parts[1].strip().toLowerCase(Locale.ROOT);
                if (phrase.isEmpty()) {
                    throw new IllegalStateException(resource + " has a cue without a phrase: " + line);
                }
                cues.add(new Cue(parts[0].strip(), phrase));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return List.copyOf(cues);
    }
}

package org.talkfeed.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The places a text names, from two lists shipped as resources: cities with their zones ({@code gazetteer.tsv}) and
 * states, provinces and countries ({@code regions.tsv}). Names are found word by word through an index by first
 * word, so the work grows with the text's words, not with the number of places.
 */
final class Gazetteer {
    static final String CITIES = "gazetteer.tsv";
    static final String REGIONS = "regions.tsv";

    /** @param zone IANA id, null for a region of several zones; @param state empty for a country */
    record Place(String name, boolean city, String zone, String country, String state, long population) {
    }

    /** A name found in a text, at {@code start} to {@code end}, with every place of that name. */
    record Mention(String text, int start, int end, List<Place> places) {
    }

    private record Name(String[] words, String spelled, boolean code, List<Place> places) {
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}.]+");
    private static final int MAX_CHARS = 4000;

    private final Map<String, List<Name>> byFirstWord;
    private final int names;

    private Gazetteer(Map<String, List<Name>> byFirstWord, int names) {
        this.byFirstWord = byFirstWord;
        this.names = names;
    }

    private static final class Shared {
        static final Gazetteer INSTANCE = load();
    }

    /** The shipped lists, read on first use. */
    static Gazetteer shared() {
        return Shared.INSTANCE;
    }

    static Gazetteer load() {
        Map<String, Name> bySpelling = new LinkedHashMap<>();
        read(CITIES, true, bySpelling);
        read(REGIONS, false, bySpelling);
        Map<String, List<Name>> index = new HashMap<>();
        for (Name name : bySpelling.values()) {
            index.computeIfAbsent(name.words()[0], w -> new ArrayList<>()).add(name);
        }
        return new Gazetteer(index, bySpelling.size());
    }

    /** How many distinct names the lists hold. */
    int size() {
        return names;
    }

    private static void read(String resource, boolean cities, Map<String, Name> bySpelling) {
        Map<String, Boolean> zones = new HashMap<>();
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + resource);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String zone = f[1].isEmpty() ? null : f[1];
                if (zone != null && !zones.computeIfAbsent(zone, Gazetteer::knownZone)) {
                    continue; // a zone this Java's time-zone data does not have
                }
                Place place = new Place(f[0], cities, zone, f[2], f.length > 3 ? f[3] : "",
                        cities && f.length > 4 ? Long.parseLong(f[4]) : 0);
                String spelled = spelled(f[0]);
                boolean code = !cities && f[0].length() == 2 && f[0].equals(f[0].toUpperCase(Locale.ROOT));
                String[] keys = words(f[0]).stream().map(w -> key(f[0].substring(w[0], w[1]))).toArray(String[]::new);
                Name name = bySpelling.computeIfAbsent(spelled + (code ? "#code" : ""),
                        s -> new Name(keys, spelled, code, new ArrayList<>()));
                name.places().add(place);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean knownZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A word in lower case without accents. */
    static String key(String word) {
        if (word.chars().allMatch(c -> c < 128)) {
            return word.toLowerCase(Locale.ROOT);
        }
        return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A name as compared: its words as keys, a dot kept between them ("St. Louis" and "D.C." but not "D, C"). */
    static String spelled(String text) {
        String words = NOT_NAME.matcher(key(text)).replaceAll(" ").strip();
        while (words.endsWith(".")) {
            words = words.substring(0, words.length() - 1);
        }
        return words.replace(". ", ".");
    }

    /**
     * The names in the text (its first {@value #MAX_CHARS} characters), longest first where names overlap. A name
     * counts only written with a capital; a two-letter code ("OR", "MA") only in capitals after a comma or a city.
     */
    List<Mention> find(String text) {
        if (text == null) {
            return List.of();
        }
        String bounded = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        List<int[]> words = words(bounded);
        List<String> keys = new ArrayList<>(words.size());
        for (int[] w : words) {
            keys.add(key(bounded.substring(w[0], w[1])));
        }
        List<Mention> found = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Name best = null;
            for (Name name : byFirstWord.getOrDefault(keys.get(i), List.of())) {
                int n = name.words().length;
                if (i + n > words.size() || (best != null && n <= best.words().length)) {
                    continue;
                }
                if (keys.subList(i, i + n).equals(List.of(name.words()))
                        && spelled(bounded.substring(words.get(i)[0], words.get(i + n - 1)[1])).equals(name.spelled())
                        && writtenAsName(bounded, words.get(i)[0], words.get(i + n - 1)[1], name, found)) {
                    best = name;
                }
            }
            if (best == null) {
                i++;
                continue;
            }
            int start = words.get(i)[0];
            int end = words.get(i + best.words().length - 1)[1];
            found.add(new Mention(bounded.substring(start, end), start, end, List.copyOf(best.places())));
            i += best.words().length;
        }
        return found;
    }

    private static boolean writtenAsName(String text, int start, int end, Name name, List<Mention> before) {
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        if (!name.code()) {
            return true;
        }
        if (!text.substring(start, end).equals(text.substring(start, end).toUpperCase(Locale.ROOT))) {
            return false;
        }
        String gap = text.substring(0, start).stripTrailing();
        if (gap.endsWith(",")) {
            return true;
        }
        Mention last = before.isEmpty() ? null : before.get(before.size() - 1);
        return last != null && last.end() == gap.length() && last.places().stream().anyMatch(Place::city);
    }

    /** Each word's start and end: runs of letters and digits, dots between them kept ("D.C.", "St. Louis" as two). */
    private static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
                i++;
            }
            words.add(new int[] {start, i});
        }
        return words;
    }
}

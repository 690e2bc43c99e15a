package org.talkfeed.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a filtered feed asks for: talks in any of {@code series}, by any of {@code speakers}, hosted by any of
 * {@code hosts}, and with every word of each of {@code words} (each list, when not empty, must be met). Names are
 * compared {@link #fold folded}, and also as the slugs of their feeds.
 */
public record FeedQuery(List<String> series, List<String> speakers, List<String> hosts, List<String> words) {
    /** The longest value a parameter may have, so that a request's work stays small. */
    public static final int MAX_VALUE_LENGTH = 200;
    /** The most values all parameters together may have. */
    public static final int MAX_VALUES = 10;
    static final String SERIES = "series";
    static final String SPEAKER = "speaker";
    static final String HOST = "host";
    static final String TEXT = "q";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public FeedQuery {
        series = List.copyOf(series);
        speakers = List.copyOf(speakers);
        hosts = List.copyOf(hosts);
        words = List.copyOf(words);
    }

    /**
     * The query in these request parameters (name to values); empty when none of series, speaker, host and q is among
     * them (other names are ignored). Blank values are ignored.
     *
     * @throws IllegalArgumentException for a value too long or holding control characters, or too many values,
     *                                  with a message for the client
     */
    public static Optional<FeedQuery> of(Map<String, List<String>> parameters) {
        List<List<String>> values = new ArrayList<>();
        int count = 0;
        for (String name : List.of(SERIES, SPEAKER, HOST, TEXT)) {
            List<String> kept = new ArrayList<>();
            for (String value : parameters.getOrDefault(name, List.of())) {
                check(name, value);
                if (!value.isBlank()) {
                    kept.add(value.strip());
                }
            }
            count += kept.size();
            values.add(kept);
        }
        if (count > MAX_VALUES) {
            throw new IllegalArgumentException("at most " + MAX_VALUES + " values of series, speaker, host and q together");
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new FeedQuery(values.get(0), values.get(1), values.get(2), values.get(3)));
    }

    private static void check(String name, String value) {
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(name + ": longer than " + MAX_VALUE_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + ": control characters are not allowed");
        }
    }

    /** The query string that asks for this query, parameters in a fixed order (without the '?'). */
    public String queryString() {
        List<String> pairs = new ArrayList<>();
        series.forEach(v -> pairs.add(SERIES + "=" + encode(v)));
        speakers.forEach(v -> pairs.add(SPEAKER + "=" + encode(v)));
        hosts.forEach(v -> pairs.add(HOST + "=" + encode(v)));
        words.forEach(v -> pairs.add(TEXT + "=" + encode(v)));
        return String.join("&", pairs);
    }

    /** Text as it is compared: without accents, in lower case, words separated by one space. */
    static String fold(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package org.talkfeed.browser;

import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which talks the archive's search should find for a query, worked out from the talks themselves by the rule of the
 * archive contract: every query word, without case or accents, begins a word of some field (title, speakers,
 * affiliations, host, series, location, abstract).
 */
final class ExpectedSearch {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private ExpectedSearch() {
    }

    static boolean finds(StoredTalk stored, String query) {
        return findsIn(fields(stored.talk()), query);
    }

    /** Whether every word of {@code query} begins a word of one of {@code fields}. */
    static boolean findsIn(List<String> fields, String query) {
        List<String> words = words(query);
        List<String> fieldWords = fields.stream().flatMap(f -> words(f).stream()).toList();
        return !words.isEmpty() && words.stream().allMatch(w -> fieldWords.stream().anyMatch(f -> f.startsWith(w)));
    }

    static List<String> fields(Talk talk) {
        return Stream.of(talk.title(), String.join("; ", talk.speakers().stream().map(Speaker::name).toList()),
                        String.join("; ", talk.speakers().stream().map(Speaker::affiliation).filter(Objects::nonNull).toList()),
                        talk.host(), talk.series(), talk.location(), talk.abstractText())
                .map(f -> f == null ? "" : f).toList();
    }

    /** The fields other than the abstract. */
    static List<String> fieldsBesidesAbstract(Talk talk) {
        List<String> all = fields(talk);
        return all.subList(0, all.size() - 1);
    }

    static List<String> words(String text) {
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return Arrays.stream(NOT_WORD.split(folded)).filter(w -> !w.isEmpty()).toList();
    }
}

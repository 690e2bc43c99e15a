package org.talkfeed.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTest {
    private static final Instant CREATED = Instant.parse("2026-01-05T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachTalkIsOneRowOfItsFieldsInTheOrderGiven() throws IOException {
        Talk newer = talk("Compilers for Everyone", List.of(new Speaker("Grace Hopper", "Yale University"),
                        new Speaker("Jean Sammet", "IBM"), new Speaker("Betty Holberton", "Yale University")),
                LocalDate.of(2026, 3, 12), "Ada Lovelace", "Systems Colloquium", "Room 101, Kellner Hall",
                "Why nanoseconds matter.");
        Talk older = talk("Quantum Error Correction", List.of(new Speaker("Søren Ødegård", null)),
                LocalDate.of(2025, 11, 5), null, null, "Online", "Topological codes protect qubits.");

        JsonNode index = written(List.of(stored(2, "2026-03-12-hopper-compilers", newer, false),
                stored(1, "2025-11-05-odegard-quantum", older, true)));

        assertThat(index.get("v").asInt()).isEqualTo(1);
        assertThat(texts(index.get("fields")))
                .containsExactly("title", "speakers", "affiliations", "host", "series", "location", "abstract");
        assertThat(index.get("talks")).hasSize(2);
        assertThat(row(index, 0)).containsExactly("2026-03-12-hopper-compilers", "2026-03-12", "0",
                "Compilers for Everyone", "Grace Hopper; Jean Sammet; Betty Holberton", "Yale University; IBM",
                "Ada Lovelace", "Systems Colloquium", "Room 101, Kellner Hall", "Why nanoseconds matter.");
        assertThat(row(index, 1)).containsExactly("2025-11-05-odegard-quantum", "2025-11-05", "1",
                "Quantum Error Correction", "Søren Ødegård", "", "", "", "Online", "Topological codes protect qubits.");
        assertThat(index.get("talks").get(1).get(2).isInt()).isTrue();
    }

    @Test
    void missingFieldsAreEmptyStrings() throws IOException {
        Talk bare = new Talk(null, null, null, null, null, null, null, false, null, null, null, null, null, 0, null);

        JsonNode index = written(List.of(stored(1, "talk", bare, false)));

        assertThat(row(index, 0)).containsExactly("talk", "", "0", "", "", "", "", "", "", "");
    }

    @Test
    void aLongAbstractIsCutAfterAWholeWordNearItsLimit() throws IOException {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < 2_000; i++) {
            words.append("word").append(i).append(i % 7 == 0 ? ".\n\n" : " ");
        }
        String abstractText = words.toString();

        String kept = abstractOf(written(List.of(stored(1, "long", withAbstract(abstractText), false))));

        String oneLine = abstractText.replaceAll("\\s+", " ");
        assertThat(kept).endsWith("…").hasSizeBetween(SearchIndex.ABSTRACT_CHARS - 20, SearchIndex.ABSTRACT_CHARS + 1);
        String cut = kept.substring(0, kept.length() - 1);
        assertThat(oneLine).startsWith(cut);
        assertThat(oneLine.charAt(cut.length())).isEqualTo(' ');
    }

    @Test
    void aShortAbstractIsKeptWholeOnOneLine() throws IOException {
        String kept = abstractOf(written(List.of(stored(1, "short", withAbstract("  First line.\r\n\tSecond  line. "), false))));

        assertThat(kept).isEqualTo("First line. Second line.");
    }

    @Test
    void anAbstractWithoutSpacesIsCutAtTheLimitWithoutSplittingACharacter() throws IOException {
        String emoji = "\uD83C\uDF89";
        String noSpaces = "x".repeat(SearchIndex.ABSTRACT_CHARS - 1) + emoji + "y".repeat(500);

        String kept = abstractOf(written(List.of(stored(1, "nospace", withAbstract(noSpaces), false))));

        assertThat(kept).isEqualTo("x".repeat(SearchIndex.ABSTRACT_CHARS - 1) + "…");
    }

    @Test
    void hostileTextComesBackAsWrittenOnOneLine() throws IOException {
        String hostile = "\"Quoted\" \\ back</script><script>alert('x')</script>\nnext\u0000line \u2028 Ελληνικά 中文 🎉";
        Talk talk = talk(hostile, List.of(new Speaker("O\"Brien </script>", "a\\b")), LocalDate.of(2026, 1, 1),
                "<b>host</b>", "series\r\nnext", "loc\u0007", hostile + "\uD800");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SearchIndex.write(List.of(SearchIndex.Row.of(stored(1, "hostile", talk, false))), out);
        String raw = new String(new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes(), StandardCharsets.UTF_8);
        JsonNode index = JSON.readTree(raw);

        String clean = "\"Quoted\" \\ back</script><script>alert('x')</script> next line Ελληνικά 中文 🎉";
        assertThat(row(index, 0)).containsExactly("hostile", "2026-01-01", "0", clean, "O\"Brien </script>", "a\\b",
                "<b>host</b>", "series next", "loc", clean + "\uFFFD");
        assertThat(raw).doesNotContain("\n", "\r", "\u0000", "\u2028");
    }

    @Test
    void theBuiltInScriptIsThereAndSmall() {
        byte[] script = SearchIndex.script();

        assertThat(new String(script, StandardCharsets.UTF_8)).contains("search.json.gz", "DecompressionStream", "search-results", "history.replaceState");
        assertThat(script.length).isLessThan(7 * 1024);
    }

    private static JsonNode written(List<StoredTalk> talks) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SearchIndex.write(talks.stream().map(SearchIndex.Row::of).toList(), out);
        return JSON.readTree(new GZIPInputStream(new ByteArrayInputStream(out.toByteArray())));
    }

    private static List<String> row(JsonNode index, int i) {
        return texts(index.get("talks").get(i));
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String abstractOf(JsonNode index) {
        return row(index, 0).get(9);
    }

    private static Talk withAbstract(String abstractText) {
        return talk("Title", List.of(new Speaker("Ada Lovelace", null)), LocalDate.of(2026, 2, 2), null, null, null, abstractText);
    }

    static Talk talk(String title, List<Speaker> speakers, LocalDate date, String host, String series, String location,
                     String abstractText) {
        return new Talk(title, speakers, date, LocalTime.of(16, 0), null, "America/Chicago", location, false, null, host,
                series, abstractText, null, 0.9, List.of());
    }

    static StoredTalk stored(long id, String slug, Talk talk, boolean cancelled) {
        return new StoredTalk(id, "uid-" + id + "@talkfeed", slug, cancelled, 0, talk, CREATED, CREATED);
    }
}

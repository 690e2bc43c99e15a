package org.talkfeed.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.talkfeed.publish.SearchIndexTest.stored;
import static org.talkfeed.publish.SearchIndexTest.talk;

/** search.js's matching and ranking, run by node on a search.json.gz that {@link SearchIndex} wrote. */
class SearchScriptTest {
    private static final String TODAY = "2026-03-10";
    private static final int LIMIT = 50;
    private static final int BULK = 60;
    private static final String LONG_ABSTRACT = "Stories from the early days of computing, told by the people who were there. "
            + "Grace Hopper argued that programs could be written in words and translated by a compiler, and many "
            + "doubted it. Before there were programming languages, every program was written by hand in the machine's "
            + "own code. We retrace that argument and what it means for the language designers of today.";

    @TempDir
    static Path dir;
    private static Map<String, JsonNode> answers;

    @BeforeAll
    static void searchWithNode() throws IOException, InterruptedException {
        Needs.that(canRun("node", "--version"), "node");
        List<StoredTalk> talks = new ArrayList<>(List.of(
                stored(1, "abstract-only", talk("Lessons from Early Computing", List.of(new Speaker("Imani Eze", null)),
                        LocalDate.of(2026, 4, 20), null, "History Lunch", null, LONG_ABSTRACT), false),
                stored(2, "hopper", talk("Compilers for Everyone", List.of(new Speaker("Grace Hopper", "Yale University")),
                        LocalDate.of(2026, 3, 12), "Ada Lovelace", "Systems Colloquium", "Room 101, Kellner Hall",
                        "Why nanoseconds matter in a language runtime."), false),
                stored(3, "sorensen", talk("Quantum Error Correction",
                        List.of(new Speaker("Søren Ødegård", "Université de Montréal")), LocalDate.of(2026, 2, 1),
                        "Grace Murray", "Physics Colloquium", null, "Topological codes protect qubits."), false),
                stored(4, "graceful", talk("Graceful Degradation under Load", List.of(new Speaker("Jonas Thorne", "MIT")),
                        LocalDate.of(2025, 11, 5), null, "Networks Seminar", null, "Servers fail in interesting ways."), true),
                stored(5, "later", talk("Consensus in Practice", List.of(new Speaker("Kofi Mbeki", null)),
                        LocalDate.of(2026, 5, 1), null, "Systems Colloquium", null, null), false),
                stored(6, "older", talk("Spin Chains", List.of(new Speaker("Orla Conroy", null)),
                        LocalDate.of(2024, 10, 1), null, "Physics Colloquium", null, null), false)));
        for (int i = 0; i < BULK; i++) {
            talks.add(stored(100 + i, "bulk-" + i, talk("Seminar " + i, List.of(), LocalDate.of(2024, 1, 1).plusDays(i),
                    null, "Bulk Series", null, null), false));
        }
        Path index = dir.resolve(SearchIndex.PATH);
        try (OutputStream out = Files.newOutputStream(index)) {
            SearchIndex.write(talks.stream().map(SearchIndex.Row::of).toList(), out);
        }
        Path script = Files.write(dir.resolve("search.js"), SearchIndex.script());

        List<String> command = new ArrayList<>(List.of("node", Path.of("src", "test", "js", "search-results.mjs").toString(),
                script.toString(), index.toString(), TODAY, String.valueOf(LIMIT),
                "grace", "lovelace", "TOPOLOGICAL", "soren odegard", "montreal universite", "hopper colloquium", "colloquium",
                "zebra", "hopper zebra", "race", "opper", "compiler", "bulk"));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        answers = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : output.strip().split("\n")) {
            JsonNode answer = json.readTree(line);
            answers.put(answer.get("query").asText(), answer);
        }
    }

    @Test
    void aHostWordFindsTheTalkAndSaysItMatchedTheHost() {
        assertThat(slugs("lovelace")).containsExactly("hopper");
        assertThat(why("lovelace", 0)).contains("host: Ada <mark>Lovelace</mark>");
    }

    @Test
    void anAbstractWordFindsTheTalkWhateverItsCase() {
        assertThat(slugs("TOPOLOGICAL")).containsExactly("sorensen");
        assertThat(why("TOPOLOGICAL", 0)).contains("abstract: <mark>Topological</mark> codes protect qubits.");
    }

    @Test
    void anAccentedNameTypedWithoutAccentsFindsTheTalk() {
        assertThat(slugs("soren odegard")).containsExactly("sorensen");
        assertThat(why("soren odegard", 0)).contains("speakers: <mark>Søren</mark> <mark>Ødegård</mark>");
        assertThat(slugs("montreal universite")).containsExactly("sorensen");
        assertThat(why("montreal universite", 0)).contains("affiliations: <mark>Université</mark> de <mark>Montréal</mark>");
    }

    @Test
    void everyWordMustMatchButEachMayMatchItsOwnField() {
        assertThat(slugs("hopper colloquium")).containsExactly("hopper");
        assertThat(why("hopper colloquium", 0)).contains("speakers: Grace <mark>Hopper</mark>",
                "series: Systems <mark>Colloquium</mark>");
        assertThat(answers.get("hopper zebra").get("total").asInt()).isZero();
    }

    @Test
    void aWordThatMatchesNothingFindsNothing() {
        assertThat(answers.get("zebra").get("total").asInt()).isZero();
        assertThat(answers.get("zebra").get("results")).isEmpty();
    }

    @Test
    void wordsMatchFromTheirStartOnly() {
        assertThat(answers.get("race").get("total").asInt()).isZero();
        assertThat(answers.get("opper").get("total").asInt()).isZero();
    }

    @Test
    void titleAndSpeakerMatchesComeFirstThenOtherFieldsThenTheAbstractUpcomingBeforePast() {
        assertThat(slugs("grace")).containsExactly("hopper", "graceful", "sorensen", "abstract-only");
        JsonNode graceful = answers.get("grace").get("results").get(1);
        assertThat(graceful.get("title").asText()).isEqualTo("<mark>Grace</mark>ful Degradation under Load");
        assertThat(why("grace", 2)).contains("host: <mark>Grace</mark> Murray");
    }

    @Test
    void upcomingTalksComeSoonestFirstThenPastTalksNewestFirst() {
        assertThat(slugs("colloquium")).containsExactly("hopper", "later", "sorensen", "older");
    }

    @Test
    void aLongFieldShowsAWindowAroundTheMatch() {
        assertThat(slugs("compiler")).containsExactly("hopper", "abstract-only");
        String snippet = why("compiler", 1).get(0);
        assertThat(snippet).startsWith("abstract: …").contains("<mark>compiler</mark>").endsWith("…");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "").length()).isLessThan(LONG_ABSTRACT.length() / 2);
    }

    @Test
    void atMostFiftyResultsAreShownOfAllThatMatch() {
        assertThat(answers.get("bulk").get("total").asInt()).isEqualTo(BULK);
        assertThat(slugs("bulk")).hasSize(LIMIT).startsWith("bulk-59", "bulk-58");
    }

    private static List<String> slugs(String query) {
        List<String> slugs = new ArrayList<>();
        answers.get(query).get("results").forEach(result -> slugs.add(result.get("slug").asText()));
        return slugs;
    }

    private static List<String> why(String query, int result) {
        List<String> why = new ArrayList<>();
        answers.get(query).get("results").get(result).get("why").forEach(w -> why.add(w.asText()));
        return why;
    }

    private static boolean canRun(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

package org.talkfeed.cli;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed bench --publish`: the report's lines and the counts in them (its timings are reported, never asserted). */
class PublishBenchTest {
    private static final Pattern FIGURES = Pattern.compile(": [0-9.]+ s \\(of which [^)]*\\); ([0-9,]+) talks, ([0-9,]+) files written, "
            + "([0-9,]+) unchanged, ([0-9,]+) removed; peak heap used [0-9]+ MB \\(median of 1\\)");

    private record Figures(int talks, int written, int unchanged, int removed) {
    }

    @Test
    void reportsTheFullPublishTheRepublishWithNothingChangedAndTheOneAfterANewMessage() {
        CliRun bench = CliRun.of("bench", "--publish", "200", "--rounds", "1");

        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out()).containsPattern("bench --publish: 200 generated talks \\(seed 42\\) recorded into a fresh store")
                .containsPattern("[1-9][0-9]* series, [0-9,]+ speakers, [0-9,]+ hosts, [1-9][0-9]* online, [1-9][0-9]* cancelled, "
                        + "[2-9] zones")
                .contains("round 1: full ")
                .contains("target (20,000 talks: ")
                .containsPattern("archive: [1-9][0-9,]* pages, [1-9][0-9,]* bytes of pages in all; largest page [1-9][0-9,]* bytes "
                        + "\\([^)]+\\.html\\); search index [1-9][0-9,]* bytes")
                .containsPattern("archive of 200 talks built \\(pages and search index, in the full publish\\) in [0-9.]+ s");
        Figures full = figures(bench.out(), "full publish into an empty site folder");
        Figures unchanged = figures(bench.out(), "republish with nothing changed");
        Figures afterOne = figures(bench.out(), "republish after one new announcement is recorded");

        assertThat(full.talks()).isEqualTo(200);
        assertThat(full.written()).as("at least a page and a calendar file per talk, the feed, the index and talks.json")
                .isGreaterThanOrEqualTo(2 * 200 + 3);
        assertThat(full.unchanged()).isZero();
        assertThat(full.removed()).isZero();
        assertThat(unchanged).isEqualTo(new Figures(200, 0, full.written(), 0));
        assertThat(afterOne.talks()).isEqualTo(201);
        assertThat(afterOne.written()).as("the new talk's page and calendar file at least, not every file")
                .isBetween(2, full.written() - 1);
        assertThat(afterOne.written() + afterOne.unchanged()).isGreaterThanOrEqualTo(full.written() + 2);
        assertThat(afterOne.removed()).isZero();
    }

    private static Figures figures(String out, String line) {
        Matcher m = Pattern.compile(Pattern.quote(line) + "[^:\n]*" + FIGURES.pattern()).matcher(out);
        assertThat(m.find()).as("a line \"" + line + "\" with its figures in:\n" + out).isTrue();
        return new Figures(number(m.group(1)), number(m.group(2)), number(m.group(3)), number(m.group(4)));
    }

    private static int number(String digits) {
        return Integer.parseInt(digits.replace(",", ""));
    }
}

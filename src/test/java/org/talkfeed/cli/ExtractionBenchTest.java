package org.talkfeed.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed bench`: the report's lines (its timings are reported, never asserted). */
class ExtractionBenchTest {
    @Test
    void reportsTheModelLoadTheThroughputAgainstBareJakartaMailAndWhatTheMessagesBecame() {
        CliRun bench = CliRun.of("bench", "--messages", "60", "--rounds", "1", "--warmup", "0");

        assertThat(bench.exit()).as(bench.err()).isZero();
        assertThat(bench.out())
                .containsPattern("model: first load [0-9]+ ms \\(with the JSON reader's start\\), then [0-9.]+ ms \\(median of 5 reads\\); "
                        + "about [0-9]+ KB of heap")
                .containsPattern("talkfeed: [0-9]+ msg/s \\(median of 1\\), bare jakarta.mail: [0-9]+ msg/s, ratio [0-9.]+x")
                .containsPattern("talks: [1-9][0-9]* of 60 messages became talks");
    }
}

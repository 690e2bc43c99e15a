package org.talkfeed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.SharedData;
import org.talkfeed.extract.Decisions;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed train` and `talkfeed eval --by-list` as a user runs them. */
class TrainAndEvalCommandTest {

    @Test
    void trainWritesTheModelThatShipsAndSaysWhatMadeIt(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("model.json");
        CliRun train = CliRun.of("train", "--out", out.toString(), SharedData.dir("corpus").resolve("dev").toString());
        assertThat(train.exit()).as(train.err()).isZero();
        assertThat(train.out()).contains("wrote " + out, "talkfeed train corpus/dev");
        try (InputStream shipped = Decisions.class.getResourceAsStream(Decisions.RESOURCE)) {
            assertThat(Files.readString(out)).isEqualTo(new String(shipped.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void evalByListPrintsPooledScoresAndTheReliabilityTable() {
        CliRun eval = CliRun.of("eval", "--by-list", "--no-misses", SharedData.dir("corpus").resolve("dev").toString());
        assertThat(eval.exit()).as(eval.err()).isZero();
        assertThat(eval.out()).containsPattern("leave-one-list-out over \\d+ lists, \\d+ emails")
                .contains("kind ", "title ", "false events", "confidence   talks predicted  observed", "0.9-1.0")
                .containsPattern("at or above 0\\.90: 0\\.\\d+ of the talks, 0\\.\\d+ of them fully right")
                .containsPattern("moderation at its default threshold 0\\.80: 0\\.\\d+ of the talks published at once, 0\\.\\d+ of those fully right");
    }

    @Test
    void aFolderWithoutCasesIsAnsweredWithWhatWasExpected(@TempDir Path dir) {
        CliRun eval = CliRun.of("eval", "--by-list", dir.toString());
        assertThat(eval.exit()).isEqualTo(1);
        assertThat(eval.err()).contains("no .eml files");
    }
}

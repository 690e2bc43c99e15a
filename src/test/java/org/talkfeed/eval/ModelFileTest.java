package org.talkfeed.eval;

import org.junit.jupiter.api.Test;
import org.talkfeed.SharedData;
import org.talkfeed.extract.Decisions;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The model talkfeed ships is the one `talkfeed train corpus/dev` makes from the corpus as it is now. */
class ModelFileTest {

    @Test
    void theCommittedModelIsWhatTrainingOnTheCorpusProduces() throws Exception {
        Decisions trained = ModelBuild.train(List.of(SharedData.dir("corpus").resolve("dev")));
        String committed;
        try (InputStream in = Decisions.class.getResourceAsStream(Decisions.RESOURCE)) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(trained.write()).as("run `talkfeed train ../shared/corpus/dev` after changing extraction or the corpus")
                .isEqualTo(committed);
    }

    @Test
    void theShippedModelLoadsAndGivesConfidences() {
        Decisions shipped = Decisions.standard();
        assertThat(shipped.confidence()).isNotNull();
        assertThat(shipped.provenance().command()).isEqualTo("talkfeed train corpus/dev");
    }
}

package org.talkfeed.eval;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.talkfeed.SharedData;
import org.talkfeed.extract.Decisions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction scored on the labeled corpora without any configuration. Dev is scored leave-one-list-out, as
 * `talkfeed eval --by-list` does: every list by decisions trained on the other lists. The floors sit a little under
 * what the code reaches, so that no change makes extraction worse unnoticed.
 */
class CorpusFloorsTest {
    private static EvalReport dev;
    private static Calibration confidence;
    private static EvalReport cmu;

    @BeforeAll
    static void evaluate() throws Exception {
        ByListEvaluator.Result byList = new ByListEvaluator().evaluate(LabeledCase.read(SharedData.dir("corpus").resolve("dev")));
        dev = byList.report();
        confidence = byList.calibration();
        cmu = new CmuEvaluator().evaluate(SharedData.dir("corpus").resolve("cmu-train"));
    }

    @Test
    void devCorpusFloors() {
        assertThat(dev.emails()).isGreaterThanOrEqualTo(131);
        assertThat(dev.kindAccuracy()).as("kind").isGreaterThanOrEqualTo(0.80);
        assertThat(dev.accuracy("date")).as("date").isGreaterThanOrEqualTo(0.77);
        assertThat(dev.accuracy("start")).as("start").isGreaterThanOrEqualTo(0.73);
        assertThat(dev.accuracy("end")).as("end").isGreaterThanOrEqualTo(0.77);
        assertThat(dev.accuracy("timezone")).as("timezone").isGreaterThanOrEqualTo(0.73);
        assertThat(dev.accuracy("speaker")).as("speaker").isGreaterThanOrEqualTo(0.70);
        assertThat(dev.accuracy("title")).as("title").isGreaterThanOrEqualTo(0.66);
        assertThat(dev.accuracy("location")).as("location").isGreaterThanOrEqualTo(0.68);
    }

    @Test
    void confidenceMeansWhatItSays() {
        assertThat(confidence.expectedError()).as("expected calibration error").isLessThanOrEqualTo(0.09);
        assertThat(confidence.rightAbove(Decisions.PUBLISH_THRESHOLD)).as("fully right above the threshold").isGreaterThanOrEqualTo(0.88);
        assertThat(confidence.shareAbove(Decisions.PUBLISH_THRESHOLD)).as("share above the threshold").isGreaterThanOrEqualTo(0.22);
    }

    @Test
    void notTalkEmailsYieldFewEvents() {
        assertThat(dev.falseEvents()).as("talks from not_talk emails").isLessThanOrEqualTo(6);
    }

    @Test
    void cmuTrainingPostsFloors() {
        assertThat(cmu.emails()).isGreaterThanOrEqualTo(300);
        assertThat(cmu.accuracy("start")).as("start").isGreaterThanOrEqualTo(0.99);
        assertThat(cmu.accuracy("end")).as("end").isGreaterThanOrEqualTo(0.98);
        assertThat(cmu.accuracy("speaker")).as("speaker").isGreaterThanOrEqualTo(0.89);
        assertThat(cmu.accuracy("location")).as("location").isGreaterThanOrEqualTo(0.90);
    }
}

package org.talkfeed.learn;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LogisticTrainerTest {

    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            examples.add(new Example(Set.of("labeled", "n" + i % 3), true));
            examples.add(new Example(Set.of("unlabeled", "n" + i % 3), false));
        }
        examples.add(new Example(Set.of("once"), true));
        return examples;
    }

    @Test
    void aFeatureThatSeparatesTheAnswersDecidesThemAndNoiseDoesNot() {
        LinearModel model = LogisticTrainer.standard().train(examples());
        assertThat(model.probability(Set.of("labeled"))).isGreaterThan(0.8);
        assertThat(model.probability(Set.of("unlabeled"))).isLessThan(0.2);
        assertThat(Math.abs(model.weights().getOrDefault("n1", 0.0))).isLessThan(Math.abs(model.weights().get("labeled")) / 10);
    }

    @Test
    void aFeatureSeenOnceIsLeftOutAndTrainingIsDeterministic() {
        LinearModel model = LogisticTrainer.standard().train(examples());
        assertThat(model.weights()).doesNotContainKey("once");
        List<Example> reversed = new ArrayList<>(examples());
        java.util.Collections.reverse(reversed);
        assertThat(LogisticTrainer.standard().train(examples())).isEqualTo(model);
        assertThat(LogisticTrainer.standard().train(reversed).weights().get("labeled"))
                .isCloseTo(model.weights().get("labeled"), org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void anUnknownFeatureWeighsNothing() {
        LinearModel model = new LinearModel(0.0, java.util.Map.of("a", 2.0));
        assertThat(model.probability(Set.of("never seen"))).isEqualTo(0.5);
        assertThat(model.probability(Set.of("a"))).isCloseTo(1 / (1 + Math.exp(-2)), org.assertj.core.data.Offset.offset(1e-12));
    }
}

package org.talkfeed.eval;

import org.talkfeed.extract.ConfidenceFeatures;
import org.talkfeed.extract.Decisions;
import org.talkfeed.extract.Draft;
import org.talkfeed.learn.Example;
import org.talkfeed.learn.LogisticTrainer;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Trains the learned decisions from labeled cases: for each talk the rules would publish, whether it is fully right
 * (date, start, zone, speaker, title), which its confidence then predicts.
 */
public final class Training {
    private final LogisticTrainer trainer = LogisticTrainer.standard();

    public Decisions train(List<LabeledCase> cases, Decisions.Provenance provenance) {
        List<Example> confidence = new ArrayList<>();
        for (LabeledCase c : cases) {
            Draft draft = c.draft();
            if (draft == null || draft.talks().isEmpty() || draft.veto() != null) {
                continue;
            }
            for (Talk predicted : draft.talks()) {
                confidence.add(new Example(ConfidenceFeatures.of(draft, predicted), c.kind() != Kind.NOT_TALK
                        && fullyRight(c.talks(), draft.talks(), predicted)));
            }
        }
        return new Decisions(provenance, trainer.train(confidence));
    }

    /** Whether {@code predicted}, paired with a labeled talk as the scorer pairs them, is right on every headline field. */
    static boolean fullyRight(List<Talk> labeled, List<Talk> predictions, Talk predicted) {
        for (TalkScorer.Pairing pairing : TalkScorer.pair(labeled, predictions)) {
            if (pairing.predicted() == predicted) {
                return TalkScorer.score(pairing.labeled(), predicted).stream()
                        .filter(v -> HEADLINE.contains(v.field()))
                        .allMatch(TalkScorer.Verdict::right);
            }
        }
        return false;
    }

    /** The fields a subscriber's calendar entry stands on. */
    static final Set<Field> HEADLINE = Set.of(Field.DATE, Field.START, Field.TIMEZONE, Field.SPEAKER, Field.TITLE);
}

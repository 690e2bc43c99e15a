package org.talkfeed.eval;

import org.talkfeed.extract.ConfidenceFeatures;
import org.talkfeed.extract.Decisions;
import org.talkfeed.extract.FieldFeatures;
import org.talkfeed.learn.Example;
import org.talkfeed.learn.LogisticTrainer;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * Trains the learned decisions from labeled cases: for the title, speaker and location the rules found, whether each is
 * right and whether the talk states none (so a doubtful value is held back); then, for each talk as it would be
 * published, whether it is fully right (date, start, zone, speaker, title), which its confidence predicts.
 */
public final class Training {
    private final LogisticTrainer trainer = LogisticTrainer.standard();

    public Decisions train(List<LabeledCase> cases, Decisions.Provenance provenance) {
        List<LabeledCase> published = cases.stream()
                .filter(c -> c.draft() != null && c.draft().publishes()).toList();
        Map<String, Decisions.FieldModels> fields = new TreeMap<>();
        for (String field : FieldFeatures.FIELDS) {
            List<Example> right = new ArrayList<>();
            List<Example> absent = new ArrayList<>();
            for (LabeledCase c : published) {
                if (c.kind() == Kind.NOT_TALK) {
                    continue;
                }
                for (TalkScorer.Pairing pairing : TalkScorer.pair(c.talks(), c.draft().talks())) {
                    Talk predicted = pairing.predicted();
                    if (predicted == null || FieldFeatures.value(predicted, field) == null) {
                        continue;
                    }
                    Set<String> features = FieldFeatures.of(c.draft(), predicted, field);
                    right.add(new Example(features, rightOn(field, pairing.labeled(), predicted)));
                    absent.add(new Example(features, FieldFeatures.value(pairing.labeled(), field) == null));
                }
            }
            fields.put(field, new Decisions.FieldModels(trainer.train(right), trainer.train(absent)));
        }
        Decisions withFields = new Decisions(provenance, fields, null);
        List<Example> confidence = new ArrayList<>();
        for (LabeledCase c : published) {
            List<Talk> kept = c.draft().talks().stream().map(t -> withFields.withoutDoubtfulFields(c.draft(), t)).toList();
            for (Talk predicted : kept) {
                confidence.add(new Example(ConfidenceFeatures.of(c.draft(), predicted), c.kind() != Kind.NOT_TALK
                        && fullyRight(c.talks(), kept, predicted)));
            }
        }
        return new Decisions(provenance, fields, trainer.train(confidence));
    }

    private static boolean rightOn(String field, Talk labeled, Talk predicted) {
        Field scored = Field.valueOf(field.toUpperCase(java.util.Locale.ROOT));
        return TalkScorer.score(labeled, predicted).stream().anyMatch(v -> v.field() == scored && v.right());
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

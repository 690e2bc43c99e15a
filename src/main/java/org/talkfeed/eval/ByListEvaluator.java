package org.talkfeed.eval;

import org.talkfeed.extract.Decisions;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Leave-one-list-out: for every list, the decisions are trained on all the other lists and score that one; the scores
 * are pooled. No case is ever scored by a model that saw its list, so the figures say how extraction does on a list it
 * has never seen.
 */
public final class ByListEvaluator {
    private final Training training = new Training();

    /** What the evaluation found: the pooled field scores, the calibration of confidence, and how many lists. */
    public record Result(EvalReport report, Calibration calibration, int lists) {
    }

    public Result evaluate(List<LabeledCase> cases) {
        Map<String, List<LabeledCase>> byList = cases.stream()
                .collect(Collectors.groupingBy(LabeledCase::list, TreeMap::new, Collectors.toList()));
        EvalReport report = new EvalReport();
        Calibration calibration = new Calibration();
        for (Map.Entry<String, List<LabeledCase>> heldOut : byList.entrySet()) {
            List<LabeledCase> rest = new ArrayList<>();
            byList.forEach((list, its) -> {
                if (!list.equals(heldOut.getKey())) {
                    rest.addAll(its);
                }
            });
            Decisions decisions = training.train(rest, new Decisions.Provenance("leave out " + heldOut.getKey(), Map.of()));
            for (LabeledCase c : heldOut.getValue()) {
                Announcement got = decide(decisions, c);
                CorpusEvaluator.score(c.file(), c.kind(), c.talks(), got, report);
                for (Talk t : got.talks()) {
                    calibration.add(t.confidence(), c.kind() != Kind.NOT_TALK && Training.fullyRight(c.talks(), got.talks(), t));
                }
            }
        }
        return new Result(report, calibration, byList.size());
    }

    static Announcement decide(Decisions decisions, LabeledCase c) {
        return c.draft() == null ? Announcement.notTalk("not an email") : decisions.decide(c.draft());
    }
}

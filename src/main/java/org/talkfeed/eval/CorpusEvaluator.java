package org.talkfeed.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs extraction over a labeled corpus folder (NNN.eml + NNN.json) and scores it. */
public final class CorpusEvaluator {
    private final Extractor extractor = new Extractor();
    private final ExtractionDefaults defaults;

    public CorpusEvaluator(ExtractionDefaults defaults) {
        this.defaults = defaults;
    }

    public EvalReport evaluate(Path dir) throws IOException {
        List<Path> emails = CorpusFiles.list(dir, ".eml", "no .eml files (expected NNN.eml with NNN.json beside each)");
        EvalReport report = new EvalReport();
        for (Path eml : emails) {
            Path json = eml.resolveSibling(eml.getFileName().toString().replaceFirst("\\.eml$", ".json"));
            if (!Files.exists(json)) {
                continue;
            }
            score(eml.getFileName().toString(), Files.readAllBytes(eml), TalkJson.MAPPER.readTree(json.toFile()), report);
        }
        return report;
    }

    private void score(String file, byte[] bytes, JsonNode labelJson, EvalReport report) throws IOException {
        Kind labeledKind = Kind.fromLabel(labelJson.get("kind").asText());
        List<Talk> labeled = new ArrayList<>();
        for (JsonNode t : labelJson.get("talks")) {
            labeled.add(TalkJson.MAPPER.treeToValue(t, Talk.class));
        }
        score(file, labeledKind, labeled, extractor.extractMessage(bytes, defaults), report);
    }

    /** Scores what extraction made of one labeled email into {@code report}, by corpus/SCHEMA.md's rules. */
    static void score(String file, Kind labeledKind, List<Talk> labeled, Announcement got, EvalReport report) {
        boolean kindRight = got.kind() == labeledKind;
        report.countEmail(kindRight);
        if (!kindRight) {
            report.miss(new Miss(file, "kind", labeledKind.label(), got.kind().label()
                    + (got.reason() == null ? "" : " (" + got.reason() + ")")));
        }
        if (labeledKind == Kind.NOT_TALK) {
            report.falseEvents(got.talks().size());
            return;
        }
        List<TalkScorer.Pairing> pairs = TalkScorer.pair(labeled, got.talks());
        long paired = pairs.stream().filter(p -> p.predicted() != null).count();
        report.spurious((int) (got.talks().size() - paired));
        for (TalkScorer.Pairing pair : pairs) {
            for (TalkScorer.Verdict verdict : TalkScorer.score(pair.labeled(), pair.predicted())) {
                report.count(file, verdict);
            }
        }
    }
}

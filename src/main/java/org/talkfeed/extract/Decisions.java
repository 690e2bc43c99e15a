package org.talkfeed.extract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.talkfeed.learn.LinearModel;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decisions over what the rules propose ({@link Draft}): a message a rule calls no talk is none, its kind is the
 * rules' kind, and each talk's confidence, the probability that it is fully right (date, start, zone, speaker, title),
 * is learned. Trained by {@code talkfeed train} from the labeled corpora; the committed model is {@code model.json}
 * beside this class, with the command and corpus versions that made it. (Learned talk-or-not and kind decisions were
 * tried and, left-one-list-out, did worse than the rules on so few not-talk examples; see the README.)
 *
 * @param confidence null: every talk keeps the confidence the rules gave it
 */
@JsonPropertyOrder({"provenance", "confidence"})
public record Decisions(Provenance provenance, LinearModel confidence) {
    /** The confidence at or above which a talk counts as sure enough to publish without a look. */
    public static final double PUBLISH_THRESHOLD = 0.9;
    public static final String RESOURCE = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static volatile Decisions standard;

    /** What made a model: the command, and a digest of each corpus it was trained on. */
    public record Provenance(String command, Map<String, String> corpora) {
        public Provenance {
            corpora = new TreeMap<>(corpora);
        }
    }

    /** The committed model, read once. */
    public static Decisions standard() {
        Decisions loaded = standard;
        if (loaded == null) {
            try (InputStream in = Decisions.class.getResourceAsStream(RESOURCE)) {
                loaded = in == null ? rulesOnly() : read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the extraction model " + RESOURCE, e);
            }
            standard = loaded;
        }
        return loaded;
    }

    /** Decisions without a model: the rules' confidence stands. */
    public static Decisions rulesOnly() {
        return new Decisions(new Provenance("rules only", Map.of()), null);
    }

    public static Decisions read(InputStream in) throws IOException {
        return JSON.readValue(in, Decisions.class);
    }

    public String write() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Announcement decide(Draft draft) {
        if (draft.talks().isEmpty() || draft.veto() != null) {
            return Announcement.notTalk(draft.veto() != null ? draft.veto().reason() : draft.noTalkReason());
        }
        List<Talk> talks = new ArrayList<>();
        for (Talk t : draft.talks()) {
            talks.add(confidence == null ? t : t.withConfidence(confidence.probability(ConfidenceFeatures.of(draft, t))));
        }
        return new Announcement(draft.ruleKind(), talks, null, draft.moved());
    }
}

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
import java.util.Set;
import java.util.TreeMap;

/**
 * The decisions over what the rules propose ({@link Draft}): a message a rule calls no talk is none, its kind is the
 * rules' kind, and each talk's confidence, the probability that it is fully right (date, start, zone, speaker, title),
 * is learned. Trained by {@code talkfeed train} from the labeled corpora; the committed model is {@code model.json}
 * beside this class, with the command and corpus versions that made it. (Learned talk-or-not and kind decisions were
 * tried and, left-one-list-out, did worse than the rules on so few not-talk examples; see the README.)
 *
 * @param fields     for title, speaker and location: whether the value found is right, and whether the talk has
 *                   none; a value that is more likely absent than right is held back, with a warning
 * @param confidence null: every talk keeps the confidence the rules gave it
 */
@JsonPropertyOrder({"provenance", "fields", "confidence"})
public record Decisions(Provenance provenance, Map<String, FieldModels> fields, LinearModel confidence) {
    /** The confidence at or above which a talk counts as sure enough to publish without a look. */
    public static final double PUBLISH_THRESHOLD = 0.9;
    public static final String RESOURCE = "model.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static volatile Decisions standard;

    /** For one field: the probability that the value found is right, and that the talk states none. */
    public record FieldModels(LinearModel right, LinearModel absent) {
        public boolean holdsBack(Set<String> features) {
            return absent.probability(features) > right.probability(features);
        }
    }

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

    public Decisions {
        fields = new TreeMap<>(fields == null ? Map.of() : fields);
    }

    /** Decisions without a model: the rules' fields and confidence stand. */
    public static Decisions rulesOnly() {
        return new Decisions(new Provenance("rules only", Map.of()), Map.of(), null);
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

    /** The talk with each value that its field model finds more likely absent than right held back, with a warning. */
    public Talk withoutDoubtfulFields(Draft draft, Talk talk) {
        return withoutDoubtfulFields(draft, talk, ConfidenceFeatures.of(draft, talk));
    }

    /** As {@link #withoutDoubtfulFields(Draft, Talk)}, given the talk's {@link ConfidenceFeatures}. */
    private Talk withoutDoubtfulFields(Draft draft, Talk talk, Set<String> talkFeatures) {
        Talk kept = talk;
        for (Map.Entry<String, FieldModels> field : fields.entrySet()) {
            String value = FieldFeatures.value(talk, field.getKey());
            if (value != null && field.getValue().holdsBack(FieldFeatures.of(draft, talk, field.getKey(), talkFeatures))) {
                kept = FieldFeatures.without(kept, field.getKey()).withWarning(field.getKey() + ExtractionWarnings.HELD_BACK + "\"" + value
                        + "\" reads more like something else than the talk's " + field.getKey());
            }
        }
        return kept;
    }

    /**
     * For each field that has a field model and a value in the talk (title, speaker, location): the probability that
     * the value is right, as the model that may hold it back reads it. Empty without a model.
     */
    public Map<String, Double> fieldConfidences(Draft draft, Talk talk) {
        Set<String> talkFeatures = ConfidenceFeatures.of(draft, talk);
        Map<String, Double> confidences = new TreeMap<>();
        for (Map.Entry<String, FieldModels> field : fields.entrySet()) {
            if (FieldFeatures.value(talk, field.getKey()) != null) {
                confidences.put(field.getKey(),
                        field.getValue().right().probability(FieldFeatures.of(draft, talk, field.getKey(), talkFeatures)));
            }
        }
        return confidences;
    }

    public Announcement decide(Draft draft) {
        if (!draft.publishes()) {
            return Announcement.notTalk(draft.veto() != null ? draft.veto().reason() : draft.noTalkReason());
        }
        List<Talk> talks = new ArrayList<>();
        for (Talk t : draft.talks()) {
            Set<String> features = ConfidenceFeatures.of(draft, t);
            Talk kept = withoutDoubtfulFields(draft, t, features);
            if (confidence != null) {
                Set<String> keptFeatures = kept == t ? features : ConfidenceFeatures.of(draft, kept); // a field held back changes them
                kept = kept.withConfidence(confidence.probability(keptFeatures));
            }
            talks.add(kept);
        }
        return new Announcement(draft.ruleKind(), talks, null, draft.moved());
    }
}

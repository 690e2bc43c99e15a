package org.talkfeed.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.talkfeed.extract.Draft;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.UnreadableMessageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One labeled email of a corpus (corpus/SCHEMA.md) with what the rules propose for it: the material that the learned
 * decisions are trained on and scored with.
 *
 * @param list the list or site it came from: a leave-one-list-out evaluation holds out all of one list at once
 */
public record LabeledCase(String file, String list, Kind kind, List<Talk> talks, Draft draft) {

    /** Every case of a corpus folder (NNN.eml with NNN.json), in name order; an unreadable email has an empty draft. */
    public static List<LabeledCase> read(Path dir) throws IOException {
        Extractor rules = new Extractor();
        MessageReader reader = new MessageReader();
        List<LabeledCase> cases = new ArrayList<>();
        for (Path eml : CorpusFiles.list(dir, ".eml", "no .eml files (expected NNN.eml with NNN.json beside each)")) {
            Path json = eml.resolveSibling(eml.getFileName().toString().replaceFirst("\\.eml$", ".json"));
            if (!Files.exists(json)) {
                continue;
            }
            JsonNode label = TalkJson.MAPPER.readTree(json.toFile());
            List<Talk> talks = new ArrayList<>();
            for (JsonNode t : label.get("talks")) {
                talks.add(TalkJson.MAPPER.treeToValue(t, Talk.class));
            }
            Draft draft;
            try {
                draft = rules.draft(reader.read(Files.readAllBytes(eml)), ExtractionDefaults.NONE);
            } catch (UnreadableMessageException e) {
                draft = null;
            }
            String list = label.hasNonNull("list") ? label.get("list").asText() : dir.getFileName() + "/" + eml.getFileName();
            cases.add(new LabeledCase(eml.getFileName().toString(), list, Kind.fromLabel(label.get("kind").asText()), talks, draft));
        }
        return cases;
    }
}

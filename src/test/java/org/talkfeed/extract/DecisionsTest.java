package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.TestMail;
import org.talkfeed.learn.LinearModel;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageReader;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The decisions over what the rules propose: vetoes stand, doubtful fields are held back, confidence is the model's. */
class DecisionsTest {
    private static final Decisions.Provenance TEST = new Decisions.Provenance("test", Map.of());

    private static Draft draft(String subject, String body) throws Exception {
        return new Extractor().draft(new MessageReader().read(TestMail.plain("<d@x>", "Mon, 2 Mar 2026 09:00:00 -0600", subject, body)),
                ExtractionDefaults.NONE);
    }

    @Test
    void aTitleItsModelFindsMoreLikelyAbsentIsHeldBackWithAWarningAndConfidenceIsTheModels() throws Exception {
        Draft draft = draft("Talk: Graph Minors", "Title: Graph Minors\nSpeaker: Ada Quint\nDate: Thursday, March 12, 2026\n"
                + "Time: 4:00 pm\nPlace: Hall 210\n");
        LinearModel never = new LinearModel(-5, Map.of());
        LinearModel always = new LinearModel(5, Map.of());
        Decisions doubtTitles = new Decisions(TEST, Map.of("title", new Decisions.FieldModels(never, always)),
                new LinearModel(0, Map.of("has:title", -3.0, "no:title", 1.0)));
        Announcement a = doubtTitles.decide(draft);
        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isNull();
        assertThat(talk.warnings()).anyMatch(w -> w.startsWith("title held back: \"Graph Minors\""));
        assertThat(talk.speakers()).isNotEmpty();
        assertThat(talk.confidence()).isCloseTo(1 / (1 + Math.exp(-1)), org.assertj.core.data.Offset.offset(1e-9));

        Decisions trustTitles = new Decisions(TEST, Map.of("title", new Decisions.FieldModels(always, never)), null);
        assertThat(trustTitles.decide(draft).talks().get(0).title()).isEqualTo("Graph Minors");
    }

    @Test
    void aRuleVetoStandsAndAMessageWithoutADateIsNoTalk() throws Exception {
        assertThat(Decisions.standard().decide(draft("Call for papers: Workshop on Graphs",
                "Call for papers. Submission deadline: March 12, 2026. Call for papers and call for participation.")).isTalk()).isFalse();
        Announcement undated = Decisions.standard().decide(draft("Coffee", "There are cookies in the kitchen."));
        assertThat(undated.isTalk()).isFalse();
        assertThat(undated.reason()).isNotBlank();
    }
}

package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LabeledFieldsTest {
    @Test
    void labelsSetOffByADashEachHoldTheirOwnValue() {
        List<Field> fields = LabeledFields.find(List.of(
                "WHO   - Prof. Dr. Jana Novak, Charles University",
                "WHAT  - \"Succinct Proofs for Everyone\"",
                "WHEN  - Tuesday, March 3, 2 pm",
                "WHERE - Room 4.101, Main Building"));
        assertThat(fields).extracting(Field::label, Field::value).containsExactly(
                tuple(Label.SPEAKER, "Prof. Dr. Jana Novak, Charles University"),
                tuple(Label.TITLE, "\"Succinct Proofs for Everyone\""),
                tuple(Label.WHEN, "Tuesday, March 3, 2 pm"),
                tuple(Label.WHERE, "Room 4.101, Main Building"));
    }

    @Test
    void dashLabelsInCapitalizedWordsToo() {
        List<Field> fields = LabeledFields.find(List.of("Who - Jana Novak", "What - Succinct Proofs", "When – March 3, 2 pm"));
        assertThat(fields).extracting(Field::label).containsExactly(Label.SPEAKER, Label.TITLE, Label.WHEN);
    }

    @Test
    void anUnknownDashLabelEndsAFieldOfADashedBlock() {
        List<Field> fields = LabeledFields.find(List.of("WHO  - Jana Novak, Charles University", "FOOD - Pizza afterwards"));
        assertThat(fields).extracting(Field::value).containsExactly("Jana Novak, Charles University");
    }

    @Test
    void capitalsAndADashContinueAFieldLabeledWithAColon() {
        List<Field> fields = LabeledFields.find(List.of("Speaker: Jana Novak", "MIT - CSAIL"));
        assertThat(fields).extracting(Field::value).containsExactly("Jana Novak, MIT - CSAIL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"When - as so often - the proof is short.", "What we learned - and what we did not.",
            "Where - if anywhere - does the bound fail?", "Who-knows what the answer is.", "what - a question",
            "Whatever - Happens next"})
    void proseWithDashesIsNoLabel(String line) {
        assertThat(LabeledFields.labelLine(line)).isNull();
    }
}

package org.talkfeed.eval;

import org.junit.jupiter.api.Test;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring rules of corpus/SCHEMA.md, on small cases whose answers are worked out by hand. */
class TalkScorerTest {

    private static Talk talk(String title, String speaker, String date, String start, String zone, String location) {
        return new Talk(title, speaker == null ? List.of() : List.of(new Speaker(speaker, null)),
                date == null ? null : LocalDate.parse(date), start == null ? null : LocalTime.parse(start), null, zone,
                location, false, null, null, null, null, null, 0.5, List.of());
    }

    @Test
    void tokenF1CountsMultisetsAfterNormalizing() {
        assertThat(TextNorm.tokenF1("Café Théorie", "cafe theorie")).isEqualTo(1.0);
        assertThat(TextNorm.tokenF1("a a b", "a b")).isEqualTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(TextNorm.tokenF1("x", null)).isZero();
    }

    @Test
    void speakerNamesIgnoreTitlesOfAddress() {
        assertThat(TextNorm.personName("Prof. Dr. Jane Doe, Ph.D.")).isEqualTo("jane doe");
    }

    @Test
    void zonesCountAsRightWhenTheOffsetAgreesAtTheTalk() {
        Talk label = talk("T", "Jane Doe", "2022-02-22", "11:00", "America/Chicago", null);
        Talk sameOffset = talk("T", "Jane Doe", "2022-02-22", "11:00", "America/Mexico_City", null);
        Talk other = talk("T", "Jane Doe", "2022-02-22", "11:00", "America/New_York", null);
        assertThat(TalkScorer.score(label, sameOffset)).filteredOn(v -> v.field() == Field.TIMEZONE).allMatch(TalkScorer.Verdict::right);
        assertThat(TalkScorer.score(label, other)).filteredOn(v -> v.field() == Field.TIMEZONE).noneMatch(TalkScorer.Verdict::right);
    }

    @Test
    void anUnpairedLabeledTalkIsWrongOnEveryScoredField() {
        Talk label = talk("A Title", "Jane Doe", "2022-02-22", "11:00", "America/Chicago", "Room 5");
        List<TalkScorer.Pairing> pairs = TalkScorer.pair(List.of(label), List.of());
        assertThat(pairs).singleElement().extracting(TalkScorer.Pairing::predicted).isNull();
        assertThat(TalkScorer.score(label, null)).isNotEmpty().noneMatch(TalkScorer.Verdict::right);
    }

    @Test
    void pairingPrefersTheTalkWithTheSameDateAndSpeaker() {
        Talk labelA = talk("Alpha", "Ann Lee", "2022-03-01", "10:00", null, null);
        Talk labelB = talk("Beta", "Bo Kim", "2022-03-02", "14:00", null, null);
        Talk gotB = talk("Beta", "Bo Kim", "2022-03-02", "14:00", null, null);
        List<TalkScorer.Pairing> pairs = TalkScorer.pair(List.of(labelA, labelB), List.of(gotB));
        assertThat(pairs.get(0).predicted()).isNull();
        assertThat(pairs.get(1).predicted()).isSameAs(gotB);
    }
}

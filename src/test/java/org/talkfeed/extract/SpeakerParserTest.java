package org.talkfeed.extract;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talkfeed.talk.Speaker;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SpeakerParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Zhiyuan Li, Princeton University | Zhiyuan Li | Princeton University",
            "Jane Doe (MIT) | Jane Doe | MIT",
            "Prof. Jane Doe of MIT | Jane Doe | MIT",
            "Dr. Jane Doe, Associate Professor, Department of Physics, Stanford University | Jane Doe | Stanford University",
            "Professor José Núñez | José Núñez | -",
            "Ludwig van Beethoven - Vienna Conservatory | Ludwig van Beethoven | Vienna Conservatory",
            "Grace Hopper <grace at navy dot mil> | Grace Hopper | -",
    })
    void oneSpeaker(String text, String name, String affiliation) {
        assertThat(SpeakerParser.parse(text)).containsExactly(new Speaker(name, affiliation));
    }

    @Test
    void severalSpeakersShareATrailingAffiliation() {
        assertThat(SpeakerParser.parse("Alice Smith and Bob Jones (Stanford)"))
                .containsExactly(new Speaker("Alice Smith", "Stanford"), new Speaker("Bob Jones", "Stanford"));
    }

    @Test
    void severalSpeakersWithTheirOwnAffiliations() {
        assertThat(SpeakerParser.parse("Alice Smith (MIT); Bob Jones (CMU)"))
                .containsExactly(new Speaker("Alice Smith", "MIT"), new Speaker("Bob Jones", "CMU"));
    }

    /** A name or affiliation is one in any script, with capitals (Cyrillic, Greek) or without (Chinese, Korean, Arabic, Hindi). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "Иван Петров (МГУ имени М. В. Ломоносова) | Иван Петров | МГУ имени М. В. Ломоносова",
            "Олена Коваленко | Олена Коваленко | -",
            "Νίκος Κάρρας, Πανεπιστήμιο Αθηνών | Νίκος Κάρρας | Πανεπιστήμιο Αθηνών",
            "山田 太郎 (東京大学) | 山田 太郎 | 東京大学",
            "김 민준 | 김 민준 | -",
            "محمد العلي (Google Research) | محمد العلي | Google Research",
            "अनन्या शर्मा (Kyoto University) | अनन्या शर्मा | Kyoto University",
            "Ngozi Müller (東京大学) | Ngozi Müller | 東京大学",
    })
    void aSpeakerInAnyScript(String text, String name, String affiliation) {
        assertThat(SpeakerParser.parse(text)).containsExactly(new Speaker(name, affiliation));
    }

    @Test
    void speakersListedApartKeepTheirOwnAffiliationOrNone() {
        assertThat(SpeakerParser.parse("Søren Okafor; Tomás Müller (University of Chicago)"))
                .containsExactly(new Speaker("Søren Okafor", null), new Speaker("Tomás Müller", "University of Chicago"));
        assertThat(SpeakerParser.parse("Alice Smith; Bob Jones, Acme Corp"))
                .containsExactly(new Speaker("Alice Smith", null), new Speaker("Bob Jones", "Acme Corp"));
        assertThat(SpeakerParser.parse("Alice Smith and Bob Jones, Acme Corp"))
                .containsExactly(new Speaker("Alice Smith", "Acme Corp"), new Speaker("Bob Jones", "Acme Corp"));
    }

    @Test
    void aValueWithNoLetterOrToCome() {
        assertThat(SpeakerParser.isPlaceholder("--")).isTrue();
        assertThat(SpeakerParser.isPlaceholder("T.B.A.")).isTrue();
        assertThat(SpeakerParser.isPlaceholder("東京大学")).isFalse();
    }

    @Test
    void firstNamesThatAreAlsoMonthWords() {
        assertThat(SpeakerParser.parse("Jan Novak (Charles University) & May Chen (NUS)"))
                .containsExactly(new Speaker("Jan Novak", "Charles University"), new Speaker("May Chen", "NUS"));
    }

    @Test
    void aCommaListOfNamesBeforeAnd() {
        assertThat(SpeakerParser.parse("Ana Lima, Tom Berg and Eva Holm (Uppsala)")).containsExactly(
                new Speaker("Ana Lima", "Uppsala"), new Speaker("Tom Berg", "Uppsala"), new Speaker("Eva Holm", "Uppsala"));
    }

    @Test
    void aNameAndAnInstitutionBeforeAndAreNotAList() {
        assertThat(SpeakerParser.parse("Ana Lima, Uppsala University and Tom Berg, Lund University")).containsExactly(
                new Speaker("Ana Lima", "Uppsala University"), new Speaker("Tom Berg", "Lund University"));
    }

    @Test
    void anInitialAIsNotTheArticle() {
        assertThat(SpeakerParser.parseOne("Michael A. Rivers")).isEqualTo(new Speaker("Michael A. Rivers", null));
        assertThat(SpeakerParser.parseOne("A. Reed, Kings College")).isEqualTo(new Speaker("A. Reed", "Kings College"));
    }

    @Test
    void peopleNamedTogetherBeforeOneAffiliationShareIt() {
        assertThat(SpeakerParser.parse("Ana Lima and Tom Berg, Lima + Berg Architects, Porto")).containsExactly(
                new Speaker("Ana Lima", "Lima + Berg Architects, Porto"), new Speaker("Tom Berg", "Lima + Berg Architects, Porto"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"TBA", "To be announced", "the speakers", "Room 101"})
    void placeholdersAreNoSpeaker(String text) {
        assertThat(SpeakerParser.parse(text)).isEmpty();
    }

    @RepeatedTest(300)
    void edgePunctuationGoesAsTheRegexWouldTakeIt(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String marks = "ab .,;:-–—\t\n";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10); i > 0; i--) {
            text.append(marks.charAt(random.nextInt(marks.length())));
        }
        String regex = text.toString().replaceAll("^[\\s,;:.\\-–—]+|[\\s,;:\\-–—]+\\z", "");
        assertThat(SpeakerParser.withoutEdgePunctuation(text.toString())).as("[" + text + "]").isEqualTo(regex);
    }
}

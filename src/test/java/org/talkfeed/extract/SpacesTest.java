package org.talkfeed.extract;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SpacesTest {
    private static final char[] ALPHABET = {'a', 'b', ' ', ' ', '\t', '\n', '\r', '\f', '\u000B', '\u00a0', '\u2003', '.'};

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    @RepeatedTest(500)
    void wordsAreWhatSplittingAtRunsOfWhiteSpaceGives(RepetitionInfo repetition) {
        String text = randomText(new Random(repetition.getCurrentRepetition()));
        assertThat(Spaces.words(text)).as("[" + text + "]").containsExactly(text.split("\\s+"));
    }

    @RepeatedTest(500)
    void collapseIsWhatReplacingRunsOfWhiteSpaceGives(RepetitionInfo repetition) {
        String text = randomText(new Random(-repetition.getCurrentRepetition()));
        assertThat(Spaces.collapse(text)).as("[" + text + "]").isEqualTo(text.replaceAll("\\s+", " "));
    }

    @RepeatedTest(500)
    void aLimitedCollapseIsTheStartOfTheWholeOne(RepetitionInfo repetition) {
        Random random = new Random(1000 + repetition.getCurrentRepetition());
        String text = randomText(random);
        int limit = random.nextInt(8);
        String whole = Spaces.collapse(text);
        assertThat(Spaces.collapse(text, limit)).as("[" + text + "] to " + limit).isEqualTo(whole.substring(0, Math.min(limit, whole.length())));
    }
}

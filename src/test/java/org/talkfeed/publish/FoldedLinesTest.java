package org.talkfeed.publish;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Folding keeps every physical line within 75 octets, never splits a code point, and unfolds to what it was given. */
class FoldedLinesTest {
    private static final String[] PIECES = {"a", "Z", " ", ";", "é", "ß", "中", "🎉", "Ελ", "\\n"};

    @Test
    void everyLineFitsAndUnfoldingGivesTheInputBack() {
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder unfolded = new StringBuilder();
            int lines = 1 + random.nextInt(4);
            for (int l = 0; l < lines; l++) {
                int length = 60 + random.nextInt(40); // around the 75-octet limit
                boolean ascii = random.nextBoolean();
                StringBuilder line = new StringBuilder("X"); // a content line starts with a name, never a space
                while (line.length() < length) {
                    line.append(ascii ? PIECES[random.nextInt(4)] : PIECES[random.nextInt(PIECES.length)]);
                }
                unfolded.append(line).append("\r\n");
            }
            String folded = FoldedLines.fold(unfolded.toString());

            for (String physical : folded.split("\r\n", -1)) {
                assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(FoldedLines.MAX_OCTETS);
                assertThat(physical).doesNotContain("\uFFFD");
                assertThat(physical.isEmpty() || !Character.isLowSurrogate(physical.charAt(0))).isTrue();
            }
            assertThat(folded.replace("\r\n ", "")).isEqualTo(unfolded.toString());
        }
    }

    @Test
    void aLineOfExactlyTheLimitIsLeftWhole() {
        String line = "x".repeat(FoldedLines.MAX_OCTETS) + "\r\n";
        assertThat(FoldedLines.fold(line)).isEqualTo(line);
        assertThat(FoldedLines.fold("y" + line)).isEqualTo("y" + "x".repeat(FoldedLines.MAX_OCTETS - 1) + "\r\n x\r\n");
    }

    @Test
    void cleanTextIsReturnedAsItIsAndControlsAreDropped() {
        String clean = "Grace Hopper — 中文 🎉\nsecond line";
        assertThat(IcalText.clean(clean)).isSameAs(clean);
        assertThat(IcalText.clean("a\u0007b\r\nc\td\u0085e\uD800f\uFFFE")).isEqualTo("ab\nc def");
    }
}

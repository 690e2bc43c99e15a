package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.talk.Speaker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProseDescriptionTest {
    private static final DateFinder DATES = new DateFinder(LocalDate.of(2026, 3, 1), false);
    private static final List<Speaker> SPEAKER = List.of(new Speaker("Jana Novak", "Charles University"));

    private static final String ABSTRACT = """
            Succinct arguments let a prover convince a verifier of a statement with a proof much shorter than the
            witness itself. Known constructions either rely on strong cryptographic assumptions or pay for their
            brevity with a slow prover. This talk presents a construction whose prover runs in linear time and whose
            proofs stay polylogarithmic, under the hardness of a standard lattice problem only.""";
    private static final String BIO = """
            Jana Novak is an associate professor of computer science at Charles University, where she leads the
            cryptography group.""";

    private static ProseDescription.Found find(String... paragraphs) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            lines.addAll(paragraph.lines().toList());
            lines.add("");
        }
        return ProseDescription.find(lines, SPEAKER, DATES);
    }

    @Test
    void theFirstParagraphOfLongSentencesAfterTheHeaderIsTheAbstract() {
        ProseDescription.Found found = find("Dear all,",
                "WHO  - Jana Novak, Charles University\nWHEN - Tuesday, March 3, 2 pm",
                ABSTRACT, BIO, "Best,\nMaria");
        assertThat(found.abstractText()).isEqualTo(Spaces.collapse(ABSTRACT.replace('\n', ' ')));
        assertThat(found.bio()).startsWith("Jana Novak is an associate professor").endsWith("cryptography group.");
    }

    @Test
    void theAnnouncingParagraphIsNoAbstractEvenWhenLong() {
        String intro = """
                We are pleased to announce that our colloquium continues next term with a series of talks by visiting
                researchers from several universities in Europe and North America. Each of them will spend a whole week
                with us and meet with students and faculty throughout the visit. The talks cover cryptography, algorithms
                and programming languages, and each is followed by a discussion with the audience.""";
        assertThat(find(intro).abstractText()).isNull();
        assertThat(find(intro, ABSTRACT).abstractText()).startsWith("Succinct arguments");
    }

    @Test
    void aParagraphSayingWhenIsNoAbstract() {
        String when = """
                Prof. Jana Novak of Charles University will speak on succinct arguments this Tuesday, March 3, at 4pm in
                Room 101 of the Science Center, in the last colloquium of the term. It is the first visit of a member of
                her group to our department, and there will be plenty of time for questions and a long discussion after
                the talk ends.""";
        assertThat(find(when).abstractText()).isNull();
    }

    @Test
    void aLogisticsParagraphIsNoAbstractAndEndsOne() {
        String logistics = """
                Refreshments will be served in the lounge before the talk. The talk will be recorded and posted on the
                department's channel afterwards, and the slides will be shared with everyone on the list who asks for
                them by writing to the organizers of the series before the end of the month, as usual for this series.""";
        assertThat(find(logistics).abstractText()).isNull();
        assertThat(find(ABSTRACT, logistics, "Jana Novak received her doctorate from ETH Zurich in 2015.").abstractText())
                .isEqualTo(Spaces.collapse(ABSTRACT.replace('\n', ' ')));
    }

    @Test
    void shortOrChattyParagraphsAreNoAbstract() {
        assertThat(find("The talk is about succinct arguments. It will be fun.").abstractText()).isNull();
        String chat = """
                In the pub last night a few of us talked about doing another round of lightning talks on any topic. It's
                been a long while since the last one, so I thought I would ask the list whether anyone would like to give
                one. We still need more volunteers before we can fix the date and book a room for the evening we choose.""";
        assertThat(find(chat).abstractText()).isNull();
    }

    @Test
    void proseAfterABiographyIsNoAbstract() {
        ProseDescription.Found found = find(BIO, ABSTRACT);
        assertThat(found.bio()).isNotNull();
        assertThat(found.abstractText()).isNull();
    }

    @Test
    void aBiographyOpensWithTheSurnameOrAPronounAfterTheSpeakerIsNamed() {
        assertThat(find(ABSTRACT, "Prof. Novak holds a chair in theoretical computer science at Charles University.").bio())
                .startsWith("Prof. Novak holds");
        assertThat(find("Our guest this week is Jana Novak.",
                "She received her doctorate from ETH Zurich and joined Charles University as a professor in 2019.").bio())
                .startsWith("She received");
        assertThat(find(BIO, "Her research spans lattices, proof systems and their use in private computation.").bio())
                .endsWith("private computation.");
    }

    @Test
    void aParagraphAboutSomeoneElseIsNoBiography() {
        assertThat(find(ABSTRACT, "Daniel Okafor is a professor of mathematics and leads the number theory group here.").bio())
                .isNull();
        assertThat(find(ABSTRACT, "She received her doctorate from ETH Zurich and joined Charles University in 2019.").bio())
                .as("a pronoun with no speaker named before").isNull();
        assertThat(find(ABSTRACT, "Jana Novak will visit the department all week; write to me to meet her.").bio())
                .as("the speaker's name without a biography phrase").isNull();
    }

    @Test
    void aBiographyInGermanOrFrench() {
        assertThat(find("Jana Novak ist Professorin für Informatik an der Karls-Universität Prag und leitet dort eine Gruppe.").bio())
                .isNotNull();
        assertThat(find("Jana Novak est professeure d'informatique à l'Université Charles de Prague depuis plusieurs années.").bio())
                .isNotNull();
    }

    @Test
    void aLabeledHeaderBlockIsNeitherAbstractNorBiography() {
        assertThat(find("Speaker: Jana Novak is a professor at Charles University, a place with a long history of research.\n"
                + "Title: Succinct arguments for everyone, from lattices and hashing to codes and the proofs built on them.")
                .bio()).isNull();
    }
}

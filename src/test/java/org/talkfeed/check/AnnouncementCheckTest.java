package org.talkfeed.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of `talkfeed check` fires on a draft that has its problem, and none fires on a clean draft. */
class AnnouncementCheckTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String CLEAN = """
            Subject: Talk: Sparse graphs and their minors — Ana Ruiz (Thu 5 Mar 2026)

            Title: Sparse graphs and their minors
            Speaker: Ana Ruiz (University of Chicago)
            When: Thursday, 5 March 2026, 16:00–17:00 Chicago time
            Where: Room 3105, Siebel Center
            Online: https://meet.example.org/sparse-graphs
            Host: Grace Hopper

            Abstract:
            We show that sparse graphs exclude a minor, and what follows for algorithms.
            """;

    private final AnnouncementCheck check = new AnnouncementCheck(new Extractor(), ExtractionDefaults.NONE);

    private CheckReport report(String draft) {
        return check.check(draft.getBytes(StandardCharsets.UTF_8), NOW, TODAY);
    }

    private static org.talkfeed.text.MessageText read(String draft) {
        try {
            return MessageInput.read(draft.getBytes(StandardCharsets.UTF_8), NOW);
        } catch (org.talkfeed.text.UnreadableMessageException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> rules(CheckReport report) {
        return report.talks().stream().flatMap(t -> t.warnings().stream()).map(Finding::rule).toList();
    }

    @Test
    void aCleanDraftHasNoWarningsAndShowsTheTalkAsSubscribersSeeIt() {
        CheckReport report = report(CLEAN);
        assertThat(report.exitCode()).isZero();
        assertThat(rules(report)).isEmpty();
        TalkView talk = report.talks().get(0).talk();
        assertThat(talk.title()).isEqualTo("Sparse graphs and their minors");
        assertThat(talk.speakers()).containsExactly("Ana Ruiz (University of Chicago)");
        assertThat(talk.when()).isEqualTo("Thu 5 Mar 2026, 16:00–17:00 America/Chicago (UTC−06:00)");
        assertThat(talk.location()).isEqualTo("Room 3105, Siebel Center");
        assertThat(talk.link()).isEqualTo("https://meet.example.org/sparse-graphs");
        assertThat(talk.host()).isEqualTo("Grace Hopper");
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("no-zone", "16:00–17:00 Chicago time", "16:00–17:00", "line 3"),
                Arguments.of("no-end", "16:00–17:00", "16:00", "line 3"),
                Arguments.of("ambiguous-date", "Thursday, 5 March 2026", "3/5/2026", "line 3"),
                Arguments.of("past-date", "2026", "2025", "line 3"),
                Arguments.of("weekday-mismatch", "Thursday, 5 March", "Wednesday, 5 March", "line 3"),
                Arguments.of("no-title", "Title: Sparse graphs and their minors\n", "", null),
                Arguments.of("link-not-url", "https://meet.example.org/sparse-graphs", "Zoom meeting 812 3456 7890", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void eachRuleFiresOnADraftWithItsProblemAndSaysWhere(String rule, String clean, String broken, String where) {
        assertThat(CLEAN).contains(clean);
        CheckReport report = report(CLEAN.replace(clean, broken));
        assertThat(rules(report)).contains(rule);
        assertThat(report.exitCode()).isEqualTo(1);
        Finding finding = report.talks().get(0).warnings().stream().filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
        assertThat(finding.where()).isEqualTo(where);
    }

    @Test
    void aDraftWithoutSpeakerIsWarnedOf() {
        CheckReport report = report(CLEAN.replace("Speaker: Ana Ruiz (University of Chicago)\n", "")
                .replace(" — Ana Ruiz", ""));
        assertThat(rules(report)).contains("no-speaker");
    }

    @Test
    void anAmbiguousDateSaysHowItWasReadAndADayFirstListReadsItTheOtherWay() {
        String draft = CLEAN.replace("Thursday, 5 March 2026", "4/3/2026").replace(" (Thu 5 Mar 2026)", "");
        Finding monthFirst = report(draft).talks().get(0).warnings().get(0);
        assertThat(monthFirst.what()).contains("\"4/3/2026\"", "Fri 3 Apr 2026", "month first");
        CheckReport dayFirst = new AnnouncementCheck(new Extractor(), new ExtractionDefaults(null, null, true))
                .check(draft.getBytes(StandardCharsets.UTF_8), NOW, TODAY);
        assertThat(dayFirst.talks().get(0).warnings().get(0).what()).contains("Wed 4 Mar 2026", "day first");
    }

    @Test
    void aDateThatTheTextSettlesIsNotAmbiguous() {
        assertThat(rules(report(CLEAN.replace("Thursday, 5 March 2026", "3/5/2026 (registration closes 28/2/2026)"))))
                .doesNotContain("ambiguous-date");
        assertThat(rules(report(CLEAN.replace("Thursday, 5 March 2026", "2026-03-05")))).doesNotContain("ambiguous-date");
    }

    @Test
    void aFieldTheModelDoubtsIsNamedWithWhereItStands() {
        org.talkfeed.text.MessageText message = read(CLEAN);
        org.talkfeed.talk.Talk talk = new Extractor().extract(message, ExtractionDefaults.NONE).talks().get(0);
        Evidence doubted = new Evidence(talk, message, List.of(), java.util.Map.of("title", 0.3, "speaker", 0.9), TODAY, false);
        assertThat(CheckRules.lowConfidence(doubted)).singleElement().satisfies(f -> {
            assertThat(f.what()).contains("low confidence (0.30)", "\"Sparse graphs and their minors\" is the title");
            assertThat(f.where()).isEqualTo("subject");
        });
        Evidence sure = new Evidence(talk, message, List.of(), java.util.Map.of("title", 0.8, "speaker", 0.9), TODAY, false);
        assertThat(CheckRules.lowConfidence(sure)).isEmpty();
    }

    @Test
    void theFieldModelsDoubtATitleWrittenWithLittleElse() {
        CheckReport report = report("Title: Sparse graphs\nSpeaker: Ana Ruiz\nWhen: Wednesday 3/5/2026, 4pm\nWhere: Room 3105\n");
        assertThat(report.talks().get(0).warnings()).filteredOn(f -> f.rule().equals("low-confidence"))
                .singleElement().satisfies(f -> assertThat(f.what()).contains("\"Sparse graphs\" is the title"));
    }

    @Test
    void somethingThatIsNoTalkIsNotUnderstood() {
        CheckReport report = report("Hello all,\nlunch is served at noon in the lounge.\n");
        assertThat(report.understood()).isFalse();
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.reason()).isNotBlank();
    }

    @Test
    void anEmailIsReadWithItsHeadersAndADraftWithoutThem() {
        assertThat(MessageInput.hasHeaderBlock("From: a@b.example\nSubject: x\n\nbody")).isTrue();
        assertThat(MessageInput.hasHeaderBlock("Subject: x\nTitle: y\nWhen: z\n\nAbstract")).isFalse();
        assertThat(MessageInput.hasHeaderBlock("Title: Sparse graphs\nWhen: today")).isFalse();
    }
}

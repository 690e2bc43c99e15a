package org.talkfeed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed check`: exit codes, the text and JSON it prints, an .eml, a draft file and a draft on standard input. */
class CheckCommandTest {
    private static final String DRAFT = """
            Subject: Talk: Sparse graphs and their minors — Ana Ruiz (Thu 5 Mar 2026)

            Title: Sparse graphs and their minors
            Speaker: Ana Ruiz (University of Chicago)
            When: Thursday, 5 March 2026, 16:00–17:00 Chicago time
            Where: Room 3105, Siebel Center
            Host: Grace Hopper
            """;

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aCleanDraftExitsZeroAndPrintsTheTalk() throws Exception {
        CliRun run = CliRun.of("check", "--today", "2026-03-01", file("draft.txt", DRAFT).toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Title:   Sparse graphs and their minors",
                "When:    Thu 5 Mar 2026, 16:00–17:00 America/Chicago (UTC−06:00)", "no warnings");
    }

    @Test
    void warningsExitOneEachOnOneLine() throws Exception {
        CliRun run = CliRun.of("check", "--today", "2026-03-09", file("draft.txt", DRAFT.replace("16:00–17:00", "16:00")).toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("warning: ")))
                .anySatisfy(l -> assertThat(l).startsWith("warning: no end time").endsWith("(line 3)"))
                .anySatisfy(l -> assertThat(l).startsWith("warning: the date Thu 5 Mar 2026 is in the past"));
    }

    @Test
    void somethingThatIsNoTalkExitsTwo() throws Exception {
        CliRun run = CliRun.of("check", file("note.txt", "Hello all,\nthe coffee machine is fixed.\n").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).startsWith("not understood as a talk: ");
    }

    @Test
    void anEmailIsReadWithItsDateHeader() throws Exception {
        String eml = "From: Ana <ana@dept.example>\r\nDate: Mon, 2 Mar 2026 09:00:00 -0600\r\nSubject: Talk Thursday\r\n"
                + "Message-ID: <a1@dept.example>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Title: Sparse graphs and their minors\r\nSpeaker: Ana Ruiz (University of Chicago)\r\n"
                + "When: Thursday, 5 March, 16:00-17:00 Chicago time\r\nWhere: Room 3105\r\n";
        CliRun run = CliRun.of("check", "--today", "2026-03-02", file("talk.eml", eml).toString());
        assertThat(run.out()).contains("Thu 5 Mar 2026, 16:00–17:00 America/Chicago (UTC−06:00)");
    }

    @Test
    void jsonHasTheSameTalksAndWarnings() throws Exception {
        CliRun run = CliRun.of("check", "--json", "--today", "2026-03-01", file("draft.txt", DRAFT.replace("16:00–17:00", "16:00")).toString());
        assertThat(run.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("understood").asBoolean()).isTrue();
        assertThat(json.get("kind").asText()).isEqualTo("announcement");
        JsonNode talk = json.get("talks").get(0);
        assertThat(talk.get("talk").get("title").asText()).isEqualTo("Sparse graphs and their minors");
        assertThat(talk.get("talk").get("speakers").get(0).asText()).isEqualTo("Ana Ruiz (University of Chicago)");
        assertThat(talk.get("talk").get("when").asText()).isEqualTo("Thu 5 Mar 2026, 16:00 America/Chicago (UTC−06:00)");
        JsonNode warning = talk.get("warnings").get(0);
        assertThat(warning.get("rule").asText()).isEqualTo("no-end");
        assertThat(warning.get("what").asText()).startsWith("no end time");
        assertThat(warning.get("where").asText()).isEqualTo("line 3");
    }

    @Test
    void aDraftIsReadFromStandardInput() {
        InputStream old = System.in;
        try {
            System.setIn(new ByteArrayInputStream(DRAFT.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.of("check", "--today", "2026-03-01", "-");
            assertThat(run.exit()).isZero();
            assertThat(run.out()).contains("Speaker: Ana Ruiz (University of Chicago)");
        } finally {
            System.setIn(old);
        }
    }
}

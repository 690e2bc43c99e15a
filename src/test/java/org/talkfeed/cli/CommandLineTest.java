package org.talkfeed.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands as a user runs them. */
class CommandLineTest {

    private static Path config(Path dir) throws Exception {
        Path file = dir.resolve("talkfeed.yaml");
        Files.writeString(file, "store: data/t.db\nsite: site\nmailboxes:\n  - name: samples\n    maildir: "
                + Path.of("samples", "maildir").toAbsolutePath() + "\n    timezone: America/Chicago\n");
        return file;
    }

    @Test
    void helpListsEverySubcommand() {
        CliRun help = CliRun.of("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("run", "parse", "ingest", "publish");
        assertThat(CliRun.of("run", "--help").out()).contains("--once", "--config");
    }

    @Test
    void runOnceProcessesThePublishesAndASecondRunAddsNothing(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        CliRun first = CliRun.of("run", "--once", "--config", config.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("0 already seen");
        String feed = Files.readString(dir.resolve("site/calendar.ics"));
        assertThat(dir.resolve("site/index.html")).exists();
        try (Stream<Path> pages = Files.list(dir.resolve("site/talks"))) {
            assertThat(pages.filter(p -> p.toString().endsWith(".html")).count())
                    .isEqualTo(feed.split("BEGIN:VEVENT", -1).length - 1);
        }

        CliRun second = CliRun.of("run", "--once", "--config", config.toString());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("0 new messages");
        assertThat(Files.readString(dir.resolve("site/calendar.ics"))).isEqualTo(feed);
    }

    @Test
    void parseJsonHasTheDesignShape() throws Exception {
        Path sample;
        try (Stream<Path> files = Files.list(Path.of("samples", "maildir", "new"))) {
            sample = files.sorted().findFirst().orElseThrow();
        }
        CliRun parsed = CliRun.of("parse", "--json", sample.toString());
        assertThat(parsed.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(parsed.out());
        assertThat(json.get("kind").asText()).isIn("announcement", "reminder", "update", "cancellation", "not_talk");
        for (JsonNode talk : json.get("talks")) {
            assertThat(talk.fieldNames()).toIterable().contains("title", "speakers", "date", "start", "end", "timezone",
                    "location", "online", "url", "host", "series", "abstract", "bio", "confidence", "warnings");
            assertThat(talk.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        }
    }

    @Test
    void aBadConfigStopsEveryCommandWithExitTwoAndSaysWhere(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "server:\n  port: 70000\n");
        Path mail = Files.write(dir.resolve("one.eml"), TestMail.plain("<one@dept.example>", "Mon, 2 Mar 2026 09:00:00 -0600",
                "Hello", "Nothing to see."));
        for (String[] command : new String[][] {{"run", "--once"}, {"status"}, {"publish"}, {"import", mail.toString()},
                {"parse", mail.toString()}}) {
            String[] args = Stream.concat(Arrays.stream(command), Stream.of("--config", bad.toString())).toArray(String[]::new);
            CliRun run = CliRun.of(args);
            assertThat(run.exit()).as(command[0]).isEqualTo(2);
            assertThat(run.err()).as(command[0]).contains("talkfeed: " + bad).contains("server.port").doesNotContain("Exception");
        }
    }

    @Test
    void aStoreThatCannotBeOpenedStopsWithExitOneAndSaysWhich(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("not-a-folder"), "a file where the store's folder should be");
        Path config = Files.writeString(dir.resolve("talkfeed.yaml"), "store: not-a-folder/talkfeed.db\n");
        CliRun run = CliRun.of("status", "--config", config.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("talkfeed: cannot open the store").contains("not-a-folder").doesNotContain("\tat ");
    }

    @Test
    void ingestReportsEachFileAndGoesOnPastJunk(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        Path junk = Files.writeString(dir.resolve("junk.eml"), "not a mail at all");
        CliRun run = CliRun.of("ingest", "--config", config.toString(), junk.toString(), Path.of("samples", "maildir").toString());
        assertThat(run.exit()).as("a message failed").isEqualTo(1);
        assertThat(run.out()).contains(junk + ": failed: not an email").contains("announcement: new talk").contains("failed: 1");
    }

    @Test
    void statusShowsEachMailboxsStateLastCheckAndCounts(@TempDir Path dir) throws Exception {
        Path config = config(dir);
        CliRun before = CliRun.of("status", "--config", config.toString());
        assertThat(before.exit()).isZero();
        assertThat(before.out()).contains("mailbox samples", "state:      never run", "0 processed");
        assertThat(CliRun.of("run", "--once", "--config", config.toString()).exit()).isZero();
        long files;
        try (Stream<Path> mail = Stream.concat(Files.list(Path.of("samples", "maildir", "cur")),
                Files.list(Path.of("samples", "maildir", "new")))) {
            files = mail.filter(Files::isRegularFile).count();
        }
        CliRun after = CliRun.of("status", "--config", config.toString());
        assertThat(after.out()).contains("state:      polling").doesNotContain("last check: never")
                .containsPattern("messages:   " + files + " processed \\(\\d+ not talks, 0 unmatched\\), 0 ignored, \\d+ failed, "
                        + "0 duplicate Message-IDs with other content");
    }
}

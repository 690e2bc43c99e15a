package org.talkfeed.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageReader;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed announce`: the message printed by default, and sent over SMTP (GreenMail, plain on loopback) with --send. */
class AnnounceCommandTest {
    private static final String TALK = """
            title: Counting Lattice Paths with Reflections
            speakers:
              - name: Maren Solberg
                affiliation: Tromsø Institute of Mathematics
            date: 2026-11-05
            start: "16:00"
            end: "17:00"
            timezone: America/Chicago
            location: Room 214, Hallworth Building
            online: true
            url: https://meet.example.org/j/lattice-paths
            host: Ilse Marchetti
            series: Lakeshore CS Colloquium
            abstract: Reflection arguments count lattice paths that stay above a line.
            """;

    @TempDir
    Path dir;
    /** A real SMTP server, in-process, plain on loopback: a fresh one for each test. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private Path config() throws Exception {
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve("mail").resolve(sub));
        }
        return Files.writeString(dir.resolve("talkfeed.yaml"), "store: talkfeed.db\nsite: site\n"
                + "announce:\n  to: theory-list@dept.example\n  from: Theory talks <talks@dept.example>\n"
                + "smtp:\n  host: 127.0.0.1\n  port: " + smtp.getSmtp().getPort() + "\n  tls: none\n"
                + "mailboxes:\n  - name: list\n    maildir: mail\n");
    }

    @Test
    void sendsTheAnnouncementToTheListAndItReadsBackAsTheTalk() throws Exception {
        Path talk = Files.writeString(dir.resolve("talk.yaml"), TALK);
        CliRun run = CliRun.of("announce", talk.toString(), "--send", "--config", config().toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage sent = smtp.getReceivedMessages()[0];
        assertThat(sent.getSubject()).isEqualTo("Talk: Counting Lattice Paths with Reflections — Maren Solberg (Thu 5 Nov 2026)");
        assertThat(Arrays.stream(sent.getAllRecipients()).map(Object::toString)).containsExactly("theory-list@dept.example");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        sent.writeTo(bytes);
        String raw = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw).contains("text/plain", "text/html", "text/calendar", "METHOD:PUBLISH",
                "UID:" + TalkStore.uid(sent.getMessageID(), 0));
        assertThat(run.out()).contains(sent.getMessageID(), TalkStore.uid(sent.getMessageID(), 0));

        Talk read = new Extractor().extract(new MessageReader().read(bytes.toByteArray()), ExtractionDefaults.NONE).talks().get(0);
        assertThat(read.title()).isEqualTo("Counting Lattice Paths with Reflections");
        assertThat(read.speakers()).containsExactly(new Speaker("Maren Solberg", "Tromsø Institute of Mathematics"));
        assertThat(read.date()).isEqualTo(LocalDate.of(2026, 11, 5));
        assertThat(read.start()).isEqualTo(LocalTime.of(16, 0));
        assertThat(read.end()).isEqualTo(LocalTime.of(17, 0));
        assertThat(read.timezone()).isEqualTo("America/Chicago");
        assertThat(read.location()).isEqualTo("Room 214, Hallworth Building");
        assertThat(read.url()).isEqualTo("https://meet.example.org/j/lattice-paths");
        assertThat(read.host()).isEqualTo("Ilse Marchetti");
        assertThat(read.series()).isEqualTo("Lakeshore CS Colloquium");
    }

    @Test
    void withoutSendItPrintsTheMessageAndSendsNothing() throws Exception {
        Path talk = Files.writeString(dir.resolve("talk.yaml"), TALK);
        CliRun run = CliRun.of("announce", talk.toString(), "--config", config().toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Message-ID: <talk-", "When: Thursday, 5 November 2026, 16:00=E2=80=9317:00 Chicago time",
                "METHOD:PUBLISH");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aTalkFileWithoutItsZoneIsRefusedWithWhy() throws Exception {
        Path talk = Files.writeString(dir.resolve("talk.yaml"), TALK.replace("timezone: America/Chicago\n", ""));
        CliRun run = CliRun.of("announce", talk.toString(), "--config", config().toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("timezone is missing");
    }
}

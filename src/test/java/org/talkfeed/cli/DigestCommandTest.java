package org.talkfeed.cli;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `talkfeed digest` as typed: the page, --send to the list exactly once, --to as a trial; refused configurations. */
class DigestCommandTest {
    @TempDir
    Path dir;
    /** A real SMTP server, in-process, plain on loopback: a fresh one for each test. */
    @RegisterExtension
    final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private Path config(String smtpExtra) throws Exception {
        Path maildir = dir.resolve("mail");
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        Files.write(maildir.resolve("new/1.M1P1.host"),
                TestMail.announcement("<graph-minors@dept.example>", "Graph Minors", "Tuesday, March 3, 2026"));
        return Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: talkfeed.db
                site: site
                mailboxes:
                  - name: local
                    maildir: mail
                    timezone: Europe/Berlin
                digest:
                  to: theory-list@dept.example
                  from: talks@dept.example
                smtp:
                  host: 127.0.0.1
                  port: %d
                  tls: none
                """.formatted(smtp.getSmtp().getPort()) + smtpExtra);
    }

    @Test
    void sendDeliversOneMessageToTheListAndASecondSendNone() throws Exception {
        String config = config("").toString();
        assertThat(CliRun.of("run", "--once", "--config", config).exit()).isZero();

        CliRun built = CliRun.of("digest", "--week", "2026-W10", "--config", config);
        assertThat(built.exit()).isZero();
        assertThat(built.out()).contains("digest 2026-W10 (2–8 Mar 2026): 1 talk");
        assertThat(dir.resolve("site/digest/2026-W10.html")).exists();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        CliRun sent = CliRun.of("digest", "--week", "2026-W10", "--send", "--config", config);
        assertThat(sent.exit()).as(sent.err()).isZero();
        CliRun again = CliRun.of("digest", "--week", "2026-W10", "--send", "--config", config);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("was sent already");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("Talks this week: 2–8 Mar 2026 (1 talk)");

        CliRun trial = CliRun.of("digest", "--week", "2026-W10", "--to", "me@dept.example", "--config", config);
        assertThat(trial.exit()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessages()[1].getAllRecipients()[0].toString()).isEqualTo("me@dept.example");
    }

    @Test
    void aPasswordInTheConfigurationIsRefusedWithItsKey() throws Exception {
        CliRun run = CliRun.of("digest", "--config", config("  password: hunter2\n").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("smtp.password: refused", "TALKFEED_SMTP_PASSWORD").doesNotContain("hunter2");
    }

    @Test
    void noTlsIsRefusedForAServerElsewhere() throws Exception {
        Path file = config("");
        Files.writeString(file, Files.readString(file).replace("host: 127.0.0.1", "host: mail.dept.example"));
        CliRun run = CliRun.of("digest", "--config", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("smtp.tls: none is allowed only for a server on this machine");
    }

    @Test
    void aWeekNotWrittenAsAnIsoWeekIsAUsageError() throws Exception {
        CliRun run = CliRun.of("digest", "--week", "2026-8", "--config", config("").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--week", "2026-W08");
    }
}

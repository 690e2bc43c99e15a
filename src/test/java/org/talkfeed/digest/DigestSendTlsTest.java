package org.talkfeed.digest;

import org.talkfeed.smtp.SmtpSender;
import org.talkfeed.smtp.SmtpConfig;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.SetClock;
import org.talkfeed.config.Config;
import org.talkfeed.store.TalkStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The digest sent over TLS from the first byte to GreenMail with a login: it arrives once, parses, and ical.js reads
 * its attachment. The server's self-signed certificate is trusted through smtp.ca-file only; without it, or when the
 * certificate names another host, or with a wrong password, or STARTTLS required of a server without it, nothing is sent
 * and the error names the server.
 */
class DigestSendTlsTest {
    private static final String PASSWORD = "s3cret-Pa55";
    private static final UnaryOperator<String> ENVIRONMENT = name -> name.equals(SmtpConfig.PASSWORD_VARIABLE) ? PASSWORD : null;
    private static final SetClock CLOCK = new SetClock(OffsetDateTime.parse("2026-03-02T08:30:00+01:00").toInstant());

    @TempDir
    Path dir;
    private GreenMail server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    private SmtpsGreenMail startTls(String subjectAltName) throws Exception {
        SmtpsGreenMail smtps = new SmtpsGreenMail(dir.resolve("tls"), subjectAltName);
        server = smtps;
        smtps.start();
        smtps.setUser("talks@dept.example", "talks", PASSWORD);
        return smtps;
    }

    private Config config(String smtp) throws Exception {
        return DigestFixture.config(dir, "digest:\n  to: theory-list@dept.example\n  from: Theory talks <talks@dept.example>\n"
                + "smtp:\n" + smtp);
    }

    private static String tls(SmtpsGreenMail smtps, String caFile) {
        return "  host: 127.0.0.1\n  port: " + smtps.port() + "\n  tls: tls\n  user: talks\n"
                + (caFile == null ? "" : "  ca-file: " + caFile + "\n");
    }

    @Test
    void theDigestArrivesOnceOverTlsWithALoginAndParses() throws Exception {
        SmtpsGreenMail smtps = startTls("ip:127.0.0.1");
        Config config = config(tls(smtps, smtps.certificate().toString()));
        try (TalkStore store = TalkStore.open(config.store(), CLOCK)) {
            DigestFixture.fill(config, store, CLOCK);
            WeeklyDigest digest = DigestFixture.digest(config, store, CLOCK, new SmtpSender(config.digest().smtp(), ENVIRONMENT));
            assertThat(digest.sendToList(DigestFixture.WEEK)).isEqualTo(WeeklyDigest.Outcome.SENT);
            assertThat(digest.sendToList(DigestFixture.WEEK)).isEqualTo(WeeklyDigest.Outcome.ALREADY_SENT);

            assertThat(smtps.getReceivedMessages()).hasSize(1);
            MimeMessage parsed = reparsed(smtps.getReceivedMessages()[0]);
            assertThat(parsed.getSubject()).isEqualTo("Talks this week: 2–8 Mar 2026 (2 talks)");
            assertThat(parsed.getMessageID()).isEqualTo(store.digest("2026-W10").orElseThrow().messageId());
            assertThat(parsed.getAllRecipients()).extracting(Object::toString).containsExactly("theory-list@dept.example");
            assertThat(partsOfType(parsed, "text/plain")).hasSize(1);
            assertThat(partsOfType(parsed, "text/html")).hasSize(1);
            assertThat(partsOfType(parsed, "text/calendar")).hasSize(1);
        }
    }

    @Test
    void theAttachmentSentOverTlsIsReadByIcalJs() throws Exception {
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")), "ical.js (npm ci in src/test/js)");
        SmtpsGreenMail smtps = startTls("ip:127.0.0.1");
        Config config = config(tls(smtps, smtps.certificate().toString()));
        try (TalkStore store = TalkStore.open(config.store(), CLOCK)) {
            DigestFixture.fill(config, store, CLOCK);
            DigestFixture.digest(config, store, CLOCK, new SmtpSender(config.digest().smtp(), ENVIRONMENT))
                    .sendTo(DigestFixture.WEEK, "me@dept.example");
        }
        Part calendar = partsOfType(reparsed(server.getReceivedMessages()[0]), "text/calendar").get(0);
        Path ics = dir.resolve("attachment.ics");
        try (var in = calendar.getInputStream()) {
            Files.copy(in, ics);
        }
        Process node = new ProcessBuilder("node", Path.of("src", "test", "js", "ics-instants.mjs").toString(), ics.toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        assertThat(output.strip().lines().map(line -> {
            String[] columns = line.split("\t");
            return columns[2] + " " + columns[3];
        })).as("the week's two talks, 4–5 pm in Berlin").containsExactly(
                "2026-03-03T15:00:00.000Z 2026-03-03T16:00:00.000Z", "2026-03-05T15:00:00.000Z 2026-03-05T16:00:00.000Z");
    }

    @Test
    void aWrongPasswordIsRefusedNamingTheServerAndNothingArrives() throws Exception {
        SmtpsGreenMail smtps = startTls("ip:127.0.0.1");
        Config config = config(tls(smtps, smtps.certificate().toString()));
        try (TalkStore store = TalkStore.open(config.store(), CLOCK)) {
            DigestFixture.fill(config, store, CLOCK);
            WeeklyDigest digest = DigestFixture.digest(config, store, CLOCK,
                    new SmtpSender(config.digest().smtp(), name -> name.equals(SmtpConfig.PASSWORD_VARIABLE) ? "wrong" : null));
            assertThatThrownBy(() -> digest.sendToList(DigestFixture.WEEK)).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("the SMTP server 127.0.0.1:" + smtps.port() + " (tls: tls) refused the login of talks");
            assertThat(smtps.getReceivedMessages()).isEmpty();
            assertThat(store.digest("2026-W10")).hasValueSatisfying(d -> assertThat(d.sentAt()).isNull());
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedWithoutCaFileBeforeTheLogin() throws Exception {
        SmtpsGreenMail smtps = startTls("ip:127.0.0.1");
        Config config = config(tls(smtps, null));
        try (TalkStore store = TalkStore.open(config.store(), CLOCK)) {
            DigestFixture.fill(config, store, CLOCK);
            WeeklyDigest digest = DigestFixture.digest(config, store, CLOCK, new SmtpSender(config.digest().smtp(), ENVIRONMENT));
            assertThatThrownBy(() -> digest.sendTo(DigestFixture.WEEK, "me@dept.example")).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("the SMTP server 127.0.0.1:" + smtps.port() + " (tls: tls) has a TLS certificate that is "
                            + "not signed by a trusted authority (for a private CA, set smtp.ca-file)");
            assertThat(smtps.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        SmtpsGreenMail smtps = startTls("dns:mail.example.org");
        Config config = config(tls(smtps, smtps.certificate().toString()));
        try (TalkStore store = TalkStore.open(config.store(), CLOCK)) {
            DigestFixture.fill(config, store, CLOCK);
            WeeklyDigest digest = DigestFixture.digest(config, store, CLOCK, new SmtpSender(config.digest().smtp(), ENVIRONMENT));
            assertThatThrownBy(() -> digest.sendTo(DigestFixture.WEEK, "me@dept.example")).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("the SMTP server 127.0.0.1:" + smtps.port() + " (tls: tls) has a TLS certificate "
                            + "that does not name 127.0.0.1");
            assertThat(smtps.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void starttlsRequiredOfAServerWithoutItSendsNothing() throws Exception {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        int port = server.getSmtp().getPort();
        Config config = config("  host: 127.0.0.1\n  port: " + port + "\n  tls: starttls\n");
        try (TalkStore store = TalkStore.open(config.store(), CLOCK)) {
            DigestFixture.fill(config, store, CLOCK);
            WeeklyDigest digest = DigestFixture.digest(config, store, CLOCK, new SmtpSender(config.digest().smtp(), name -> null));
            assertThatThrownBy(() -> digest.sendTo(DigestFixture.WEEK, "me@dept.example")).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("the SMTP server 127.0.0.1:" + port + " (tls: starttls)")
                    .hasMessageContaining("STARTTLS");
            assertThat(server.getReceivedMessages()).isEmpty();
        }
    }

    @Test
    void plainSmtpToAnotherMachineCannotBeConfiguredOrBuilt() {
        assertThatThrownBy(() -> new SmtpConfig("mail.dept.example", 25, SmtpConfig.Tls.NONE, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMTP without TLS is allowed only to a server on this machine")
                .hasMessageContaining("not mail.dept.example: use starttls or tls");
        assertThatThrownBy(() -> config("  host: mail.dept.example\n  tls: none\n"))
                .hasMessageContaining("smtp.tls: none is allowed only for a server on this machine");
    }

    @Test
    void aCaFileMustExistAndGoWithTls() {
        assertThatThrownBy(() -> config("  host: smtp.dept.example\n  ca-file: missing.pem\n"))
                .hasMessageContaining("smtp.ca-file: no such file").hasMessageContaining("missing.pem");
        assertThatThrownBy(() -> config("  host: 127.0.0.1\n  tls: none\n  ca-file: missing.pem\n"))
                .hasMessageContaining("smtp.ca-file: only used with tls: starttls or tls");
    }

    /** The message as a reader's client parses it from the bytes the server received. */
    private static MimeMessage reparsed(MimeMessage received) throws MessagingException, IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        received.writeTo(bytes);
        return new MimeMessage(null, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static List<Part> partsOfType(Part part, String type) throws MessagingException, IOException {
        List<Part> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.addAll(partsOfType(child, type));
            }
        } else if (part.isMimeType(type)) {
            found.add(part);
        }
        return found;
    }
}

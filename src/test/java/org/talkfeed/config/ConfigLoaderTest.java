package org.talkfeed.config;

import org.talkfeed.mail.ImapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A wrong configuration stops at start with a message naming the file, the key and the problem. */
class ConfigLoaderTest {

    private static Path write(Path dir, String yaml) throws Exception {
        Files.createDirectories(dir.resolve("mail/cur"));
        Files.createDirectories(dir.resolve("mail/new"));
        Path file = dir.resolve("talkfeed.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void theShippedDefaultLoadsAndReadsTheSamples() throws Exception {
        Config config = new ConfigLoader().load(Path.of("config", "talkfeed.yaml"));
        assertThat(config.mailboxes()).singleElement().satisfies(m -> {
            assertThat(m.maildir()).isEqualTo(Path.of("samples", "maildir").toAbsolutePath().normalize());
            assertThat(m.timezone()).isEqualTo("America/Chicago");
        });
        assertThat(config.store()).isEqualTo(Path.of("data", "talkfeed.db").toAbsolutePath().normalize());
        assertThat(config.serverPort()).isEqualTo(8080);
    }

    @Test
    void theImapExampleNamesAnEnvironmentVariableNotAPassword() throws Exception {
        Config config = new ConfigLoader().load(Path.of("config", "imap-example.yaml"));
        ImapConfig imap = config.mailboxes().get(0).imap();
        assertThat(imap.passwordEnv()).isEqualTo("TALKFEED_IMAP_PASSWORD");
        assertThat(Files.readString(Path.of("config", "imap-example.yaml"))).doesNotContainPattern("(?m)^\\s*password\\s*:");
    }

    @Test
    void relativePathsAreTakenFromTheConfigFolder(@TempDir Path dir) throws Exception {
        Config config = new ConfigLoader().load(write(dir, "store: db/t.db\nmailboxes:\n  - name: a\n    maildir: mail\n"));
        assertThat(config.store()).isEqualTo(dir.resolve("db/t.db"));
        assertThat(config.mailboxes().get(0).maildir()).isEqualTo(dir.resolve("mail"));
    }

    @Test
    void missingMaildirIsNamedWithItsKey(@TempDir Path dir) throws Exception {
        Path file = write(dir, "mailboxes:\n  - name: a\n    maildir: nowhere\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("mailboxes[0].maildir")
                .hasMessageContaining("not a Maildir folder");
    }

    @Test
    void badPortIsNamedWithItsKey(@TempDir Path dir) throws Exception {
        Path file = write(dir, "server:\n  port: 99999\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file)).hasMessageContaining("server.port")
                .hasMessageContaining("out of range");
        Path words = write(dir, "server:\n  port: eighty\n");
        assertThatThrownBy(() -> new ConfigLoader().load(words)).hasMessageContaining("server.port")
                .hasMessageContaining("whole number");
    }

    @Test
    void badYamlSaysWhere(@TempDir Path dir) throws Exception {
        Path file = write(dir, "server:\n  port: 8080\n   host: [oops\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("line").hasMessageContaining("not valid YAML");
    }

    @Test
    void unknownKeysAndZonesAreRejected(@TempDir Path dir) throws Exception {
        Path typo = write(dir, "poll-interval: 30\n");
        assertThatThrownBy(() -> new ConfigLoader().load(typo)).hasMessageContaining("poll-interval: unknown key");
        Path zone = write(dir, "mailboxes:\n  - name: a\n    maildir: mail\n    timezone: Chicago\n");
        assertThatThrownBy(() -> new ConfigLoader().load(zone)).hasMessageContaining("mailboxes[0].timezone")
                .hasMessageContaining("unknown time zone");
    }

    @Test
    void aPasswordInTheFileIsRefused(@TempDir Path dir) throws Exception {
        Path file = write(dir, "mailboxes:\n  - name: a\n    imap:\n      host: h\n      user: u\n      password: secret\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file)).hasMessageContaining("mailboxes[0].imap.password")
                .hasMessageContaining("unknown key").hasMessageNotContaining("secret");
    }

    private static final String IMAP = "mailboxes:\n  - name: a\n    imap:\n      host: mail.example\n      user: u\n"
            + "      password-env: PW\n";

    @Test
    void imapOptionsAndWhoMayAnnounceAreRead(@TempDir Path dir) throws Exception {
        Config config = new ConfigLoader().load(write(dir, IMAP + "      idle: false\n      after-processing: move\n"
                + "      move-to: Talks/Done\n      reconnect-max-seconds: 30\n"
                + "    allowed-senders: [Talks@Dept.example, \"@cs.example\"]\n    list-id: \"CS talks <talks.cs.example>\"\n"
                + "    list-sender: talks-bounces@cs.example\n    admins: [chair@dept.example]\n"
                + "    trusted-authserv-ids: [mx.dept.example]\n"));
        MailboxConfig mailbox = config.mailboxes().get(0);
        assertThat(mailbox.imap().idle()).isFalse();
        assertThat(mailbox.imap().afterProcessing()).isEqualTo(ImapConfig.AfterProcessing.MOVE);
        assertThat(mailbox.imap().moveTo()).isEqualTo("Talks/Done");
        assertThat(mailbox.imap().reconnectMax()).hasSeconds(30);
        assertThat(mailbox.imap().port()).isEqualTo(993);
        assertThat(mailbox.senders().allowedSenders()).containsExactly("talks@dept.example", "@cs.example");
        assertThat(mailbox.senders().admins()).containsExactly("chair@dept.example");
        assertThat(mailbox.senders().listIds()).containsExactly("talks.cs.example");
        assertThat(mailbox.senders().listSenders()).containsExactly("talks-bounces@cs.example");
        assertThat(mailbox.senders().trustedAuthservIds()).containsExactly("mx.dept.example");
    }

    @Test
    void aListIdWithoutTheListsEnvelopeSenderIsRefused(@TempDir Path dir) throws Exception {
        Path file = write(dir, IMAP + "    list-id: talks.cs.example\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file)).hasMessageContaining("mailboxes[0].list-id")
                .hasMessageContaining("list-sender");
    }

    @Test
    void badImapOptionsAreNamedWithTheirKey(@TempDir Path dir) throws Exception {
        Path delete = write(dir, IMAP + "      after-processing: delete\n");
        assertThatThrownBy(() -> new ConfigLoader().load(delete)).hasMessageContaining("mailboxes[0].imap.after-processing")
                .hasMessageContaining("keep, seen, flag or move");
        Path noFolder = write(dir, IMAP + "      after-processing: move\n");
        assertThatThrownBy(() -> new ConfigLoader().load(noFolder)).hasMessageContaining("mailboxes[0].imap.move-to");
        Path idle = write(dir, IMAP + "      idle: sometimes\n");
        assertThatThrownBy(() -> new ConfigLoader().load(idle)).hasMessageContaining("mailboxes[0].imap.idle")
                .hasMessageContaining("true or false");
        Path sender = write(dir, IMAP + "    allowed-senders: [jane]\n");
        assertThatThrownBy(() -> new ConfigLoader().load(sender)).hasMessageContaining("mailboxes[0].allowed-senders")
                .hasMessageContaining("\"jane\"");
    }

    @Test
    void aCaFileMustHoldACertificateAndGoWithTls(@TempDir Path dir) throws Exception {
        Path missing = write(dir, IMAP + "      ca-file: ca.pem\n");
        assertThatThrownBy(() -> new ConfigLoader().load(missing)).hasMessageContaining("mailboxes[0].imap.ca-file")
                .hasMessageContaining("no such file").hasMessageContaining(dir.resolve("ca.pem").toString());
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
        Path notACertificate = write(dir, IMAP + "      ca-file: ca.pem\n");
        assertThatThrownBy(() -> new ConfigLoader().load(notACertificate)).hasMessageContaining("mailboxes[0].imap.ca-file")
                .hasMessageContaining("not a PEM certificate file");
        Path plain = write(dir, IMAP + "      tls: none\n      ca-file: ca.pem\n");
        assertThatThrownBy(() -> new ConfigLoader().load(plain)).hasMessageContaining("mailboxes[0].imap.ca-file")
                .hasMessageContaining("only used with tls: implicit or starttls");
    }
}

package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.TestMail;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.mail.DovecotServer;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.MailboxStatus;
import org.talkfeed.store.TalkStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IMAP over TLS against Dovecot with a certificate of its own: implicit TLS and STARTTLS read mail when
 * {@code ca-file} trusts that certificate, and a certificate that does not name the host, or that nothing trusts,
 * ends the connection before the password is sent, with a status that says why.
 */
class DovecotTlsTest {
    @TempDir
    Path dir;

    @Test
    void implicitTlsAndStartTlsReadMailWhenCaFileTrustsTheServersCertificate() throws Exception {
        Needs.that(DovecotServer.isInstalled(), "dovecot (Debian package dovecot-imapd)");
        try (DovecotServer dovecot = DovecotServer.startWithTls(dir, "IP:127.0.0.1")) {
            Config config = config(dovecot, """
                      - name: implicit
                        imap: {%s, port: %d, tls: implicit, ca-file: %s}
                      - name: starttls
                        imap: {%s, port: %d, tls: starttls, ca-file: %s}
                    """.formatted(account(dovecot), dovecot.tlsPort(), dovecot.certificate(),
                    account(dovecot), dovecot.port(), dovecot.certificate()));
            long uid = dovecot.append(TestMail.announcement("<tls-1@dept.example>", "Expander Graphs", "April 2, 2026"));
            try (TalkStore store = TalkStore.open(config.store())) {
                Daemon daemon = daemon(config, store);
                Thread running = new Thread(daemon::runUntilStopped, "daemon under test");
                running.start();
                try {
                    for (String mailbox : new String[] {"implicit", "starttls"}) {
                        Waits.until(() -> store.checkpoint("imap:" + mailbox).map(c -> c.position() == uid).orElse(false)
                                && "idle".equals(statuses(store).get(mailbox).state()), mailbox + " to read the message and wait");
                    }
                    assertThat(store.messages()).as("the same message through both mailboxes is recorded once").hasSize(1);
                    assertThat(store.talks()).singleElement().satisfies(t -> assertThat(t.talk().title()).isEqualTo("Expander Graphs"));
                    Waits.until(() -> logins(dovecot, true) >= 2, "Dovecot to log the two mailboxes' logins over TLS");
                    assertThat(logins(dovecot, false)).as("only the server's own check and the test's APPEND logged in without TLS")
                            .isEqualTo(2);
                } finally {
                    daemon.stop();
                    running.join(10_000);
                }
            }
        }
    }

    @Test
    void aCertificateThatDoesNotNameTheHostOrThatNothingTrustsIsRefusedBeforeTheLogin() throws Exception {
        Needs.that(DovecotServer.isInstalled(), "dovecot (Debian package dovecot-imapd)");
        try (DovecotServer dovecot = DovecotServer.startWithTls(dir, "DNS:mail.example.org")) {
            Config config = config(dovecot, """
                      - name: other-name
                        imap: {%s, port: %d, tls: implicit, ca-file: %s}
                      - name: other-name-starttls
                        imap: {%s, port: %d, tls: starttls, ca-file: %s}
                      - name: untrusted
                        imap: {%s, port: %d, tls: implicit}
                    """.formatted(account(dovecot), dovecot.tlsPort(), dovecot.certificate(),
                    account(dovecot), dovecot.port(), dovecot.certificate(), account(dovecot), dovecot.tlsPort()));
            try (TalkStore store = TalkStore.open(config.store())) {
                Daemon daemon = daemon(config, store);
                Thread running = new Thread(daemon::runUntilStopped, "daemon under test");
                running.start();
                try {
                    Waits.until(() -> statuses(store).values().stream().filter(s -> "TLS refused".equals(s.state())).count() == 3,
                            "all three mailboxes to fail their first connection");
                    Map<String, MailboxStatus> statuses = statuses(store);
                    for (String mailbox : new String[] {"other-name", "other-name-starttls"}) {
                        assertThat(statuses.get(mailbox).detail()).as(mailbox)
                                .contains("TLS", "before the login", "certificate does not name 127.0.0.1")
                                .doesNotContain(dovecot.password());
                    }
                    assertThat(statuses.get("untrusted").detail()).contains("TLS", "not signed by a trusted authority", "set ca-file");
                    assertThat(logins(dovecot, true)).as("no password was sent").isZero();
                    assertThat(logins(dovecot, false)).as("only the server's own check logged in").isEqualTo(1);
                } finally {
                    daemon.stop();
                    running.join(10_000);
                }
            }
        }
    }

    private static String account(DovecotServer dovecot) {
        return "host: %s, user: %s, password-file: password, reconnect-min-seconds: 30".formatted(dovecot.host(), dovecot.user());
    }

    private Config config(DovecotServer dovecot, String mailboxes) throws Exception {
        Files.writeString(dir.resolve("password"), dovecot.password());
        Path file = dir.resolve("talkfeed.yaml");
        Files.writeString(file, "store: data/talkfeed.db\nsite: site\nmailboxes:\n" + mailboxes.stripTrailing() + "\n");
        return new ConfigLoader().load(file);
    }

    private static Daemon daemon(Config config, TalkStore store) {
        return new Daemon(config, store, new SitePublisher(config.site(), "tls", Duration.ofHours(1), null, "America/Chicago",
                Clock.systemUTC()));
    }

    private static Map<String, MailboxStatus> statuses(TalkStore store) {
        return store.statuses().stream().collect(Collectors.toMap(MailboxStatus::mailbox, s -> s));
    }

    /** Logins Dovecot has logged, over TLS or not (the server's start-up check and the test's APPEND do without). */
    private static long logins(DovecotServer dovecot, boolean overTls) {
        try {
            return dovecot.logText().lines().filter(line -> line.contains("Login: user=<" + dovecot.user() + ">"))
                    .filter(line -> line.contains(", TLS,") == overTls).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

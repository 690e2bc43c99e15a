package org.talkfeed.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.talk.Moderation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The moderation and receipts keys of a mailbox: off unless given, on in short or in full, and checked. */
class ModerationConfigTest {
    @TempDir
    Path dir;

    private Config load(String mailboxKeys, String topKeys) throws Exception {
        Files.createDirectories(dir.resolve("mail/cur"));
        Files.createDirectories(dir.resolve("mail/new"));
        return new ConfigLoader().load(Files.writeString(dir.resolve("talkfeed.yaml"),
                topKeys + "mailboxes:\n  - name: talks\n    maildir: mail\n" + mailboxKeys));
    }

    private static final String SMTP = "smtp:\n  host: 127.0.0.1\n  tls: none\n";

    @Test
    void bothAreOffUnlessGiven() throws Exception {
        MailboxConfig mailbox = load("", "").mailboxes().get(0);
        assertThat(mailbox.moderation().on()).isFalse();
        assertThat(mailbox.receipts().on()).isFalse();
    }

    @Test
    void onInShortTakesTheDefaultsAndInFullTakesWhatIsGiven() throws Exception {
        assertThat(load("    moderation: on\n", "").mailboxes().get(0).moderation())
                .isEqualTo(new Moderation(true, 0.8, List.of()));
        assertThat(load("    moderation:\n      threshold: 0.9\n      hold-warnings: [No Speaker Found]\n", "").mailboxes().get(0)
                .moderation()).isEqualTo(new Moderation(true, 0.9, List.of("no speaker found")));
        MailboxConfig receipts = load("    receipts:\n      from: talks@dept.example\n      per-sender-per-hour: 5\n", SMTP)
                .mailboxes().get(0);
        assertThat(receipts.receipts().on()).isTrue();
        assertThat(receipts.receipts().from()).isEqualTo("talks@dept.example");
        assertThat(receipts.receipts().perSenderPerHour()).isEqualTo(5);
        assertThat(load("    receipts: on\n", SMTP + "digest:\n  from: digest@dept.example\n").mailboxes().get(0).receipts().from())
                .isEqualTo("digest@dept.example");
    }

    @Test
    void wrongValuesAreRefusedWithTheKey() {
        assertThatThrownBy(() -> load("    moderation:\n      threshold: 1.5\n", ""))
                .hasMessageContaining("mailboxes[0].moderation.threshold: expected a number from 0 to 1, not \"1.5\"");
        assertThatThrownBy(() -> load("    moderation: maybe\n", ""))
                .hasMessageContaining("mailboxes[0].moderation: expected on, off, true, false or a mapping");
        assertThatThrownBy(() -> load("    receipts: on\n", SMTP))
                .hasMessageContaining("mailboxes[0].receipts.from: missing");
        assertThatThrownBy(() -> load("    receipts:\n      from: talks@dept.example\n", ""))
                .hasMessageContaining("smtp.host: missing: the receipts of mailboxes[0].receipts need an SMTP server");
        assertThatThrownBy(() -> load("    receipts:\n      form: talks@dept.example\n", SMTP))
                .hasMessageContaining("mailboxes[0].receipts.form: unknown key");
    }
}

package org.talkfeed.config;

import org.talkfeed.mail.ImapConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.receipt.ReceiptsConfig;
import org.talkfeed.talk.Moderation;
import org.talkfeed.talk.SenderRules;

import java.nio.file.Path;

/**
 * One mailbox to read: a Maildir folder or an IMAP account (exactly one of the two), with the defaults
 * that apply to its messages, who may announce on it, whether its new talks wait for an admin ({@code moderation}),
 * and whether their senders get a receipt.
 */
public record MailboxConfig(String name, Path maildir, ImapConfig imap, String timezone, String series, boolean dayFirst,
                            SenderRules senders, Moderation moderation, ReceiptsConfig receipts) {

    /** A mailbox without moderation or receipts. */
    public MailboxConfig(String name, Path maildir, ImapConfig imap, String timezone, String series, boolean dayFirst,
                         SenderRules senders) {
        this(name, maildir, imap, timezone, series, dayFirst, senders, Moderation.OFF, ReceiptsConfig.OFF);
    }

    /** A mailbox that is no configured place, for imports and tests: these defaults, anyone may announce. */
    public static MailboxConfig of(String name, ExtractionDefaults defaults) {
        return new MailboxConfig(name, null, null, defaults.timezone(), defaults.series(), defaults.dayFirst(), SenderRules.ANYONE);
    }

    public MailboxConfig withSenders(SenderRules policy) {
        return new MailboxConfig(name, maildir, imap, timezone, series, dayFirst, policy, moderation, receipts);
    }

    public ExtractionDefaults defaults() {
        return new ExtractionDefaults(timezone, series, dayFirst);
    }
}

package org.talkfeed.pipeline;

import org.talkfeed.config.MailboxConfig;
import org.talkfeed.mail.ImapMailbox;
import org.talkfeed.mail.MaildirFolder;
import org.talkfeed.mail.MessageSource;

/** The reader for a configured mailbox. */
final class Mailboxes {
    private Mailboxes() {
    }

    static MessageSource open(MailboxConfig mailbox) {
        return mailbox.maildir() != null ? new MaildirFolder(mailbox.maildir()) : new ImapMailbox(mailbox.imap());
    }
}

package org.talkfeed.config;

import org.talkfeed.extract.ExtractionDefaults;

import java.nio.file.Path;

/**
 * One mailbox to read: a Maildir folder or an IMAP account (exactly one of the two), with the defaults
 * that apply to its messages.
 */
public record MailboxConfig(String name, Path maildir, ImapConfig imap, String timezone, String series, boolean dayFirst) {

    public ExtractionDefaults defaults() {
        return new ExtractionDefaults(timezone, series, dayFirst);
    }
}

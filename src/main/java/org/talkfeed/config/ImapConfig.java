package org.talkfeed.config;

import java.nio.file.Path;

/**
 * An IMAP account. The password is never in the file: it is read from the environment variable
 * {@code passwordEnv} or from the file {@code passwordFile} when the mailbox is opened.
 */
public record ImapConfig(String host, int port, Tls tls, String user, String passwordEnv, Path passwordFile, String folder) {

    public enum Tls { IMPLICIT, STARTTLS, NONE }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + folder;
    }
}

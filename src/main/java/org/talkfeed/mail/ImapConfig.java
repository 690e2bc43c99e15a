package org.talkfeed.mail;

import java.nio.file.Path;
import java.time.Duration;

/**
 * An IMAP account. The password is never in the file: it is read from the environment variable
 * {@code passwordEnv} or from the file {@code passwordFile} when the mailbox is opened.
 *
 * @param caFile          certificates to trust for TLS instead of the system's (a private CA); null for the system's
 * @param idle            wait for new mail with IDLE when the server offers it (else poll)
 * @param afterProcessing what to do to a message once it is recorded; never delete
 * @param moveTo          the folder processed messages go to, with {@link AfterProcessing#MOVE}
 * @param reconnectMin    the first wait after a dropped connection; doubled (with jitter) on each failure
 * @param reconnectMax    the longest wait between reconnection attempts
 * @param authRetry       the wait after the server refused the login
 * @param timeout         connect and read timeout
 */
public record ImapConfig(String host, int port, Tls tls, Path caFile, String user, String passwordEnv, Path passwordFile, String folder,
                         boolean idle, AfterProcessing afterProcessing, String moveTo,
                         Duration reconnectMin, Duration reconnectMax, Duration authRetry, Duration timeout) {

    public enum Tls { IMPLICIT, STARTTLS, NONE }

    public enum AfterProcessing { KEEP, SEEN, FLAG, MOVE }

    @Override
    public String toString() {
        return user + "@" + host + ":" + port + "/" + folder;
    }
}

package org.talkfeed.smtp;

import java.nio.file.Path;

/**
 * The SMTP server the digest is sent through. The password is never configured: it is read from
 * {@link #PASSWORD_VARIABLE} when sending, and only when {@code user} is set.
 *
 * @param caFile certificates to trust for TLS instead of the system's (a private CA); null for the system's
 */
public record SmtpConfig(String host, int port, Tls tls, Path caFile, String user) {
    public static final String PASSWORD_VARIABLE = "TALKFEED_SMTP_PASSWORD";

    /** STARTTLS on the submission port, TLS from the first byte, or none (only to a server on this machine). */
    public enum Tls { STARTTLS, TLS, NONE }

    public SmtpConfig {
        if (tls == Tls.NONE && !isLoopback(host)) {
            throw new IllegalArgumentException("SMTP without TLS is allowed only to a server on this machine "
                    + "(localhost, 127.0.0.1, ::1), not " + host + ": use starttls or tls");
        }
        if (tls == Tls.NONE && caFile != null) {
            throw new IllegalArgumentException("a CA file is only used with TLS");
        }
    }

    public static int defaultPort(Tls tls) {
        return switch (tls) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        };
    }

    /** A host name that can only be this machine, known without asking DNS. */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || h.equals("::1") || h.equals("[::1]");
    }
}

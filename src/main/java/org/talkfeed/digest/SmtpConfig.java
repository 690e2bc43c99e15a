package org.talkfeed.digest;

/**
 * The SMTP server the digest is sent through. The password is never configured: it is read from
 * {@link #PASSWORD_VARIABLE} when sending, and only when {@code user} is set.
 */
public record SmtpConfig(String host, int port, Tls tls, String user) {
    public static final String PASSWORD_VARIABLE = "TALKFEED_SMTP_PASSWORD";

    /** STARTTLS on the submission port, TLS from the first byte, or none (only to a server on this machine). */
    public enum Tls { STARTTLS, TLS, NONE }

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

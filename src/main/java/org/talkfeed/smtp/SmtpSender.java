package org.talkfeed.smtp;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.talkfeed.mail.TlsTrust;

import java.io.IOException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Sends a message through the configured SMTP server: STARTTLS (required, not merely tried) or TLS from the first
 * byte, the server's certificate checked against its name and the system's trust (or {@link SmtpConfig#caFile}), a login when a user is configured with the password from
 * {@link SmtpConfig#PASSWORD_VARIABLE}.
 */
public final class SmtpSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SmtpConfig config;
    private final UnaryOperator<String> environment;
    private final Session session;

    /** @param environment the environment's variables by name (System::getenv) */
    public SmtpSender(SmtpConfig config, UnaryOperator<String> environment) {
        this.config = config;
        this.environment = environment;
        this.session = Session.getInstance(properties(config));
    }

    public Session session() {
        return session;
    }

    public void send(MimeMessage message) throws MessagingException {
        String password = null;
        if (config.user() != null) {
            password = environment.apply(SmtpConfig.PASSWORD_VARIABLE);
            if (password == null || password.isEmpty()) {
                throw new MessagingException("smtp.user is " + config.user() + " but " + SmtpConfig.PASSWORD_VARIABLE
                        + " is not set: the SMTP password comes from that environment variable");
            }
        }
        String protocol = config.tls() == SmtpConfig.Tls.TLS ? "smtps" : "smtp";
        try (Transport transport = sendingSession(protocol).getTransport(protocol)) {
            try {
                transport.connect(config.host(), config.port(), config.user(), password);
            } catch (MessagingException e) {
                throw new MessagingException("the SMTP server " + config.host() + ":" + config.port() + " (tls: "
                        + config.tls().name().toLowerCase(Locale.ROOT) + ") " + whyNotConnected(e), e);
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** The session, trusting the certificates of smtp.ca-file as that file is now, when one is set. */
    private Session sendingSession(String protocol) throws MessagingException {
        if (config.caFile() == null) {
            return session;
        }
        Properties props = properties(config);
        try {
            props.put("mail." + protocol + ".ssl.socketFactory", TlsTrust.socketFactory(config.caFile()));
            // Otherwise a refused handshake is tried again with the system's trust, and that error is the one reported.
            props.setProperty("mail." + protocol + ".socketFactory.fallback", "false");
        } catch (IOException e) {
            throw new MessagingException("smtp.ca-file: " + e.getMessage(), e);
        }
        return Session.getInstance(props);
    }

    private String whyNotConnected(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return "refused the login of " + config.user() + " (" + e.getMessage().strip() + ")";
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return "has a TLS certificate that is not signed by a trusted authority" + (config.caFile() == null
                        ? " (for a private CA, set smtp.ca-file)" : " (smtp.ca-file " + config.caFile() + ")");
            }
            if (cause instanceof CertificateException && cause.getMessage() != null
                    && cause.getMessage().matches("(?is).*\\b(subject alternative names?|name matching)\\b.*")) {
                return "has a TLS certificate that does not name " + config.host() + " (" + cause.getMessage() + ")";
            }
        }
        return "could not be used: " + e.getMessage();
    }

    private static Properties properties(SmtpConfig config) {
        String protocol = config.tls() == SmtpConfig.Tls.TLS ? "smtps" : "smtp";
        String timeout = Long.toString(TIMEOUT.toMillis());
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".host", config.host());
        props.setProperty("mail." + protocol + ".port", Integer.toString(config.port()));
        props.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        props.setProperty("mail." + protocol + ".timeout", timeout);
        props.setProperty("mail." + protocol + ".writetimeout", timeout);
        props.setProperty("mail." + protocol + ".auth", Boolean.toString(config.user() != null));
        props.setProperty("mail.debug", System.getProperty("talkfeed.mail.debug", "false"));
        if (config.tls() == SmtpConfig.Tls.STARTTLS) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        if (config.tls() != SmtpConfig.Tls.NONE) {
            // Jakarta Mail does not check that the certificate names the host unless asked.
            props.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return props;
    }
}

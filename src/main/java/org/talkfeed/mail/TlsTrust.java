package org.talkfeed.mail;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * TLS that trusts the certificates of one PEM file (a private CA, or a server's own self-signed certificate)
 * instead of the system's, as {@code imap.ca-file} asks. The server's name is still checked against its certificate.
 */
public final class TlsTrust {
    private TlsTrust() {
    }

    /** The certificates in a PEM (or DER) file; at least one, or an exception that says what is wrong with the file. */
    public static Collection<? extends Certificate> certificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IOException(file + " is not a PEM certificate file (" + e.getMessage() + ")", e);
        }
    }

    /** Sockets that trust exactly the certificates in {@code file}. */
    public static SSLSocketFactory socketFactory(Path file) throws IOException {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates(file)) {
                trusted.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with the certificates of " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.talkfeed.digest;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

/**
 * GreenMail with SMTP over TLS from the first byte on a free port of 127.0.0.1, whose certificate is made by the
 * JDK's keytool for one subject alternative name (such as "ip:127.0.0.1") and written as PEM to {@link #certificate}.
 * GreenMail's own certificate names no host, so no client that checks the name can use it.
 */
final class SmtpsGreenMail extends GreenMail {
    private static final String STORE_PASSWORD = "test-only";

    private final Path certificate;
    private final SSLContext tls;

    SmtpsGreenMail(Path dir, String subjectAltName) throws IOException, GeneralSecurityException {
        super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        Files.createDirectories(dir);
        Path keyStore = dir.resolve("server.p12");
        certificate = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=talkfeed test server", "-ext", "SAN=" + subjectAltName,
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
    }

    /** The server's self-signed certificate, to trust as a CA. */
    Path certificate() {
        return certificate;
    }

    int port() {
        return getSmtps().getPort();
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        // Called by GreenMail's constructor, before this class's fields are set: the socket is made at start.
        return Map.of(ServerSetup.PROTOCOL_SMTPS, new SmtpServer(config[0], managers) {
            @Override
            protected ServerSocket openServerSocket() throws IOException {
                ServerSocket socket = tls.getServerSocketFactory().createServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(bindTo, setup.getPort()));
                setup = setup.port(socket.getLocalPort());
                return socket;
            }
        });
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (keytool.waitFor() != 0) {
                throw new IOException("keytool could not make a test certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making a test certificate", e);
        }
    }
}

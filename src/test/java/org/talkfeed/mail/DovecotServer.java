package org.talkfeed.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Dovecot IMAP server for tests: plain IMAP on 127.0.0.1, one user with a Maildir, everything (config,
 * sockets, logs, mail) inside the given temporary folder. Dovecot runs in the foreground (-F) as a child process.
 * Started {@link #startWithTls with TLS}, it also offers STARTTLS on the plain port and implicit TLS on a second one,
 * with a self-signed certificate made by openssl for the name it is given.
 */
public final class DovecotServer implements AutoCloseable {
    private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");
    private static final String HOST = "127.0.0.1";
    private static final String USER = "talks";
    private static final String PASSWORD = "dovecot-Pa55word";
    private static final long START_MILLIS = 10_000;
    private static final long STOP_MILLIS = 10_000;

    private final Path dir;
    private final Path home;
    private final int port;
    private final int tlsPort;
    private final String internalUser;
    private final String internalGroup;
    private final String loginUser;
    private final Session session;
    private int starts;
    private Process process;
    private Thread shutdownHook;

    private DovecotServer(Path dir, int port, int tlsPort) throws IOException {
        this.dir = dir;
        this.home = Files.createDirectories(dir.resolve("home"));
        this.port = port;
        this.tlsPort = tlsPort;
        PosixFileAttributes me = Files.readAttributes(dir, PosixFileAttributes.class);
        internalUser = me.owner().getName();
        internalGroup = me.group().getName();
        boolean root = (Integer) Files.getAttribute(dir, "unix:uid") == 0;
        if (root) {
            // Dovecot refuses to run imap-login, or to read mail, as root (and passwd-file rejects UID 0).
            UserPrincipalLookupService names = dir.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView homeView = Files.getFileAttributeView(home, PosixFileAttributeView.class);
            homeView.setOwner(names.lookupPrincipalByName("nobody"));
            homeView.setGroup(names.lookupPrincipalByGroupName("nogroup"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        loginUser = root ? "nobody" : internalUser;
        Files.writeString(dir.resolve("passwd"), USER + ":{PLAIN}" + PASSWORD + ":"
                + Files.getAttribute(home, "unix:uid") + ":" + Files.getAttribute(home, "unix:gid") + "::" + home + "::\n");
        session = Session.getInstance(sessionProperties());
    }

    /** Whether Debian's dovecot-imapd is installed. */
    public static boolean isInstalled() {
        return Files.isRegularFile(DOVECOT) && Files.isExecutable(DOVECOT);
    }

    /** Starts Dovecot on a free port, keeping everything in {@code dir} (a test's temporary folder). */
    public static DovecotServer start(Path dir) throws IOException {
        DovecotServer server = new DovecotServer(dir, freePorts(1)[0], 0);
        server.launch();
        return server;
    }

    /**
     * Starts Dovecot with TLS: STARTTLS on {@link #port}, implicit TLS on {@link #tlsPort}, and a self-signed
     * certificate, {@link #certificate}, whose only name is {@code subjectAltName} (such as "IP:127.0.0.1").
     */
    public static DovecotServer startWithTls(Path dir, String subjectAltName) throws IOException {
        int[] ports = freePorts(2);
        DovecotServer server = new DovecotServer(dir, ports[0], ports[1]);
        server.makeCertificate(subjectAltName);
        server.launch();
        return server;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** The implicit-TLS port; 0 when started without TLS. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The server's self-signed certificate (PEM), to trust as a CA; only with TLS. */
    public Path certificate() {
        return dir.resolve("tls/cert.pem");
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The Maildir that holds the user's INBOX (with new/, cur/ and tmp/ once Dovecot created it). */
    public Path inboxMaildir() {
        return home.resolve("Maildir");
    }

    /** A session for plain IMAP to this server (no TLS). */
    public Session session() {
        return session;
    }

    /** A store logged in as the test user; the caller closes it. */
    public IMAPStore connect() throws MessagingException {
        IMAPStore store = (IMAPStore) session.getStore("imap");
        store.connect(HOST, port, USER, PASSWORD);
        return store;
    }

    /** Appends a message to the INBOX over IMAP and returns its UID. */
    public long append(byte[] rfc822) throws MessagingException {
        try (IMAPStore store = connect()) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(rfc822));
            AppendUID[] uids = inbox.appendUIDMessages(new Message[] {message});
            if (uids == null || uids[0] == null) {
                throw new IllegalStateException("Dovecot did not report the appended message's UID (UIDPLUS)");
            }
            return uids[0].uid;
        }
    }

    /** Stops Dovecot, the master and all its processes; waits until they are gone. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        terminate(process);
        process = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }

    /** Stops and starts again on the same port with the same mail. */
    public synchronized void restart() throws IOException {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch() throws IOException {
        Path baseDir = dir.resolve("base-" + ++starts);
        Path config = dir.resolve("dovecot.conf");
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(config, config(baseDir));
        Process started = new ProcessBuilder(DOVECOT.toString(), "-F", "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dovecot.out").toFile()))
                .start();
        shutdownHook = new Thread(() -> terminate(started), "dovecot-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        process = started;
        try {
            awaitGreeting();
            awaitLogin();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private String config(Path baseDir) {
        return String.join("\n",
                "protocols = imap",
                "listen = " + HOST,
                "base_dir = " + baseDir,
                "state_dir = " + dir.resolve("state"),
                "log_path = " + log(),
                "info_log_path = " + log(),
                tlsPort == 0 ? "ssl = no" : "ssl = yes\nssl_cert = <" + certificate() + "\nssl_key = <" + dir.resolve("tls/key.pem"),
                "disable_plaintext_auth = no",
                "default_internal_user = " + internalUser,
                "default_internal_group = " + internalGroup,
                "default_login_user = " + loginUser,
                "mail_location = maildir:" + inboxMaildir(),
                // IDLE wakes on inotify; this is the fallback where a machine runs out of inotify instances.
                "mailbox_idle_check_interval = 1 secs",
                "passdb {",
                "  driver = passwd-file",
                "  args = " + dir.resolve("passwd"),
                "}",
                "userdb {",
                "  driver = passwd-file",
                "  args = " + dir.resolve("passwd"),
                "}",
                "service imap-login {",
                "  chroot =",
                "  inet_listener imap {",
                "    address = " + HOST,
                "    port = " + port,
                "  }",
                "  inet_listener imaps {",
                tlsPort == 0 ? "    port = 0" : "    address = " + HOST + "\n    port = " + tlsPort,
                "  }",
                "}",
                "service anvil {",
                "  chroot =",
                "}",
                "");
    }

    private void makeCertificate(String subjectAltName) throws IOException {
        Path tls = Files.createDirectories(dir.resolve("tls"));
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=talkfeed test server", "-addext", "subjectAltName=" + subjectAltName,
                "-keyout", tls.resolve("key.pem").toString(), "-out", certificate().toString())
                .redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (openssl.waitFor() != 0) {
                throw new IllegalStateException("openssl could not make a test certificate: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a test certificate", e);
        }
    }

    private void awaitGreeting() {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        String last = "no connection";
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dovecot exited with status " + process.exitValue() + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                socket.setSoTimeout(2_000);
                String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                if (greeting != null && greeting.startsWith("* OK")) {
                    return;
                }
                last = "greeting " + greeting;
            } catch (IOException e) {
                last = e.toString();
            }
            sleep(100);
        }
        throw new IllegalStateException("dovecot did not greet on " + HOST + ":" + port + " within " + START_MILLIS
                + " ms (" + last + ")" + logTail());
    }

    /** Logs in and opens the INBOX, which also makes Dovecot create the Maildir. */
    private void awaitLogin() {
        try (IMAPStore store = connect()) {
            store.getFolder("INBOX").open(Folder.READ_ONLY);
        } catch (MessagingException e) {
            throw new IllegalStateException("dovecot greets but the test user cannot open the INBOX: " + e + logTail(), e);
        }
    }

    private static void terminate(Process dovecot) {
        List<ProcessHandle> children = dovecot.descendants().toList();
        dovecot.destroy();
        try {
            if (!dovecot.waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS)) {
                dovecot.destroyForcibly().waitFor(STOP_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            dovecot.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        long deadline = System.currentTimeMillis() + STOP_MILLIS;
        for (ProcessHandle child : children) {
            child.destroyForcibly();
            while (child.isAlive() && System.currentTimeMillis() < deadline) {
                sleep(20);
            }
        }
    }

    private Path log() {
        return dir.resolve("dovecot.log");
    }

    /** What Dovecot has logged so far (logins, TLS handshakes, errors). */
    public String logText() throws IOException {
        return Files.exists(log()) ? Files.readString(log()) : "";
    }

    private String logTail() {
        List<String> lines = new ArrayList<>();
        for (Path file : List.of(dir.resolve("dovecot.out"), log())) {
            try {
                if (Files.exists(file)) {
                    List<String> all = Files.readAllLines(file);
                    lines.add("--- " + file.getFileName());
                    lines.addAll(all.subList(Math.max(0, all.size() - 20), all.size()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines.isEmpty() ? "; no dovecot log" : "\n" + String.join("\n", lines);
    }

    private Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.store.protocol", "imap");
        p.setProperty("mail.imap.host", HOST);
        p.setProperty("mail.imap.port", Integer.toString(port));
        p.setProperty("mail.imap.connectiontimeout", "5000");
        p.setProperty("mail.imap.timeout", "30000");
        return p;
    }

    /** Ports free at the moment, all different: each is held until all are found. */
    private static int[] freePorts(int count) throws IOException {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST));
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dovecot", e);
        }
    }
}

package org.talkfeed.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One open IMAP folder: its new messages by UID, IDLE, and what is done to a message once it is
 * recorded. Messages are read with BODY.PEEK, so reading never marks them seen. The password is read
 * here, used for the login, and never kept or logged.
 */
public final class ImapConnection implements AutoCloseable {
    private final ImapConfig config;
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final ScheduledExecutorService waker;
    private final long maxBytes;

    private ImapConnection(ImapConfig config, IMAPStore store, IMAPFolder folder, long maxBytes) {
        this.config = config;
        this.store = store;
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.waker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idle-waker " + config);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Logs in and opens the configured folder.
     *
     * @throws jakarta.mail.AuthenticationFailedException when the server refuses the login
     * @throws MissingPasswordException                  when the password's variable or file is missing
     */
    public static ImapConnection open(ImapConfig config) throws MessagingException {
        return open(config, RawMessage.MAX_BYTES);
    }

    /** As {@link #open(ImapConfig)}; messages larger than {@code maxBytes} are not fetched. */
    public static ImapConnection open(ImapConfig config, long maxBytes) throws MessagingException {
        String protocol = config.tls() == ImapConfig.Tls.IMPLICIT ? "imaps" : "imap";
        String timeout = Long.toString(config.timeout().toMillis());
        Properties props = new Properties();
        props.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        props.setProperty("mail." + protocol + ".timeout", timeout);
        props.setProperty("mail." + protocol + ".writetimeout", timeout);
        props.setProperty("mail." + protocol + ".peek", "true");
        props.setProperty("mail.debug", System.getProperty("talkfeed.mail.debug", "false"));
        if (config.tls() == ImapConfig.Tls.STARTTLS) {
            props.setProperty("mail.imap.starttls.enable", "true");
            props.setProperty("mail.imap.starttls.required", "true");
        }
        if (config.tls() != ImapConfig.Tls.NONE) {
            // Jakarta Mail does not check that the certificate names the host unless asked.
            props.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
            if (config.caFile() != null) {
                try {
                    props.put("mail." + protocol + ".ssl.socketFactory", TlsTrust.socketFactory(config.caFile()));
                    // Otherwise a refused handshake is tried again with the system's trust, and that error is the one reported.
                    props.setProperty("mail." + protocol + ".socketFactory.fallback", "false");
                } catch (IOException e) {
                    throw new MessagingException("ca-file: " + e.getMessage(), e);
                }
            }
        }
        IMAPStore store = (IMAPStore) Session.getInstance(props).getStore(protocol);
        try {
            store.connect(config.host(), config.port(), config.user(), password(config));
        } catch (MessagingException e) {
            throw certificateProblem(e, config).orElseThrow(() -> e);
        }
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(config.folder());
            folder.open(config.afterProcessing() == ImapConfig.AfterProcessing.KEEP ? Folder.READ_ONLY : Folder.READ_WRITE);
            return new ImapConnection(config, store, folder, maxBytes);
        } catch (MessagingException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static String password(ImapConfig config) throws MissingPasswordException {
        if (config.passwordEnv() != null) {
            String value = System.getenv(config.passwordEnv());
            if (value == null) {
                throw new MissingPasswordException("the environment variable " + config.passwordEnv() + " (password-env) is not set");
            }
            return value;
        }
        try {
            return Files.readString(config.passwordFile(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new MissingPasswordException("the password file " + config.passwordFile() + " (password-file) cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }

    /** How a message of this account is named in logs and in the store. */
    public static String origin(ImapConfig config, long uid) {
        return "imap:" + config + "/" + uid;
    }

    public long uidValidity() throws MessagingException {
        return folder.getUIDValidity();
    }

    public boolean offersIdle() throws MessagingException {
        return store.hasCapability("IDLE");
    }

    /** The UIDs after {@code lastUid}, oldest first. Their sizes are fetched with them, in one command. */
    public List<Long> uidsAfter(long lastUid) throws MessagingException {
        Message[] messages = folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
        FetchProfile sizes = new FetchProfile();
        sizes.add(FetchProfile.Item.SIZE);
        folder.fetch(messages, sizes);
        List<Long> result = new ArrayList<>();
        for (Message m : messages) {
            long uid = folder.getUID(m);
            // "n:*" also matches the last message when every UID is below n
            if (uid > lastUid) {
                result.add(uid);
            }
        }
        return result;
    }

    /**
     * The message at the checkpoint's UID, carrying that checkpoint; null when it was expunged meanwhile. A message whose
     * size (RFC822.SIZE) is over the limit is not fetched: it comes as a message too large to read.
     */
    public RawMessage fetch(Checkpoint at) throws MessagingException, IOException {
        Message message = folder.getMessageByUID(at.position());
        if (message == null) {
            return null;
        }
        int size = message.getSize();
        if (size > maxBytes) {
            return RawMessage.tooLarge(origin(config, at.position()), size, maxBytes, at);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        message.writeTo(bytes);
        return new RawMessage(origin(config, at.position()), bytes.toByteArray(), at);
    }

    /** Flags or moves a recorded message, as configured; never deletes it. */
    public void afterProcessing(long uid) throws MessagingException {
        Message message = folder.getMessageByUID(uid);
        if (message != null) {
            mark(new Message[] {message});
        }
    }

    /**
     * Flags or moves the message, as configured, unless it is already: flagged or seen, or (moving) gone from the folder.
     * Moving needs the server's MOVE, since a copy made before cannot be told from none. Returns whether it was marked.
     */
    public boolean markIfUnmarked(long uid) throws MessagingException {
        Message message = folder.getMessageByUID(uid);
        boolean unmarked = message != null && switch (config.afterProcessing()) {
            case KEEP -> false;
            case SEEN -> !message.isSet(Flags.Flag.SEEN);
            case FLAG -> !message.isSet(Flags.Flag.FLAGGED);
            case MOVE -> store.hasCapability("MOVE");
        };
        if (unmarked) {
            mark(new Message[] {message});
        }
        return unmarked;
    }

    private void mark(Message[] messages) throws MessagingException {
        switch (config.afterProcessing()) {
            case KEEP -> {
            }
            case SEEN -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            case FLAG -> folder.setFlags(messages, new Flags(Flags.Flag.FLAGGED), true);
            case MOVE -> {
                Folder target = store.getFolder(config.moveTo());
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                if (store.hasCapability("MOVE")) {
                    folder.moveMessages(messages, target);
                } else {
                    folder.copyMessages(messages, target);
                }
            }
        }
    }

    /**
     * Waits in IDLE until the server reports a change, {@code max} passes, or {@link #wakeUp()} is
     * called from another thread.
     */
    public void idle(Duration max) throws MessagingException {
        ScheduledFuture<?> wake = waker.schedule(this::wakeUp, max.toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            wake.cancel(false);
        }
    }

    /** Ends an IDLE in progress on another thread: any command on the folder does. */
    public void wakeUp() {
        try {
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone; the waiting thread sees that itself
        }
    }

    public boolean isOpen() {
        return folder.isOpen() && store.isConnected();
    }

    @Override
    public void close() {
        waker.shutdownNow();
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            // closing a dropped connection; nothing left to do
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // as above
        }
    }

    /** Why the server's certificate was refused, when that is why the connection failed. */
    private static Optional<CertificateRefusedException> certificateProblem(MessagingException e, ImapConfig config) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateExpiredException || cause instanceof CertificateNotYetValidException
                    || cause instanceof CertPathValidatorException invalid && (invalid.getReason() == BasicReason.EXPIRED
                    || invalid.getReason() == BasicReason.NOT_YET_VALID)) {
                return Optional.of(new CertificateRefusedException("the server's TLS certificate is outside its dates of validity ("
                        + cause.getMessage() + ")", e));
            }
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException) {
                return Optional.of(new CertificateRefusedException("the server's TLS certificate is not signed by a trusted authority"
                        + (config.caFile() == null ? " (for a private CA or a self-signed certificate, set ca-file)"
                        : " (ca-file " + config.caFile() + ")"), e));
            }
            if (cause instanceof CertificateException && cause.getMessage() != null
                    && cause.getMessage().matches("(?is).*\\b(subject alternative names?|name matching)\\b.*")) {
                return Optional.of(new CertificateRefusedException("the server's TLS certificate does not name " + config.host()
                        + " (" + cause.getMessage() + ")", e));
            }
        }
        return Optional.empty();
    }

    /** The server's certificate was refused before the login: reported like a refused login, and retried as slowly. */
    public static final class CertificateRefusedException extends MessagingException {
        public CertificateRefusedException(String message, Exception cause) {
            super(message, cause);
        }
    }

    /** The configured password cannot be had: reported like a refused login, and retried as slowly. */
    public static final class MissingPasswordException extends MessagingException {
        public MissingPasswordException(String message) {
            super(message);
        }
    }
}

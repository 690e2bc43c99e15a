package org.talkfeed.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.talkfeed.config.ImapConfig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * An IMAP folder read without changing it. Each poll fetches the whole folder; the store skips
 * messages it has seen by Message-ID. The password is read when the folder is opened and never logged.
 */
public final class ImapMailbox implements MessageSource {
    private final ImapConfig config;

    public ImapMailbox(ImapConfig config) {
        this.config = config;
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        Properties props = new Properties();
        String protocol = config.tls() == ImapConfig.Tls.IMPLICIT ? "imaps" : "imap";
        props.setProperty("mail." + protocol + ".connectiontimeout", "20000");
        props.setProperty("mail." + protocol + ".timeout", "60000");
        if (config.tls() == ImapConfig.Tls.STARTTLS) {
            props.setProperty("mail.imap.starttls.enable", "true");
            props.setProperty("mail.imap.starttls.required", "true");
        }
        Session session = Session.getInstance(props);
        try {
            Store store = session.getStore(protocol);
            store.connect(config.host(), config.port(), config.user(), password());
            try {
                Folder folder = store.getFolder(config.folder());
                folder.open(Folder.READ_ONLY);
                try {
                    List<RawMessage> result = new ArrayList<>();
                    UIDFolder uids = folder instanceof UIDFolder u ? u : null;
                    for (Message message : folder.getMessages()) {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        message.writeTo(bytes);
                        String origin = "imap:" + config.user() + "@" + config.host() + "/" + config.folder() + "/"
                                + (uids == null ? message.getMessageNumber() : uids.getUID(message));
                        result.add(new RawMessage(origin, bytes.toByteArray()));
                    }
                    return result.stream();
                } finally {
                    folder.close(false);
                }
            } finally {
                store.close();
            }
        } catch (MessagingException e) {
            throw new IOException("IMAP " + config + ": " + e.getMessage(), e);
        }
    }

    private String password() throws IOException {
        if (config.passwordEnv() != null) {
            String value = System.getenv(config.passwordEnv());
            if (value == null) {
                throw new IOException("IMAP " + config + ": environment variable " + config.passwordEnv() + " is not set");
            }
            return value;
        }
        return Files.readString(config.passwordFile(), StandardCharsets.UTF_8).strip();
    }
}

package org.talkfeed.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.TestMail;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DovecotServerTest {
    @TempDir
    Path dir;
    private DovecotServer server;

    @BeforeEach
    void start() throws IOException {
        Needs.that(DovecotServer.isInstalled(), "dovecot (Debian package dovecot-imapd)");
        server = DovecotServer.start(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void appendedMessagesAreReadBackOverPlainImapWithTheirUids() throws Exception {
        long first = server.append(talk("<first@dept.example>", "Graph Sparsifiers"));
        long second = server.append(talk("<second@dept.example>", "Lattice Sieving"));
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);

        try (IMAPStore store = server.connect()) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getUIDValidity()).isPositive();
            Message[] messages = inbox.getMessages();
            assertThat(messages).hasSize(2);
            assertThat(inbox.getUID(messages[0])).isEqualTo(first);
            assertThat(inbox.getUID(messages[1])).isEqualTo(second);
            assertThat(((MimeMessage) messages[0]).getMessageID()).isEqualTo("<first@dept.example>");
            assertThat(messages[1].getSubject()).isEqualTo("Lattice Sieving");
            assertThat(inbox.getMessageByUID(second).getSubject()).isEqualTo("Lattice Sieving");
            inbox.close(false);
        }
        assertThat(filesIn(server.inboxMaildir().resolve("new")) + filesIn(server.inboxMaildir().resolve("cur"))).isEqualTo(2);
    }

    @Test
    void advertisesIdleAndAnIdleReturnsWhenAnotherConnectionAppends() throws Exception {
        try (IMAPStore store = server.connect()) {
            assertThat(store.hasCapability("IDLE")).isTrue();
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isZero();
            CompletableFuture<Message[]> added = new CompletableFuture<>();
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    added.complete(e.getMessages());
                }
            });

            CompletableFuture<Void> idle = CompletableFuture.runAsync(() -> {
                try {
                    inbox.idle(true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            assertThat(idle).as("IDLE waits while nothing arrives").isNotDone();

            long uid = server.append(talk("<idle@dept.example>", "Sum-of-Squares Proofs"));

            idle.get(5, TimeUnit.SECONDS);
            if (!added.isDone()) {
                // IDLE returns at the server's first response; when that was not the new message's EXISTS, a NOOP reads it
                inbox.doCommand(protocol -> {
                    protocol.simpleCommand("NOOP", null);
                    return null;
                });
            }
            Message[] messages = added.get(5, TimeUnit.SECONDS);
            assertThat(messages).hasSize(1);
            assertThat(inbox.getUID(messages[0])).isEqualTo(uid);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
        }
    }

    @Test
    void restartKeepsThePortTheMessagesAndTheirUids() throws Exception {
        long uid = server.append(talk("<before@dept.example>", "Graph Sparsifiers"));
        long validity = uidValidity();
        int port = server.port();
        List<ProcessHandle> dovecot = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("dovecot")).toList();
        assertThat(dovecot).isNotEmpty();

        server.stop();
        assertThat(dovecot).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(server.host(), port), 1_000);
            }
        }).isInstanceOf(ConnectException.class);

        server.restart();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(server.host(), port), 1_000);
            String greeting = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(greeting).as("the greeting on the old port").startsWith("* OK");
        }
        assertThat(uidValidity()).isEqualTo(validity);
        long next = server.append(talk("<after@dept.example>", "Lattice Sieving"));
        assertThat(next).isGreaterThan(uid);
        try (IMAPStore store = server.connect()) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(inbox.getMessageByUID(uid).getSubject()).isEqualTo("Graph Sparsifiers");
            assertThat(inbox.getMessageByUID(next).getSubject()).isEqualTo("Lattice Sieving");
            assertThat(inbox.getMessageCount()).isEqualTo(2);
        }
    }

    private long uidValidity() throws Exception {
        try (IMAPStore store = server.connect()) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            return inbox.getUIDValidity();
        }
    }

    private static byte[] talk(String messageId, String title) {
        return TestMail.plain(messageId, "Mon, 3 Mar 2025 10:00:00 +0000", title,
                "Speaker: Ada Lovelace\nWhen: Friday 14 March 2025, 4pm\nWhere: Room 101\n");
    }

    private static long filesIn(Path maildirPart) throws IOException {
        try (Stream<Path> files = Files.list(maildirPart)) {
            return files.count();
        }
    }
}

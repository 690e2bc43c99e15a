package org.talkfeed.mail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.TestMail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An mbox holds a message larger than the limit: that one comes unread, with its size, and the others as they are. */
class MboxFileTest {
    private static final long LIMIT = 4096;

    @Test
    void aMessageOverTheLimitComesUnreadWithItsSizeAndTheOthersWhole(@TempDir Path dir) throws Exception {
        byte[] first = TestMail.plain("<first@dept.example>", null, "First", "small");
        // one line longer than the limit, then more lines, one of them a "From " line mboxrd escapes (a byte more in the file)
        byte[] large = TestMail.plain("<large@dept.example>", null, "Large", "x".repeat(6000) + "\n>From the start\n" + "y\n".repeat(100));
        byte[] last = TestMail.plain("<last@dept.example>", null, "Last", "small too");
        Path mbox = dir.resolve("talks.mbox");
        Files.write(mbox, concat(separated(first), separated(large), separated(last)));
        MboxFile file = new MboxFile(mbox, null, LIMIT);

        List<RawMessage> messages;
        try (Stream<RawMessage> all = file.messages()) {
            messages = all.toList();
        }
        assertThat(messages).extracting(RawMessage::readable).containsExactly(true, false, true);
        assertThat(text(messages.get(0))).isEqualTo(text(first) + "\n");
        assertThat(text(messages.get(2))).isEqualTo(text(last) + "\n");
        assertThat(messages.get(1).bytes()).isEmpty();
        assertThat(messages.get(1).unreadable())
                .isEqualTo(String.format("message of %,d bytes is larger than the 4 KB limit", large.length + 2));
        assertThat(file.count()).isEqualTo(3);
        try (Stream<RawMessage> after = file.messagesAfter(2)) {
            assertThat(after.toList()).singleElement().satisfies(m -> assertThat(text(m)).isEqualTo(text(last) + "\n"));
        }
    }

    private static String text(RawMessage message) {
        return text(message.bytes());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The message after its separator line, its "From " lines escaped, and the blank line that ends it. */
    private static byte[] separated(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1).replace("\n>From ", "\n>>From ");
        return ("From admin@dept.example Mon Mar  2 09:00:00 2026\n" + text + "\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}

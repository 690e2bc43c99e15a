package org.talkfeed.mail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A month of a Mailman 2 (pipermail) archive as text, 2022-February.txt or .txt.gz: an mbox whose separator lines
 * and From headers give addresses as "jane at example.edu", which are turned back into addresses. Mailman does not
 * escape "From " in bodies, so only a whole separator line ("From jane at example.edu  Wed Feb 16 15:10:56 2022")
 * starts a message.
 */
public final class PipermailText implements MessageSource {
    private static final Pattern SEPARATOR = Pattern.compile(
            "From \\S+(?: at \\S+)?\\s+\\w{3} \\w{3}\\s+\\d{1,2} \\d{1,2}:\\d{2}:\\d{2} \\d{4}\\s*");
    private static final Pattern MONTH_FILE = Pattern.compile("\\d{4}-[A-Za-z]+\\.txt(\\.gz)?");
    private final MboxFile mbox;

    public PipermailText(Path file) {
        this.mbox = new MboxFile(file, SEPARATOR);
    }

    /** True for a file whose first line is a pipermail separator, named like a month or with an obfuscated address. */
    public static boolean isPipermailText(Path file, String first) {
        return SEPARATOR.matcher(first).matches()
                && (MONTH_FILE.matcher(file.getFileName().toString()).matches() || first.contains(" at "));
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        return messagesAfter(0);
    }

    @Override
    public Stream<RawMessage> messagesAfter(long done) throws IOException {
        return mbox.messagesAfter(done)
                .map(m -> m.readable() ? new RawMessage(m.origin(), ArchiveAddresses.restoreFromHeader(m.bytes()), m.checkpoint()) : m);
    }

    @Override
    public long count() throws IOException {
        return mbox.count();
    }
}

package org.talkfeed.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A month of a Mailman 2 (pipermail) HTML archive, like 2022-February/: its message pages (000123.html) in
 * number order; the index pages (date, thread, subject, author) are not messages.
 */
public final class PipermailFolder implements MessageSource {
    private static final Pattern PAGE = Pattern.compile("\\d{6}\\.html");
    private final Path dir;

    public PipermailFolder(Path dir) {
        this.dir = dir;
    }

    /** True for a folder with pipermail's index pages next to its message pages. */
    public static boolean isMonthFolder(Path dir) {
        return Files.isRegularFile(dir.resolve("thread.html")) || Files.isRegularFile(dir.resolve("date.html"));
    }

    @Override
    public Stream<RawMessage> messages() throws IOException {
        return messagesAfter(0);
    }

    @Override
    public Stream<RawMessage> messagesAfter(long done) throws IOException {
        return pages().stream().skip(done).map(PipermailFolder::read);
    }

    @Override
    public long count() throws IOException {
        return pages().size();
    }

    private List<Path> pages() throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(p -> PAGE.matcher(p.getFileName().toString()).matches())
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    /**
     * The page as a message; a page that is not a message page goes on as it is, to be recorded as failed, and one larger
     * than {@link RawMessage#MAX_BYTES} is not read.
     */
    private static RawMessage read(Path page) {
        try {
            long size = Files.size(page);
            if (size > RawMessage.MAX_BYTES) {
                return RawMessage.tooLarge(page.toString(), size, RawMessage.MAX_BYTES, null);
            }
            ArchivedPost post = PipermailPage.read(page);
            return post == null ? MessageFiles.read(page, RawMessage.MAX_BYTES) : new RawMessage(page.toString(), post.toMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page + ": " + e.getMessage(), e);
        }
    }
}

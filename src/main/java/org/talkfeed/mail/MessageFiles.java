package org.talkfeed.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Files that hold one message each (the .eml files of a folder), read one at a time in the order given. A file larger
 * than {@code maxBytes} is not read: it comes as a message too large to read.
 */
public record MessageFiles(List<Path> files, long maxBytes) implements MessageSource {

    public MessageFiles {
        files = List.copyOf(files);
    }

    public MessageFiles(List<Path> files) {
        this(files, RawMessage.MAX_BYTES);
    }

    @Override
    public Stream<RawMessage> messages() {
        return messagesAfter(0);
    }

    @Override
    public Stream<RawMessage> messagesAfter(long done) {
        return files.stream().skip(done).map(file -> read(file, maxBytes));
    }

    @Override
    public long count() {
        return files.size();
    }

    static RawMessage read(Path file, long maxBytes) {
        long size = 0;
        try {
            size = Files.size(file);
            if (size > maxBytes) {
                return RawMessage.tooLarge(file.toString(), size, maxBytes, null);
            }
            return new RawMessage(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            // the one array the file was to be read into did not fit; nothing else was allocated, so reading goes on
            return RawMessage.unread(file.toString(), String.format(java.util.Locale.ROOT,
                    "message of %,d bytes does not fit in memory", size), null);
        }
    }

    @Override
    public boolean resumesByPosition() {
        return false;
    }
}

package org.talkfeed.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files that hold one message each (the .eml files of a folder), read one at a time in the order given. */
public record MessageFiles(List<Path> files) implements MessageSource {

    public MessageFiles {
        files = List.copyOf(files);
    }

    @Override
    public Stream<RawMessage> messages() {
        return messagesAfter(0);
    }

    @Override
    public Stream<RawMessage> messagesAfter(long done) {
        return files.stream().skip(done).map(MessageFiles::read);
    }

    @Override
    public long count() {
        return files.size();
    }

    static RawMessage read(Path file) {
        try {
            return new RawMessage(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean resumesByPosition() {
        return false;
    }
}

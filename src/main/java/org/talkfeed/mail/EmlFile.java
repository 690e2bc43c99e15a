package org.talkfeed.mail;

import java.nio.file.Path;
import java.util.stream.Stream;

/** A single message stored as a file. */
public record EmlFile(Path file) implements MessageSource {

    @Override
    public Stream<RawMessage> messages() {
        return Stream.of(MessageFiles.read(file));
    }

    @Override
    public long count() {
        return 1;
    }
}

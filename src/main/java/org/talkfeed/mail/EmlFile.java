package org.talkfeed.mail;

import java.nio.file.Path;
import java.util.stream.Stream;

/** A single message stored as a file; one larger than {@link RawMessage#MAX_BYTES} is not read. */
public record EmlFile(Path file) implements MessageSource {

    @Override
    public Stream<RawMessage> messages() {
        return Stream.of(MessageFiles.read(file, RawMessage.MAX_BYTES));
    }

    @Override
    public long count() {
        return 1;
    }
}

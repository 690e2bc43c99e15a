package org.talkfeed.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A single message stored as a file. */
public record EmlFile(Path file) implements MessageSource {

    @Override
    public Stream<RawMessage> messages() throws IOException {
        return Stream.of(new RawMessage(file.toString(), Files.readAllBytes(file)));
    }

    @Override
    public long count() {
        return 1;
    }
}

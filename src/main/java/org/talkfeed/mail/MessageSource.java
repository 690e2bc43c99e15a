package org.talkfeed.mail;

import java.io.IOException;
import java.util.stream.Stream;

/** A place messages are read from, lazily and in a stable order. */
public interface MessageSource {

    /** The messages, read as the stream is consumed; the caller closes the stream. */
    Stream<RawMessage> messages() throws IOException;
}

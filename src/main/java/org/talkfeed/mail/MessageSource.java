package org.talkfeed.mail;

import java.io.IOException;
import java.util.stream.Stream;

/** A place messages are read from, lazily and in a stable order. */
public interface MessageSource {

    /** The messages, read as the stream is consumed; the caller closes the stream. */
    Stream<RawMessage> messages() throws IOException;

    /** The messages after the first {@code done}, which are passed over without being parsed. */
    default Stream<RawMessage> messagesAfter(long done) throws IOException {
        return messages().skip(done);
    }

    /**
     * Whether a later run can resume after the first n messages: true for sources that only grow at their end (an mbox
     * file, an archive's numbered pages); false where new messages can sort anywhere (files named by their sender).
     */
    default boolean resumesByPosition() {
        return true;
    }

    /** How many messages there are; sources override this with something cheaper than reading them all. */
    default long count() throws IOException {
        try (Stream<RawMessage> all = messages()) {
            return all.count();
        }
    }
}

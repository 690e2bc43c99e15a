package org.talkfeed.mail;

import java.util.Locale;

/**
 * The bytes of one message and where they came from (a file path, an mbox offset, a mailbox UID).
 *
 * @param checkpoint the source position to commit together with this message, or null when the source has none
 * @param unreadable why the source did not read the message's bytes (which are then empty); null when it did
 */
public record RawMessage(String origin, byte[] bytes, Checkpoint checkpoint, String unreadable) {
    /** The largest message a source reads into memory; a larger one is recorded as failed, unread. */
    public static final long MAX_BYTES = 32L << 20;

    public RawMessage(String origin, byte[] bytes, Checkpoint checkpoint) {
        this(origin, bytes, checkpoint, null);
    }

    public RawMessage(String origin, byte[] bytes) {
        this(origin, bytes, null, null);
    }

    /** A message of {@code size} bytes that its source left unread, as it is larger than {@code limit}. */
    public static RawMessage tooLarge(String origin, long size, long limit, Checkpoint checkpoint) {
        return unread(origin, String.format(Locale.ROOT, "message of %,d bytes is larger than the %s limit", size, amount(limit)),
                checkpoint);
    }

    /** A message whose bytes its source could not read, for the reason given. */
    public static RawMessage unread(String origin, String reason, Checkpoint checkpoint) {
        return new RawMessage(origin, new byte[0], checkpoint, reason);
    }

    public boolean readable() {
        return unreadable == null;
    }

    /** The same message, committed with {@code at}. */
    public RawMessage at(Checkpoint at) {
        return new RawMessage(origin, bytes, at, unreadable);
    }

    private static String amount(long bytes) {
        if (bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MB";
        }
        return bytes % (1 << 10) == 0 ? (bytes >> 10) + " KB" : String.format(Locale.ROOT, "%,d-byte", bytes);
    }
}

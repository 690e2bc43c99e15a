package org.talkfeed.announce;

/**
 * Where {@code talkfeed announce --send} sends: the list's address and the From address; both null when not configured
 * (the From address then falls back to the digest's).
 */
public record AnnounceConfig(String to, String from) {
    public static final AnnounceConfig NONE = new AnnounceConfig(null, null);
}

package org.talkfeed.store;

import java.time.Instant;

/**
 * What the store knows of one week's digest: claimed (about to be sent, with the Message-ID it goes out with), then
 * sent ({@code sentAt}); a week with no talks is settled without a message ({@code messageId} null).
 *
 * @param week an ISO week, as 2026-W08
 */
public record DigestRecord(String week, Instant claimedAt, Instant sentAt, String messageId, int talks) {

    public boolean settled() {
        return sentAt != null;
    }

    /** Settled without a message: the week had no talks. */
    public boolean skipped() {
        return sentAt != null && messageId == null;
    }
}

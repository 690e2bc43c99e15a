package org.talkfeed.receipt;

/**
 * A mailbox's receipts: when on, the daemon answers the sender of each announcement, update or cancellation it recorded
 * with what it understood, from {@code from}, at most {@code perSenderPerHour} receipts to one address in an hour.
 */
public record ReceiptsConfig(boolean on, String from, int perSenderPerHour) {
    public static final int DEFAULT_PER_SENDER_PER_HOUR = 20;
    public static final ReceiptsConfig OFF = new ReceiptsConfig(false, null, DEFAULT_PER_SENDER_PER_HOUR);
}

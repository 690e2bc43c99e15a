package org.talkfeed.digest;

import org.talkfeed.smtp.SmtpConfig;
import java.time.DayOfWeek;

/**
 * The weekly digest: sent by {@code run} to {@code to} on {@code weekday} at {@code hour} in the list's zone; off when
 * {@code to} is null. {@code smtp} is null when not configured (then only the page can be built).
 */
public record DigestConfig(String to, String from, DayOfWeek weekday, int hour, boolean sendEmpty, SmtpConfig smtp) {
    public static final DigestConfig OFF = new DigestConfig(null, null, DayOfWeek.MONDAY, 8, false, null);

    public boolean scheduled() {
        return to != null;
    }

    /** The same digest sent to another address (a trial: {@code digest --to}). */
    public DigestConfig to(String address) {
        return new DigestConfig(address, from, weekday, hour, sendEmpty, smtp);
    }
}

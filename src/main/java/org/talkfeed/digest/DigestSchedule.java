package org.talkfeed.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When {@code run} sends the digest: at {@code hour} on {@code weekday} in the list's zone, the digest of the week
 * {@link IsoWeek#coming} names on that day. A daemon that was not running then sends it late, when it next looks,
 * as long as that week is not over.
 */
public record DigestSchedule(DayOfWeek weekday, int hour, ZoneId zone) {

    /** The week whose digest is due by {@code now}: that of the latest sending time at or before it, if its week is not over. */
    public Optional<IsoWeek> due(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(weekday));
        ZonedDateTime sending = day.atTime(hour, 0).atZone(zone);
        if (sending.toInstant().isAfter(now)) {
            day = day.minusWeeks(1);
        }
        IsoWeek week = IsoWeek.coming(day);
        boolean over = !week.sunday().plusDays(1).atStartOfDay(zone).toInstant().isAfter(now);
        return over ? Optional.empty() : Optional.of(week);
    }
}

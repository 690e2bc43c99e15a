package org.talkfeed.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * When the daemon republishes though no message came, so that "upcoming" and the feed windows move on as time passes:
 * at every full hour and at midnight in the list's zone. Both are found on the instant line, so a change to or from
 * daylight saving time neither skips nor repeats a republish, and a day that does not begin at 00:00 is caught when it
 * begins.
 *
 * @param zone the zone whose day the site's "today" is (the list's)
 */
public record RepublishSchedule(Clock clock, ZoneId zone) {

    /** A republish due {@code at}; {@code newDay} when it is the start of a day in the zone. */
    public record Due(Instant at, boolean newDay) {
    }

    /** The next republish after now. */
    public Due next() {
        return nextAfter(clock.instant());
    }

    /** The next republish strictly after {@code now}: the earlier of the next full hour and the next day's start. */
    public Due nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        // the next full hour of the offset in force now: at most an hour away even when the offset changes before it
        Instant hour = local.toOffsetDateTime().truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
        Instant dayStart = local.toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
        return dayStart.isAfter(hour) ? new Due(hour, false) : new Due(dayStart, true);
    }
}

package org.talkfeed.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** When the site is republished as time passes: the next full hour or the next day's start in the list's zone. */
class RepublishScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static RepublishSchedule.Due nextAfter(ZoneId zone, String offsetDateTime) {
        Instant now = OffsetDateTime.parse(offsetDateTime).toInstant();
        return new RepublishSchedule(Clock.fixed(now, ZoneOffset.UTC), zone).next();
    }

    private static RepublishSchedule.Due due(String offsetDateTime, boolean newDay) {
        return new RepublishSchedule.Due(OffsetDateTime.parse(offsetDateTime).toInstant(), newDay);
    }

    @Test
    void withinADayTheNextFullHourIsDue() {
        assertThat(nextAfter(BERLIN, "2026-06-10T14:20:00+02:00")).isEqualTo(due("2026-06-10T15:00:00+02:00", false));
        assertThat(nextAfter(BERLIN, "2026-06-10T15:00:00+02:00")).as("strictly after now")
                .isEqualTo(due("2026-06-10T16:00:00+02:00", false));
        assertThat(nextAfter(ZoneId.of("Asia/Kolkata"), "2026-06-10T10:10:00+05:30")).as("a full hour of the zone, not of UTC")
                .isEqualTo(due("2026-06-10T11:00:00+05:30", false));
    }

    @Test
    void lateInTheEveningMidnightIsDueAndStartsANewDay() {
        assertThat(nextAfter(BERLIN, "2026-06-10T23:20:00+02:00")).isEqualTo(due("2026-06-11T00:00:00+02:00", true));
        assertThat(nextAfter(NEW_YORK, "2026-06-10T23:59:59-04:00")).isEqualTo(due("2026-06-11T00:00:00-04:00", true));
        assertThat(nextAfter(NEW_YORK, "2026-06-10T22:59:59-04:00")).isEqualTo(due("2026-06-10T23:00:00-04:00", false));
    }

    @Test
    void whenClocksGoForwardTheHourThatIsSkippedIsNotWaitedFor() {
        // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST
        assertThat(nextAfter(BERLIN, "2026-03-29T01:30:00+01:00")).isEqualTo(due("2026-03-29T03:00:00+02:00", false));
        assertThat(Duration.between(Instant.parse("2026-03-29T00:30:00Z"), nextAfter(BERLIN, "2026-03-29T01:30:00+01:00").at()))
                .isEqualTo(Duration.ofMinutes(30));
        // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT
        assertThat(nextAfter(NEW_YORK, "2026-03-08T01:45:00-05:00")).isEqualTo(due("2026-03-08T03:00:00-04:00", false));
        assertThat(nextAfter(NEW_YORK, "2026-03-07T23:45:00-05:00")).isEqualTo(due("2026-03-08T00:00:00-05:00", true));
    }

    @Test
    void whenClocksGoBackTheRepeatedHourIsRepublishedToo() {
        // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:00 to 03:00 is lived twice
        assertThat(nextAfter(BERLIN, "2026-10-25T02:30:00+02:00")).isEqualTo(due("2026-10-25T02:00:00+01:00", false));
        assertThat(nextAfter(BERLIN, "2026-10-25T02:30:00+01:00")).isEqualTo(due("2026-10-25T03:00:00+01:00", false));
        // New York, 1 November 2026: 02:00 EDT becomes 01:00 EST
        assertThat(nextAfter(NEW_YORK, "2026-11-01T01:10:00-04:00")).isEqualTo(due("2026-11-01T01:00:00-05:00", false));
        assertThat(nextAfter(NEW_YORK, "2026-10-31T23:10:00-04:00")).isEqualTo(due("2026-11-01T00:00:00-04:00", true));
    }

    @Test
    void aDayThatBeginsAtOneIsCaughtWhenItBegins() {
        // Santiago, 6 September 2026: midnight -04 becomes 01:00 -03; the day has no 00:00
        assertThat(nextAfter(ZoneId.of("America/Santiago"), "2026-09-05T23:30:00-04:00"))
                .isEqualTo(due("2026-09-06T01:00:00-03:00", true));
    }

    @Test
    void neverMoreThanAnHourAwayInAnyZoneAcrossAYear() {
        for (String zone : new String[] {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu",
                "America/Santiago", "Pacific/Chatham"}) {
            RepublishSchedule schedule = new RepublishSchedule(Clock.systemUTC(), ZoneId.of(zone));
            Instant now = Instant.parse("2026-01-01T00:07:00Z");
            int midnights = 0;
            for (int step = 0; step < 24 * 366; step++) {
                RepublishSchedule.Due due = schedule.nextAfter(now);
                assertThat(due.at()).as(zone + " after " + now).isAfter(now);
                assertThat(Duration.between(now, due.at())).as(zone + " after " + now).isLessThanOrEqualTo(Duration.ofHours(1));
                if (due.newDay()) {
                    midnights++;
                    assertThat(due.at().atZone(schedule.zone()).toLocalDate())
                            .isEqualTo(now.atZone(schedule.zone()).toLocalDate().plusDays(1));
                }
                now = due.at();
            }
            assertThat(midnights).as(zone).isBetween(360, 367);
        }
    }
}

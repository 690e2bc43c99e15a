package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.talk.Talk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** iCalendar parts as calendar programs write them, read into talks. */
class CalendarEventsTest {

    private static CalendarEvents.Read read(String vevents) {
        return read(vevents, null, List.of());
    }

    private static CalendarEvents.Read read(String body, String configured, List<String> stated) {
        return CalendarEvents.read("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\n" + body + "END:VCALENDAR\n", configured, stated);
    }

    private static Instant instant(Talk talk) {
        return talk.startsAt().orElseThrow().toInstant();
    }

    @Test
    void aRecurringEventGivesItsFirstOccurrenceAndSaysSo() {
        CalendarEvents.Read read = read("""
                BEGIN:VEVENT
                UID:weekly-1
                DTSTART;TZID=America/Chicago:20260113T160000
                DTEND;TZID=America/Chicago:20260113T170000
                RRULE:FREQ=WEEKLY;COUNT=10
                SUMMARY:Reading group
                END:VEVENT
                """);

        assertThat(read.talks()).hasSize(1);
        Talk talk = read.talks().get(0).talk();
        assertThat(talk.date()).isEqualTo(LocalDate.of(2026, 1, 13));
        assertThat(talk.warnings()).anyMatch(w -> w.contains("recurring") && w.contains("first occurrence"));
    }

    @Test
    void severalEventsAreSeveralTalksAndAChangedOccurrenceOfASeriesIsNotAnother() {
        CalendarEvents.Read read = read("""
                BEGIN:VEVENT
                UID:a
                DTSTART:20260201T150000Z
                SUMMARY:First
                END:VEVENT
                BEGIN:VEVENT
                UID:b
                DTSTART:20260208T150000Z
                SUMMARY:Second
                RRULE:FREQ=WEEKLY;COUNT=3
                END:VEVENT
                BEGIN:VEVENT
                UID:b
                RECURRENCE-ID:20260215T150000Z
                DTSTART:20260215T170000Z
                SUMMARY:Second, moved
                END:VEVENT
                """);

        assertThat(read.talks()).extracting(t -> t.talk().title()).containsExactly("First", "Second");
    }

    @Test
    void aWindowsZoneNameWithoutItsDefinitionIsStillKnown() {
        Talk talk = read("""
                BEGIN:VEVENT
                UID:w
                DTSTART;TZID=W. Europe Standard Time:20260701T100000
                SUMMARY:Summer talk
                END:VEVENT
                """).talks().get(0).talk();

        assertThat(talk.timezone()).isEqualTo("Europe/Berlin");
        assertThat(instant(talk)).isEqualTo(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(talk.warnings()).isEmpty();
    }

    @Test
    void aZoneKnownByNoNameIsReadFromTheCalendarsOwnDefinition() {
        CalendarEvents.Read read = read("""
                BEGIN:VTIMEZONE
                TZID:Customized Time Zone
                BEGIN:STANDARD
                DTSTART:16010101T030000
                TZOFFSETFROM:+1100
                TZOFFSETTO:+1000
                RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=4
                END:STANDARD
                BEGIN:DAYLIGHT
                DTSTART:16010101T020000
                TZOFFSETFROM:+1000
                TZOFFSETTO:+1100
                RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=10
                END:DAYLIGHT
                END:VTIMEZONE
                BEGIN:VEVENT
                UID:c
                DTSTART;TZID=Customized Time Zone:20260212T140000
                DTEND;TZID=Customized Time Zone:20260212T150000
                SUMMARY:Harbour ecology
                END:VEVENT
                """, null, List.of("Australia/Sydney"));

        Talk talk = read.talks().get(0).talk();
        assertThat(instant(talk)).isEqualTo(Instant.parse("2026-02-12T03:00:00Z")); // 14:00 at +11:00
        assertThat(talk.timezone()).isEqualTo("Australia/Sydney"); // the zone the text states has that offset then
        assertThat(talk.start()).isEqualTo(LocalTime.of(14, 0));
        assertThat(talk.end()).isEqualTo(LocalTime.of(15, 0));
    }

    @Test
    void anOldLightningZonePathAndADurationAndAFloatingTime() {
        List<StructuredTalk> talks = read("""
                BEGIN:VEVENT
                UID:l
                DTSTART;TZID=/mozilla.org/20070129_1/Europe/Paris:20260305T173000
                DURATION:PT1H30M
                SUMMARY:Lightning
                END:VEVENT
                BEGIN:VEVENT
                UID:f
                DTSTART:20260306T090000
                SUMMARY:Floating
                END:VEVENT
                """, "Europe/Lisbon", List.of()).talks();

        Talk lightning = talks.get(0).talk();
        assertThat(lightning.timezone()).isEqualTo("Europe/Paris");
        assertThat(lightning.end()).isEqualTo(LocalTime.of(19, 0));
        Talk floating = talks.get(1).talk();
        assertThat(floating.timezone()).isEqualTo("Europe/Lisbon");
        assertThat(floating.start()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void aFloatingTimeWithNoZoneKnownStaysALocalHour() {
        Talk talk = read("""
                BEGIN:VEVENT
                UID:n
                DTSTART:20260306T090000
                DTEND:20260306T100000
                SUMMARY:Somewhere
                END:VEVENT
                """).talks().get(0).talk();

        assertThat(talk.timezone()).isNull(); // published at its local hour, as a rule talk with no known zone is
        assertThat(talk.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(talk.end()).isEqualTo(LocalTime.of(10, 0));
        assertThat(talk.warnings()).containsExactly("no time zone given, configured or stated");
    }

    @Test
    void aWholeDayEventHasADateAndNoTime() {
        Talk talk = read("""
                BEGIN:VEVENT
                UID:d
                DTSTART;VALUE=DATE:20260410
                DTEND;VALUE=DATE:20260411
                SUMMARY:Workshop day
                END:VEVENT
                """).talks().get(0).talk();

        assertThat(talk.date()).isEqualTo(LocalDate.of(2026, 4, 10));
        assertThat(talk.start()).isNull();
        assertThat(talk.end()).isNull();
    }

    @Test
    void aCancelledStatusCancelsAndAConferencePropertyIsTheJoinLink() {
        StructuredTalk event = read("""
                BEGIN:VEVENT
                UID:s
                DTSTART:20260501T140000Z
                STATUS:CANCELLED
                LOCATION:Microsoft Teams Meeting
                CONFERENCE;VALUE=URI;FEATURE=VIDEO:https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc
                SUMMARY:Cancelled talk
                END:VEVENT
                """).talks().get(0);

        assertThat(event.status()).isEqualTo(StructuredTalk.Status.CANCELLED);
        assertThat(event.talk().online()).isTrue();
        assertThat(event.talk().location()).isNull();
        assertThat(event.talk().url()).isEqualTo("https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc");
    }

    @Test
    void aZoneDefinedByARuleNoZoneHasIsNotGivenToIcal4j() {
        String zone = """
                BEGIN:VCALENDAR
                BEGIN:VTIMEZONE
                TZID:%s
                BEGIN:STANDARD
                DTSTART:16010101T020000
                TZOFFSETFROM:-0400
                TZOFFSETTO:-0500
                RRULE:FREQ=SECONDLY;INTERVAL=1
                END:STANDARD
                END:VTIMEZONE
                BEGIN:VEVENT
                UID:x
                DTSTART;TZID=%s:20260312T150000
                SUMMARY:x
                END:VEVENT
                END:VCALENDAR
                """;
        // working out its transitions from 1601 by the second would take all the memory there is
        assertThatThrownBy(() -> CalendarEvents.prepared(zone.formatted("Evil", "Evil")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FREQ=SECONDLY");
        // a zone known by name is read by its name; its definition, whatever it says, is left out
        assertThat(CalendarEvents.prepared(zone.formatted("Eastern Standard Time", "Eastern Standard Time")).calendar())
                .doesNotContain("VTIMEZONE", "SECONDLY");
        Talk talk = CalendarEvents.read(zone.formatted("Eastern Standard Time", "Eastern Standard Time"), null, List.of())
                .talks().get(0).talk();
        assertThat(instant(talk)).isEqualTo(Instant.parse("2026-03-12T19:00:00Z"));
    }

    @Test
    void whatIsNoCalendarIsAProblemNotAnException() {
        assertThat(CalendarEvents.read("this is not a calendar", null, List.of()).problem()).contains("could not be read");
        assertThat(CalendarEvents.read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2026\nEND:VEVENT\nEND:VCALENDAR\n", null,
                List.of()).talks()).isEmpty();
    }
}

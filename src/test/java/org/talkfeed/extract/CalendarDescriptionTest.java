package org.talkfeed.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What calendar programs add to a description is left out; what its author wrote is kept. */
class CalendarDescriptionTest {

    @Test
    void googleMeetsBlockGoes() {
        String description = """
                We discuss chapter 4.

                -::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-
                Join with Google Meet: https://meet.google.com/abc-defg-hij
                Or dial: (US) +1 555-0100 PIN: 123#

                Please do not edit this section.
                -::~:~::~:~:~:~:~:~:~:~:~:~:~:~:~:~:~:~::~:~::-
                Bring your notes.""";

        assertThat(CalendarDescription.clean(description)).isEqualTo("We discuss chapter 4.\n\nBring your notes.");
    }

    @Test
    void teamsBlockGoesButOtherRulesStay() {
        String description = """
                Talk abstract here.
                ______________________
                Seating is limited.
                ______________________
                ________________________________________________________________________________
                Microsoft Teams meeting
                Join on your computer, mobile app or room device
                Click here to join the meeting<https://teams.microsoft.com/l/meetup-join/x>
                Meeting ID: 245 118 903 552
                ________________________________________________________________________________
                """;

        String clean = CalendarDescription.clean(description);
        assertThat(clean).contains("Talk abstract here.", "Seating is limited.").doesNotContain("Teams", "Meeting ID");
    }

    @Test
    void zoomsBlockGoesWhereverItStands() {
        String description = """
                Ana Ruiz is inviting you to a scheduled Zoom meeting.

                Topic: Lunch talk
                Time: Nov 20, 2025 12:00 PM Central Time (US and Canada)

                Join Zoom Meeting
                https://example.zoom.us/j/123456789?pwd=abc

                Meeting ID: 123 456 789
                Passcode: 4711

                ---

                One tap mobile
                +13126266799,,123456789#,,,,*4711# US (Chicago)

                Dial by your location
                \u2022 +1 312 626 6799 US (Chicago)

                Find your local number: https://example.zoom.us/u/abc
                Join by H.323
                \u2022 162.255.37.11 (US West)

                The talk itself: why lunch is late.""";

        assertThat(CalendarDescription.clean(description)).isEqualTo("The talk itself: why lunch is late.");
    }

    @Test
    void htmlBecomesLinesAndNothingLeftIsNull() {
        assertThat(CalendarDescription.clean("<p>First</p><p>Second<br>line</p>")).isEqualTo("First\n\nSecond\nline");
        assertThat(CalendarDescription.clean("Join Zoom Meeting\nhttps://example.zoom.us/j/1\nMeeting ID: 1")).isNull();
        assertThat(CalendarDescription.clean("  ")).isNull();
    }
}

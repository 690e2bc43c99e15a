package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.talkfeed.TestMail;
import org.talkfeed.talk.Talk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The order in which a talk's zone is decided, and what is said when it is assumed. */
class TalkZoneTest {
    private static final LocalDate MARCH = LocalDate.of(2026, 3, 5);
    private static final LocalTime FOUR_PM = LocalTime.of(16, 0);
    private static final ZonedDateTime SENT_UTC = ZonedDateTime.parse("2026-03-02T09:00:00Z");

    private static TalkZone.Decision decide(String stated, String location, String around, ZonedDateTime sent, String configured) {
        return TalkZone.decide(new TalkZone.Clues(List.of(stated), location, () -> around, sent, MARCH, FOUR_PM), configured);
    }

    private static TalkZone.Decision fromLocation(String location) {
        return decide("Thursday, March 5, 2026, 4pm", location, "", SENT_UTC, null);
    }

    @Test
    void aZoneWordInTheTextBeatsThePlace() {
        TalkZone.Decision d = decide("Thursday, March 5, 2026, 4pm CET", "University of Texas at Austin", "", SENT_UTC, null);
        assertThat(d.zone()).isEqualTo("Europe/Berlin");
        assertThat(d.warning()).as("stated, not assumed").isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "4pm Pacific time | America/Los_Angeles",
            "16:00 UTC+2 | Etc/GMT-2",
            "16:00 Berlin time | Europe/Berlin",
            "4pm EST | America/New_York"})
    void everyWayOfStatingAZoneBeatsThePlace(String stated, String zone) {
        assertThat(decide(stated, "Tokyo", "", SENT_UTC, null)).isEqualTo(new TalkZone.Decision(zone, null));
    }

    @Test
    void theConfiguredZoneBeatsThePlace() {
        TalkZone.Decision d = decide("4pm", "Paris", "", SENT_UTC, "America/Chicago");
        assertThat(d).isEqualTo(new TalkZone.Decision("America/Chicago", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "University of Texas at Austin | America/Chicago",
            "Rivergate University, Oregon | America/Los_Angeles",
            "ETH Zürich, HG F 3 | Europe/Zurich",
            "ETH Zurich | Europe/Zurich",
            "Paris | Europe/Paris",
            "Tokyo | Asia/Tokyo",
            "Room 5, Ashgrove Hall, Portland, Maine | America/New_York",
            "Portland, ME | America/New_York",
            "Cambridge, MA 02139 | America/New_York",
            "Cambridge, UK | Europe/London",
            "Paris, Texas | America/Chicago",
            "Paris, TX | America/Chicago",
            "1 Main Street, Washington, DC | America/New_York",
            "Washington, D.C. | America/New_York",
            "University of Washington, Seattle | America/Los_Angeles",
            "Université de Montréal | America/Montreal",
            "Gates Hall 104, Ithaca, NY | America/New_York",
            "Stanford University, Stanford, CA | America/Los_Angeles"})
    void theVenueGivesTheZone(String location, String zone) {
        TalkZone.Decision d = fromLocation(location);
        assertThat(d.zone()).isEqualTo(zone);
        assertThat(d.warning()).startsWith("zone assumed from '" + location + "': " + zone);
    }

    @Test
    void theWarningSaysWhereTheZoneCameFrom() {
        assertThat(fromLocation("Rivergate, Oregon").warning()).isEqualTo("zone assumed from 'Rivergate, Oregon': America/Los_Angeles");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Lincoln Hall 201", "Room 3, Hamilton Building", "Jackson Auditorium",
            "Zoom", "Cambridge, USA", "Van Vleck B102", "the reading room"})
    void buildingsNamedAfterPlacesOrPeopleAndUnsettledNamesGiveNoZone(String location) {
        TalkZone.Decision d = fromLocation(location);
        assertThat(d.zone()).isNull();
        assertThat(d.warning()).startsWith("no time zone");
    }

    @Test
    void anAmbiguousCityGoesToTheLargestAndSaysSo() {
        TalkZone.Decision d = fromLocation("Portland");
        assertThat(d.zone()).isEqualTo("America/Los_Angeles");
        assertThat(d.warning()).contains("more than one zone").contains("Oregon");
        assertThat(fromLocation("Portland, Maine").warning()).as("settled by the state: nothing to say")
                .doesNotContain("more than one zone");
    }

    @Test
    void aUtcDateHeaderIsNeverTheVenue() {
        for (String sent : List.of("2026-03-02T09:00:00Z", "2026-03-02T09:00:00+00:00", "2026-03-02T09:00:00-00:00")) {
            TalkZone.Decision d = decide("4pm", null, "", ZonedDateTime.parse(sent), null);
            assertThat(d.zone()).as(sent).isNull();
        }
        assertThat(decide("4pm", null, "", null, null).zone()).as("no Date header").isNull();
    }

    @Test
    void aDateHeaderOffsetCountsWhenItFitsOneZone() {
        TalkZone.Decision d = decide("4pm", null, "", ZonedDateTime.parse("2026-03-02T09:00:00-06:00"), null);
        assertThat(d).isEqualTo(new TalkZone.Decision("America/Chicago",
                "zone assumed from the Date header's offset -0600: America/Chicago"));
        // -0700 in July is Los Angeles or Phoenix, which differ at a talk in December
        assertThat(TalkZone.fromSentOffset(ZonedDateTime.parse("2026-07-02T09:00:00-07:00"), LocalDate.of(2026, 12, 3), FOUR_PM))
                .isNull();
        assertThat(TalkZone.fromSentOffset(ZonedDateTime.parse("2026-07-02T09:00:00-07:00"), LocalDate.of(2026, 7, 9), FOUR_PM))
                .isEqualTo("America/Los_Angeles");
    }

    @Test
    void theVenueBeatsTheDateHeader() {
        TalkZone.Decision d = decide("4pm", "Tokyo", "", ZonedDateTime.parse("2026-03-02T09:00:00-06:00"), null);
        assertThat(d.zone()).isEqualTo("Asia/Tokyo");
    }

    @Test
    void runningTextCountsAPlaceOnlyWhereOneIsWritten() {
        assertThat(decide("4pm", null, "The talk is on March 5 at 4pm in Paris.", SENT_UTC, null).zone()).isEqualTo("Europe/Paris");
        assertThat(decide("4pm", null, "Nancy Lynch speaks on March 5 at 4pm.", SENT_UTC, null).zone())
                .as("a first name that is also a city").isNull();
    }

    private static Talk extract(String date, String body) {
        byte[] mail = TestMail.plain("<zone@dept.example>", date, "Talk: Engines", body);
        List<Talk> talks = new Extractor().extractMessage(mail, ExtractionDefaults.NONE).talks();
        assertThat(talks).hasSize(1);
        return talks.get(0);
    }

    @Test
    void aVisitingSpeakersAffiliationIsNotTheVenue() {
        Talk atVenue = extract("Mon, 2 Mar 2026 09:00:00 +0000", "Title: Engines\nSpeaker: Ada Byron (University of Tokyo)\n"
                + "Date: Thursday, March 5, 2026\nTime: 4pm\nPlace: Room 210, Ashgrove Hall, Austin, Texas\n");
        assertThat(atVenue.timezone()).isEqualTo("America/Chicago");

        Talk noPlace = extract("Mon, 2 Mar 2026 09:00:00 +0000", "Title: Engines\nSpeaker: Ada Byron (University of Tokyo)\n"
                + "Date: Thursday, March 5, 2026\nTime: 4pm\n");
        assertThat(noPlace.speakers()).extracting(s -> s.affiliation()).containsExactly("University of Tokyo");
        assertThat(noPlace.timezone()).as("only the speaker's institution names a place").isNull();

        Talk bio = extract("Mon, 2 Mar 2026 09:00:00 +0000", "Title: Engines\nSpeaker: Ada Byron (University of Tokyo)\n"
                + "Date: Thursday, March 5, 2026, 4pm\nAda Byron is a professor at the University of Tokyo.\n");
        assertThat(bio.timezone()).as("the speaker's institution, even where a place could stand").isNull();

        assertThat(decide("4pm", null, "Ada Byron, University of Tokyo, will speak on March 5 at 4pm.", SENT_UTC, null).zone())
                .as("an institution after a person's name, in running text").isNull();
        assertThat(decide("4pm", null, "Ada Byron will speak on March 5 at 4pm at the University of Tokyo.", SENT_UTC, null).zone())
                .isEqualTo("Asia/Tokyo");
    }

    @Test
    void aRelayedAnnouncementWithAUtcHeaderHasNoZoneAndSaysSo() {
        Talk talk = extract("Mon, 2 Mar 2026 09:00:00 +0000", "Title: Engines\nSpeaker: Ada Byron\n"
                + "Date: Thursday, March 5, 2026\nTime: 4pm\nPlace: Room 210\n");
        assertThat(talk.timezone()).isNull();
        assertThat(talk.warnings()).contains("no time zone stated, configured or found from the place");
    }
}

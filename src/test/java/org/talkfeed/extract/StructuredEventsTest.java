package org.talkfeed.extract;

import org.junit.jupiter.api.Test;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.StructuredEvent;
import org.talkfeed.talk.Talk;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages that carry their talk as data, as calendar programs and newsletters send them (src/test/resources/structured):
 * the talk comes from the data, with what the data lacks filled from the text.
 */
class StructuredEventsTest {

    private static byte[] mail(String name) {
        try (InputStream in = StructuredEventsTest.class.getResourceAsStream("/structured/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Announcement extract(String name) {
        return extract(name, ExtractionDefaults.NONE);
    }

    private static Announcement extract(String name, ExtractionDefaults defaults) {
        return new Extractor().extractMessage(mail(name), defaults);
    }

    private static Instant startInstant(Talk talk) {
        return talk.startsAt().orElseThrow().toInstant();
    }

    @Test
    void aGoogleCalendarInvitationInUtcIsShownInTheZoneTheTextStates() {
        Announcement a = extract("google-invite.eml");

        assertThat(a.kind()).isEqualTo(Kind.ANNOUNCEMENT);
        assertThat(a.talks()).hasSize(1); // the invitation inline, as invite.ics, and Gmail's EventReservation markup are one event
        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isEqualTo("Systems Seminar: One-Round-Trip Consensus Under Partial Synchrony");
        assertThat(talk.speakers()).containsExactly(new Speaker("Priya Raman", "Cornell University"));
        assertThat(talk.date()).isEqualTo(LocalDate.of(2025, 10, 14));
        assertThat(talk.start()).isEqualTo(LocalTime.of(15, 0));
        assertThat(talk.end()).isEqualTo(LocalTime.of(16, 0));
        assertThat(talk.timezone()).isEqualTo("America/New_York");
        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2025-10-14T19:00:00Z"));
        assertThat(talk.location()).isEqualTo("Gates Hall 122");
        assertThat(talk.online()).isTrue();
        assertThat(talk.url()).isEqualTo("https://meet.google.com/qvz-ktrb-hwe");
        assertThat(talk.host()).isEqualTo("Daniel Okafor"); // the text names the host: the organizer (the calendar) gives way
        assertThat(talk.abstractText()).startsWith("Consensus protocols pay for safety with round trips.")
                .endsWith("results from a 40-node deployment.").doesNotContain("-::~", "Google Meet", "Speaker:");
        assertThat(a.events()).containsExactly(
                new StructuredEvent("3k9d0s7q1vfa2m5n8b4c6x0z1y@google.com", 0, "REQUEST", StructuredEvent.Source.ICALENDAR));
    }

    @Test
    void anOutlookInvitationWithAWindowsZoneAndTeams() {
        Announcement a = extract("outlook-invite.eml");

        assertThat(a.kind()).isEqualTo(Kind.ANNOUNCEMENT);
        Talk talk = a.talks().get(0);
        // the summary names the series and the speaker; the title is the one the text gives
        assertThat(talk.title()).isEqualTo("Learning Contact-Rich Manipulation from Few Demonstrations");
        assertThat(talk.speakers()).containsExactly(new Speaker("Tomás Villanueva", "Carnegie Mellon University"));
        assertThat(talk.date()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(talk.start()).isEqualTo(LocalTime.of(16, 0));
        assertThat(talk.end()).isEqualTo(LocalTime.of(17, 0));
        assertThat(talk.timezone()).isEqualTo("America/Los_Angeles"); // TZID "Pacific Standard Time"
        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2026-03-10T23:00:00Z")); // daylight time began on March 8
        assertThat(talk.location()).isEqualTo("Allen Center CSE 305");
        assertThat(talk.online()).isTrue();
        assertThat(talk.url()).startsWith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_OWJmZDk3NzQtYzE0Ny00");
        assertThat(talk.host()).isEqualTo("Lindqvist, Maren");
        assertThat(talk.abstractText()).startsWith("Robots that assemble, fold and insert must reason about contact.")
                .doesNotContain("Microsoft Teams", "Passcode", "____");
        assertThat(a.events()).extracting(StructuredEvent::sequence, StructuredEvent::method).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "REQUEST"));
        assertThat(a.events().get(0).uid()).startsWith("040000008200E00074C5B7101A82E008").endsWith("2C0E7B1A");
    }

    @Test
    void anAppleCalendarFileAloneGivesTheTalkAndItsDescriptionTheSpeaker() {
        Announcement a = extract("apple-publish.eml");

        assertThat(a.kind()).isEqualTo(Kind.ANNOUNCEMENT);
        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isEqualTo("Reading Storms in Salt Marsh Cores");
        assertThat(talk.speakers()).containsExactly(new Speaker("Amelia Hart", "University of Glasgow"));
        assertThat(talk.date()).isEqualTo(LocalDate.of(2025, 11, 5));
        assertThat(talk.start()).isEqualTo(LocalTime.of(17, 15));
        assertThat(talk.end()).isEqualTo(LocalTime.of(18, 15));
        assertThat(talk.timezone()).isEqualTo("Europe/London");
        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2025-11-05T17:15:00Z"));
        assertThat(talk.location()).isEqualTo("Appleton Tower, Lecture Theatre 4, 11 Crichton Street, Edinburgh EH8 9LE");
        assertThat(talk.online()).isFalse();
        assertThat(talk.url()).isEqualTo("https://www.example.ac.uk/geosciences/events/hart-2025");
        assertThat(talk.host()).isNull();
        assertThat(talk.abstractText()).isEqualTo("Sea-level records from salt marshes reach back four thousand years. This talk"
                + " shows how diatom counts in cores from the Firth of Forth date past storm surges.");
        assertThat(talk.warnings()).isEmpty();
        assertThat(a.events()).containsExactly(
                new StructuredEvent("6F1C2B0A-93D4-4E7B-A1C8-52D9E0F3B7A4", 0, "PUBLISH", StructuredEvent.Source.ICALENDAR));
    }

    @Test
    void aZoomInvitationIsOnlineWithItsJoinLinkAndWithoutZoomsBlock() {
        Announcement a = extract("zoom-invite.eml");

        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isEqualTo("Graph Sampling for Sparse Sensor Networks");
        assertThat(talk.speakers()).containsExactly(new Speaker("Luis Ortega", "Argonne National Laboratory"));
        assertThat(talk.date()).isEqualTo(LocalDate.of(2025, 11, 20));
        assertThat(talk.start()).isEqualTo(LocalTime.of(12, 0));
        assertThat(talk.end()).isEqualTo(LocalTime.of(13, 0));
        assertThat(talk.timezone()).isEqualTo("America/Chicago");
        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2025-11-20T18:00:00Z"));
        assertThat(talk.location()).isNull(); // the calendar's location is the link: no room, whatever the text names
        assertThat(talk.online()).isTrue();
        assertThat(talk.url()).isEqualTo("https://uchicago.zoom.us/j/83312345678?pwd=dGhpc2lzbm90YXJlYWxwYXNzd29yZA.1");
        assertThat(talk.host()).isEqualTo("Maya Chen");
        assertThat(talk.abstractText()).startsWith("Which few sensors should a city read")
                .endsWith("a provable error bound.");
        assertThat(a.events()).extracting(StructuredEvent::method).containsExactly("REQUEST");
    }

    @Test
    void aCancelMethodMakesTheMessageACancellation() {
        Announcement a = extract("lightning-cancel.eml");

        assertThat(a.kind()).isEqualTo(Kind.CANCELLATION);
        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isEqualTo("Theory Lunch: Omar Haddad");
        assertThat(talk.date()).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(talk.start()).isEqualTo(LocalTime.of(12, 30));
        assertThat(talk.end()).isEqualTo(LocalTime.of(13, 30));
        assertThat(talk.timezone()).isEqualTo("Europe/Berlin");
        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2025-12-03T11:30:00Z"));
        assertThat(talk.location()).isEqualTo("MPI-SWS, Room 029");
        assertThat(talk.online()).isFalse();
        assertThat(talk.host()).isEqualTo("Katrin Vogel");
        assertThat(a.events()).containsExactly(
                new StructuredEvent("4d6a1f0e-2b7c-4e95-8c31-9f0a7d2e5b18", 2, "CANCEL", StructuredEvent.Source.ICALENDAR));
    }

    @Test
    void theCalendarAloneCancelsWhateverTheSubjectSays() {
        String calendar = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//test//EN
                METHOD:CANCEL
                BEGIN:VEVENT
                UID:quiet-cancel-1
                SEQUENCE:3
                DTSTART;TZID=Europe/Berlin:20251203T123000
                SUMMARY:Theory Lunch: Omar Haddad
                END:VEVENT
                END:VCALENDAR
                """;
        MessageText message = new MessageText("<quiet@example.org>", "Theory Lunch: Omar Haddad", "Katrin Vogel",
                "k.vogel@example.org", null, null, List.of(), null, List.of(), List.of(calendar), List.of());

        Announcement a = new Extractor().extract(message, ExtractionDefaults.NONE);

        assertThat(a.kind()).isEqualTo(Kind.CANCELLATION);
        assertThat(a.talks()).extracting(Talk::date).containsExactly(LocalDate.of(2025, 12, 3));
        assertThat(a.events()).extracting(StructuredEvent::sequence).containsExactly(3);
    }

    @Test
    void oneEventSentTwiceIsOneTalkAsItsLatestSequenceGivesIt() {
        String calendar = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//test//EN
                METHOD:REQUEST
                BEGIN:VEVENT
                UID:twice-1
                SEQUENCE:%d
                DTSTART;TZID=America/Toronto:20260115T%s
                SUMMARY:Sea ice from orbit
                END:VEVENT
                END:VCALENDAR
                """;
        MessageText message = new MessageText("<twice@example.org>", "Sea ice from orbit", null, "a@example.org", null, null,
                List.of(), null, List.of(), List.of(calendar.formatted(1, "160000"), calendar.formatted(0, "150000")), List.of());

        Announcement a = new Extractor().extract(message, ExtractionDefaults.NONE);

        assertThat(a.talks()).extracting(Talk::start).containsExactly(LocalTime.of(16, 0));
        assertThat(a.events()).extracting(StructuredEvent::sequence).containsExactly(1);
    }

    @Test
    void aNewsletterWithJsonLdEventsInAGraph() {
        Announcement a = extract("newsletter-jsonld.eml");

        assertThat(a.kind()).isEqualTo(Kind.ANNOUNCEMENT);
        assertThat(a.talks()).hasSize(2);
        Talk first = a.talks().get(0);
        assertThat(first.title()).isEqualTo("Proof Assistants in the Undergraduate Curriculum");
        assertThat(first.speakers()).containsExactly(new Speaker("Hannah Berglund", "Chalmers University of Technology"));
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 2, 4));
        assertThat(first.start()).isEqualTo(LocalTime.of(16, 0));
        assertThat(first.end()).isEqualTo(LocalTime.of(17, 15));
        assertThat(first.timezone()).isEqualTo("America/New_York");
        assertThat(startInstant(first)).isEqualTo(Instant.parse("2026-02-04T21:00:00Z"));
        assertThat(first.location()).isEqualTo("Hackerman Hall B17");
        assertThat(first.online()).isTrue();
        assertThat(first.url()).isEqualTo("https://jhu.zoom.us/j/91234567890");
        assertThat(first.host()).isEqualTo("Department of Computer Science"); // a reference to the graph's Organization
        assertThat(first.abstractText()).contains("with a proof assistant & what it changed");

        Talk second = a.talks().get(1);
        assertThat(second.title()).isEqualTo("Verified Compilers for Smart Contracts");
        assertThat(second.speakers()).containsExactly(new Speaker("Rafael Souza", null));
        assertThat(second.date()).isEqualTo(LocalDate.of(2026, 2, 11));
        assertThat(second.start()).isEqualTo(LocalTime.of(12, 0));
        assertThat(second.end()).isNull();
        assertThat(startInstant(second)).isEqualTo(Instant.parse("2026-02-11T17:00:00Z"));
        assertThat(second.location()).isEqualTo("Malone Hall 228");
        assertThat(second.online()).isFalse();
        assertThat(second.url()).isEqualTo("https://cs.example.edu/events/2026/souza");
        assertThat(a.events()).containsExactly(
                new StructuredEvent("https://cs.example.edu/events/2026/berglund#event", null, null, StructuredEvent.Source.JSON_LD),
                new StructuredEvent("https://cs.example.edu/events/2026/souza", null, null, StructuredEvent.Source.JSON_LD));
    }

    @Test
    void aNewsletterWithMicrodata() {
        Announcement a = extract("newsletter-microdata.eml", new ExtractionDefaults("Europe/Copenhagen", null, true));

        assertThat(a.kind()).isEqualTo(Kind.ANNOUNCEMENT);
        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isEqualTo("Quantum Error Correction with Bosonic Codes");
        assertThat(talk.speakers()).containsExactly(new Speaker("Ingrid Solberg", "Niels Bohr Institute"));
        assertThat(talk.date()).isEqualTo(LocalDate.of(2026, 1, 21));
        assertThat(talk.start()).isEqualTo(LocalTime.of(15, 15));
        assertThat(talk.end()).isEqualTo(LocalTime.of(16, 15));
        assertThat(talk.timezone()).isEqualTo("Europe/Copenhagen"); // the configured zone, which has the offset given
        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2026-01-21T14:15:00Z"));
        assertThat(talk.location()).isEqualTo("Auditorium A, Niels Bohr Building");
        assertThat(talk.online()).isTrue(); // mixed attendance
        assertThat(talk.url()).isEqualTo("https://nbi.example.dk/events/solberg-2026");
        assertThat(talk.host()).isEqualTo("Quantum Colloquium");
        assertThat(talk.abstractText()).isEqualTo("Bosonic codes store a qubit in the many levels of one oscillator.\n\n"
                + "I will show how a cat code in a superconducting cavity outlives its best physical qubit, and what it takes"
                + " to build logic gates on it.");
        assertThat(a.events()).containsExactly(
                new StructuredEvent("https://nbi.example.dk/events/solberg-2026", null, null, StructuredEvent.Source.MICRODATA));
    }

    @Test
    void withoutAConfiguredZoneAnOffsetGetsANamedZoneWithThatOffset() {
        Talk talk = extract("newsletter-microdata.eml").talks().get(0);

        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2026-01-21T14:15:00Z"));
        assertThat(talk.start()).isEqualTo(LocalTime.of(15, 15));
    }

    @Test
    void brokenCalendarDataFallsBackToTheRules() {
        Announcement a = extract("broken-calendar.eml");

        assertThat(a.kind()).isEqualTo(Kind.ANNOUNCEMENT);
        assertThat(a.events()).isEmpty();
        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isEqualTo("Sparse Attention Is All You Need to Fix");
        assertThat(talk.speakers()).containsExactly(new Speaker("Jonas Albrecht", "TU Munich"));
        assertThat(talk.date()).isEqualTo(LocalDate.of(2025, 12, 9));
        assertThat(talk.start()).isEqualTo(LocalTime.of(10, 30));
        assertThat(talk.abstractText()).doesNotContain("VCALENDAR"); // calendar data is no body text
        assertThat(talk.warnings()).anyMatch(w -> w.contains("calendar part could not be read"));
    }

    @Test
    void aReplyToAnInvitationIsNoTalk() {
        Announcement a = extract("google-reply.eml");

        assertThat(a.kind()).isEqualTo(Kind.NOT_TALK);
        assertThat(a.reason()).contains("reply");
    }

    @Test
    void eventMarkupThatSaysCancelledMakesACancellation() {
        String html = """
                <html><head><script type="application/ld+json">
                [{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []},
                 {"@context": "https://schema.org", "@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": 1,
                   "item": {"@type": "https://schema.org/EducationEvent", "name": "Soil Carbon at Depth",
                            "startDate": "2026-04-08T15:30", "eventStatus": "https://schema.org/EventCancelled",
                            "performer": "Noor Haddad", "location": "Plant Sciences 104"}}]}]
                </script></head><body><p>Talk cancelled.</p></body></html>
                """;
        MessageText message = new MessageText("<m@example.org>", "Seminar update", null, "desk@example.org", null, null,
                List.of("Talk cancelled."), null, List.of(), List.of(), List.of(html));

        Announcement a = new Extractor().extract(message, new ExtractionDefaults("America/Denver", null, false));

        assertThat(a.kind()).isEqualTo(Kind.CANCELLATION);
        Talk talk = a.talks().get(0);
        assertThat(talk.title()).isEqualTo("Soil Carbon at Depth");
        assertThat(talk.speakers()).containsExactly(new Speaker("Noor Haddad", null));
        assertThat(talk.timezone()).isEqualTo("America/Denver"); // a floating time is in the configured zone
        assertThat(startInstant(talk)).isEqualTo(Instant.parse("2026-04-08T21:30:00Z"));
        assertThat(talk.location()).isEqualTo("Plant Sciences 104");
    }

    @Test
    void brokenJsonLdAndHtmlWithoutEventsLeaveTheMessageToTheRules() {
        String body = "Title: Tidal Energy\nSpeaker: Ewa Nowak\nDate: March 4, 2026\nTime: 2 pm\nRoom: B12";
        MessageText message = new MessageText("<m@example.org>", "Seminar", null, "desk@example.org", null, null,
                body.lines().toList(), null, List.of(), List.of(),
                List.of("<script type=\"application/ld+json\">{\"@type\": \"Event\", \"name\": </script>",
                        "<div itemscope itemtype=\"https://schema.org/Person\"><span itemprop=\"name\">Ewa</span></div>"));

        Announcement a = new Extractor().extract(message, new ExtractionDefaults("Europe/Warsaw", null, true));

        assertThat(a.events()).isEmpty();
        assertThat(a.talks()).extracting(Talk::title).containsExactly("Tidal Energy");
    }

    @Test
    void hostileDataIsReadBoundedAndNeverThrows() {
        StringBuilder manyEvents = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n");
        for (int i = 0; i < 2000; i++) {
            manyEvents.append("BEGIN:VEVENT\nUID:").append(i).append("\nDTSTART:20260301T1200").append(String.format("%02d", i % 60))
                    .append("Z\nSUMMARY:Talk ").append(i).append("\nEND:VEVENT\n");
        }
        manyEvents.append("END:VCALENDAR\n");
        String deepJson = "<script type=\"application/ld+json\">" + "[".repeat(50_000) + "]".repeat(50_000) + "</script>";
        String deepMicrodata = "<div itemscope itemtype=\"https://schema.org/Event\">" + "<div>".repeat(20_000)
                + "<span itemprop=\"name\">Deep</span>" + "</div>".repeat(20_000) + "</div>";
        String manyItems = ("<div itemscope itemtype=\"https://schema.org/Event\"><span itemprop=\"name\">Item</span>"
                + "<meta itemprop=\"startDate\" content=\"2026-03-01T12:00\"></div>").repeat(5_000);
        MessageText message = new MessageText("<h@example.org>", "Talks", null, "h@example.org", null, null, List.of(), null,
                List.of(), List.of(manyEvents.toString()), List.of(deepJson, deepMicrodata, manyItems));

        Announcement a = new Extractor().extract(message, new ExtractionDefaults("UTC", null, false));

        assertThat(a.talks()).hasSizeLessThanOrEqualTo(50);
        assertThat(a.events()).hasSameSizeAs(a.talks());
    }
}

package org.talkfeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.MaildirFolder;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.pipeline.MessageProcessor;
import org.talkfeed.pipeline.ProcessResult;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkIdentity;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample mailbox through the whole flow: Maildir, store, published calendar, parsed back with
 * ical4j's parser, and compared with the hand-written expectations in samples/expected.json.
 */
class SamplesEndToEndTest {
    private static final Path SAMPLES = Path.of("samples", "maildir");
    private static final MailboxConfig CHICAGO = MailboxConfig.of("test", new ExtractionDefaults("America/Chicago", null, false));
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static JsonNode expected;

    @BeforeAll
    static void readExpectations() throws Exception {
        expected = new ObjectMapper().readTree(Path.of("samples", "expected.json").toFile());
    }

    private static List<ProcessResult> ingest(TalkStore store) throws Exception {
        MessageProcessor processor = new MessageProcessor(store);
        List<ProcessResult> results = new ArrayList<>();
        try (Stream<RawMessage> messages = new MaildirFolder(SAMPLES).messages()) {
            messages.forEach(m -> results.add(processor.process(m, CHICAGO)));
        }
        return results;
    }

    private static Path publish(TalkStore store, Path site) throws Exception {
        new SitePublisher(site, "Samples", Duration.ofHours(1), null, "America/Chicago", NOW).publish(store.talks());
        return site.resolve("calendar.ics");
    }

    /** The distinct talks the samples describe, keyed by first speaker, with their expected start instants. */
    private static Map<String, ZonedDateTime> expectedStarts() {
        Map<String, ZonedDateTime> starts = new HashMap<>();
        for (JsonNode message : expected) {
            for (JsonNode talk : message.get("talks")) {
                starts.put(talk.get("speakers").get(0).asText(), ZonedDateTime.of(LocalDate.parse(talk.get("date").asText()),
                        LocalTime.parse(talk.get("start").asText()), ZoneId.of(talk.get("timezone").asText())));
            }
        }
        return starts;
    }

    @Test
    void calendarHasOneEventPerSampleTalkAtTheRightInstant(@TempDir Path dir) throws Exception {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            ingest(store);
            Path ics = publish(store, dir.resolve("site"));
            Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(ics)));
            List<VEvent> events = calendar.getComponents("VEVENT");
            Map<String, ZonedDateTime> starts = expectedStarts();
            assertThat(events).hasSize(starts.size());

            Set<String> uids = new HashSet<>();
            Set<String> zonesDeclared = new HashSet<>();
            calendar.<VTimeZone>getComponents("VTIMEZONE").forEach(z -> zonesDeclared.add(z.getProperty(Property.TZID).orElseThrow().getValue()));
            for (VEvent event : events) {
                uids.add(event.getProperty(Property.UID).orElseThrow().getValue());
                String summary = event.getProperty(Property.SUMMARY).orElseThrow().getValue();
                String speaker = starts.keySet().stream().filter(summary::contains).findFirst()
                        .orElseThrow(() -> new AssertionError("event for no expected speaker: " + summary));
                Property dtstart = event.getProperty(Property.DTSTART).orElseThrow();
                Instant start = ZonedDateTime.parse(dtstart.getValue().replaceAll("Z$", ""),
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                                .withZone(dtstart.getParameter(Parameter.TZID).map(p -> ZoneId.of(p.getValue()))
                                        .orElse(ZoneOffset.UTC))).toInstant();
                assertThat(start).as("start of %s", speaker).isEqualTo(starts.get(speaker).toInstant());
                dtstart.<TzId>getParameter(Parameter.TZID).ifPresent(tzid ->
                        assertThat(zonesDeclared).as("VTIMEZONE for %s", tzid.getValue()).contains(tzid.getValue()));
                String zone = starts.get(speaker).getZone().getId();
                if (!zone.equals("UTC")) {
                    assertThat(dtstart.getParameter(Parameter.TZID)).as("TZID of %s", speaker)
                            .map(Parameter::getValue).contains(zone);
                }
            }
            assertThat(uids).as("UIDs are unique").hasSize(events.size());
        }
    }

    /** ical.js, a parser we did not write, reads every event at the expected instant and none as floating time. */
    @Test
    void anIndependentParserReadsTheSameInstants(@TempDir Path dir) throws Exception {
        Path script = Path.of("src", "test", "js", "ics-starts.mjs");
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")),
                "ical.js (npm install in src/test/js)");
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            ingest(store);
            Path ics = publish(store, dir.resolve("site"));
            Process node = new ProcessBuilder("node", script.toString(), ics.toString()).redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(node.waitFor()).as(output).isZero();
            Set<Instant> parsed = new HashSet<>();
            for (String line : output.strip().split("\n")) {
                String[] cols = line.split("\t");
                assertThat(cols[3]).as("%s is read with its zone", line).isEqualTo("zoned");
                parsed.add(Instant.parse(cols[1]));
            }
            Set<Instant> wanted = new HashSet<>();
            expectedStarts().values().forEach(z -> wanted.add(z.toInstant()));
            assertThat(parsed).isEqualTo(wanted);
        }
    }

    @Test
    void eachSampleBecomesWhatItsExpectationSays(@TempDir Path dir) throws Exception {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            ingest(store);
            Map<String, MessageRecord> byFile = new HashMap<>();
            for (MessageRecord record : store.messages()) {
                byFile.put(SAMPLES.relativize(Path.of(record.origin())).toString(), record);
            }
            for (JsonNode message : expected) {
                MessageRecord record = byFile.get(message.get("file").asText());
                assertThat(record).as("recorded: %s", message.get("file").asText()).isNotNull();
                assertThat(record.outcome().label()).as("kind of %s", message.get("file").asText())
                        .isEqualTo(message.get("kind").asText());
            }
            SoftAssertions softly = new SoftAssertions();
            for (StoredTalk stored : store.talks()) {
                assertEveryField(softly, stored, expectedTalk(stored.talk().speakers().get(0).name()));
            }
            softly.assertAll();
        }
    }

    /**
     * Every field of a stored talk against its expectation. Titles and locations may differ in punctuation
     * and word order (the way the message states them), so they are compared by similarity; abstract and bio with
     * whitespace collapsed, since the message wraps them; everything else exactly.
     * <p>
     * The rule the expectations follow: {@code series} is the name of the recurring event the talk belongs to, as
     * the message writes it in full (its body's full name rather than the subject's abbreviation), null when the
     * message names none; a generic word ("Talk", "Guest lecture") or a date is no series name. {@code abstract} is
     * the talk's description paragraphs only, labeled or not: it stops before logistics (refreshments, recording,
     * signing up to meet the speaker, what follows the talk), closing lines and sign-offs, signatures, separator
     * lines and list footers. {@code bio} is the speaker's biography paragraphs under the same rule; null when the
     * message has none.
     */
    private static void assertEveryField(SoftAssertions softly, StoredTalk stored, JsonNode want) {
        Talk talk = stored.talk();
        String slug = stored.slug();
        softly.assertThat(TalkIdentity.titleSimilarity(talk.title(), want.get("title").asText()))
                .as("title of %s: %s", slug, talk.title()).isGreaterThanOrEqualTo(0.9);
        softly.assertThat(talk.speakers().stream().map(Speaker::name).toList()).as("speakers of %s", slug)
                .isEqualTo(texts(want.get("speakers")));
        softly.assertThat(talk.speakers().get(0).affiliation()).as("affiliation of %s", slug).isEqualTo(text(want, "affiliation"));
        softly.assertThat(talk.date()).as("date of %s", slug).hasToString(want.get("date").asText());
        softly.assertThat(talk.start()).as("start of %s", slug).isEqualTo(LocalTime.parse(want.get("start").asText()));
        softly.assertThat(talk.end()).as("end of %s", slug)
                .isEqualTo(want.get("end").isNull() ? null : LocalTime.parse(want.get("end").asText()));
        softly.assertThat(talk.timezone()).as("timezone of %s", slug).isEqualTo(text(want, "timezone"));
        if (want.get("location").isNull()) {
            softly.assertThat(talk.location()).as("location of %s", slug).isNull();
        } else {
            softly.assertThat(TalkIdentity.titleSimilarity(talk.location(), want.get("location").asText()))
                    .as("location of %s: %s", slug, talk.location()).isGreaterThanOrEqualTo(0.6);
        }
        softly.assertThat(talk.online()).as("online of %s", slug).isEqualTo(want.get("online").asBoolean());
        softly.assertThat(talk.url()).as("url of %s", slug).isEqualTo(text(want, "url"));
        softly.assertThat(talk.host()).as("host of %s", slug).isEqualTo(text(want, "host"));
        softly.assertThat(talk.series()).as("series of %s", slug).isEqualTo(text(want, "series"));
        softly.assertThat(collapsed(talk.abstractText())).as("abstract of %s", slug).isEqualTo(collapsed(text(want, "abstract")));
        softly.assertThat(collapsed(talk.bio())).as("bio of %s", slug).isEqualTo(collapsed(text(want, "bio")));
    }

    private static String text(JsonNode talk, String field) {
        JsonNode value = talk.get(field);
        assertThat(value).as("samples/expected.json states %s", field).isNotNull();
        return value.isNull() ? null : value.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String collapsed(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    private static JsonNode expectedTalk(String speaker) {
        JsonNode last = null;
        for (JsonNode message : expected) {
            for (JsonNode talk : message.get("talks")) {
                if (talk.get("speakers").get(0).asText().equals(speaker)) {
                    last = talk; // a later message (update) holds the talk's final state
                }
            }
        }
        assertThat(last).as("expected talk for %s", speaker).isNotNull();
        return last;
    }

    @Test
    void cancelledTalkIsCancelledInTheFeedAndUpdatesRaiseTheSequence(@TempDir Path dir) throws Exception {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            ingest(store);
            Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(publish(store, dir.resolve("site")))));
            List<VEvent> events = calendar.getComponents("VEVENT");
            long cancelled = events.stream().filter(e -> e.getProperty(Property.STATUS).map(s -> s.getValue().equals("CANCELLED")).orElse(false)).count();
            long expectedCancellations = 0;
            for (JsonNode message : expected) {
                if (message.get("kind").asText().equals("cancellation")) {
                    expectedCancellations += message.get("talks").size();
                }
            }
            assertThat(cancelled).isEqualTo(expectedCancellations);
            assertThat(events).anyMatch(e -> Integer.parseInt(e.getProperty(Property.SEQUENCE).orElseThrow().getValue()) > 0);
        }
    }

    @Test
    void ingestingTwiceChangesNothing(@TempDir Path dir) throws Exception {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            List<ProcessResult> first = ingest(store);
            String feed = Files.readString(publish(store, dir.resolve("site")));
            List<StoredTalk> talks = store.talks();
            int messages = store.messages().size();

            List<ProcessResult> second = ingest(store);
            assertThat(first).noneMatch(ProcessResult::alreadySeen);
            assertThat(second).allMatch(ProcessResult::alreadySeen);
            assertThat(store.messages()).hasSize(messages);
            assertThat(store.talks()).isEqualTo(talks);
            assertThat(Files.readString(publish(store, dir.resolve("site")))).isEqualTo(feed);
        }
    }

    @Test
    void aFreshStoreFromTheSameMailGivesTheSameUids(@TempDir Path dir) throws Exception {
        List<String> uids = new ArrayList<>();
        for (String name : List.of("a.db", "b.db")) {
            try (TalkStore store = TalkStore.open(dir.resolve(name))) {
                ingest(store);
                uids.add(store.talks().stream().map(StoredTalk::uid).sorted().toList().toString());
            }
        }
        assertThat(uids.get(0)).isEqualTo(uids.get(1));
    }

    @Test
    void samplesThatAreNotTalksYieldNoEvent(@TempDir Path dir) throws Exception {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            List<ProcessResult> results = ingest(store);
            Set<String> notTalks = new HashSet<>();
            for (JsonNode message : expected) {
                if (message.get("kind").asText().equals("not_talk")) {
                    notTalks.add(message.get("file").asText());
                }
            }
            assertThat(notTalks).hasSizeGreaterThanOrEqualTo(2);
            for (ProcessResult result : results) {
                String file = SAMPLES.relativize(Path.of(result.origin())).toString();
                if (notTalks.contains(file)) {
                    assertThat(result.outcome()).as(file).isEqualTo(Outcome.NOT_TALK);
                    assertThat(result.changes()).as(file).isEmpty();
                }
            }
        }
    }
}

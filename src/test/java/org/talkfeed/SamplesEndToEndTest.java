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
            for (StoredTalk stored : store.talks()) {
                JsonNode want = expectedTalk(stored.talk().speakers().get(0).name());
                assertThat(TalkIdentity.titleSimilarity(stored.talk().title(), want.get("title").asText()))
                        .as("title of %s: %s", stored.slug(), stored.talk().title()).isGreaterThanOrEqualTo(0.9);
                if (want.get("location").isNull()) {
                    assertThat(stored.talk().location()).as("location of %s", stored.slug()).isNull();
                } else {
                    assertThat(TalkIdentity.titleSimilarity(stored.talk().location(), want.get("location").asText()))
                            .as("location of %s: %s", stored.slug(), stored.talk().location()).isGreaterThanOrEqualTo(0.6);
                }
                assertThat(stored.talk().online()).as("online of %s", stored.slug()).isEqualTo(want.get("online").asBoolean());
            }
        }
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

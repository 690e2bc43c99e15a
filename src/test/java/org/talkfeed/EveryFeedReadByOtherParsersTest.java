package org.talkfeed;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.MaildirFolder;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.pipeline.MessageProcessor;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every feed `publish` writes for the sample mailbox (all talks, per series, speaker, host, year, per talk, and each
 * reminder variant), read by two parsers talkfeed did not write: ical4j's validator finds no error, and ical.js
 * reads each event at the instant the store holds, the same in every feed that carries it, once per feed,
 * with the same UIDs after a republish; the updated talk carries its raised SEQUENCE and the cancelled one its status.
 */
class EveryFeedReadByOtherParsersTest {
    private static final Path SAMPLES = Path.of("samples", "maildir");
    private static final MailboxConfig CHICAGO = MailboxConfig.of("test", new ExtractionDefaults("America/Chicago", null, false));
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyFeedIsValidAndEveryEventIsAtTheStoredInstant(@TempDir Path dir) throws Exception {
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")), "ical.js (npm ci in src/test/js)");
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            ingest(store);
            Path site = dir.resolve("site");
            publish(store, site);
            List<Path> feeds = feeds(site);
            assertThat(feeds).as("feeds besides calendar.ics").hasSizeGreaterThan(10);

            for (Path feed : feeds) {
                Calendar calendar = new CalendarBuilder().build(new StringReader(Files.readString(feed)));
                ValidationResult result = calendar.validate();
                assertThat(result.hasErrors()).as("ical4j validation of %s: %s", site.relativize(feed), result).isFalse();
            }

            Map<String, Instant> stored = storedStarts(store.talks());
            Map<Path, List<String[]>> read = readByIcalJs(feeds);
            for (Map.Entry<Path, List<String[]>> file : read.entrySet()) {
                List<String> uids = file.getValue().stream().map(row -> row[1]).toList();
                assertThat(uids).as("each talk once in %s", site.relativize(file.getKey())).doesNotHaveDuplicates();
                for (String[] row : file.getValue()) {
                    assertThat(stored).as("a talk of the store behind %s", row[1]).containsKey(row[1]);
                    if (stored.get(row[1]) != null) {
                        assertThat(Instant.parse(row[2])).as("start of %s in %s", row[1], site.relativize(file.getKey()))
                                .isEqualTo(stored.get(row[1]));
                    }
                }
            }

            Map<Path, List<String>> before = uidsByFeed(read);
            publish(store, site);
            assertThat(uidsByFeed(readByIcalJs(feeds(site)))).as("UIDs after a republish").isEqualTo(before);
        }
    }

    @Test
    void theUpdatedTalkHasARaisedSequenceAndTheCancelledOneItsStatus(@TempDir Path dir) throws Exception {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"))) {
            ingest(store);
            Path site = dir.resolve("site");
            publish(store, site);
            Calendar all = new CalendarBuilder().build(new StringReader(Files.readString(site.resolve("calendar-2026.ics"))));
            Map<String, VEvent> byUid = new HashMap<>();
            for (VEvent event : all.<VEvent>getComponents("VEVENT")) {
                byUid.put(event.getProperty(Property.UID).orElseThrow().getValue(), event);
            }
            List<StoredTalk> changed = store.talks().stream().filter(t -> t.sequence() > 0).toList();
            List<StoredTalk> cancelled = store.talks().stream().filter(StoredTalk::cancelled).toList();
            assertThat(changed).as("the samples hold an update").isNotEmpty();
            assertThat(cancelled).as("the samples hold a cancellation").isNotEmpty();
            for (StoredTalk talk : changed) {
                assertThat(byUid.get(talk.uid()).getProperty(Property.SEQUENCE).orElseThrow().getValue())
                        .isEqualTo(Integer.toString(talk.sequence()));
            }
            for (StoredTalk talk : cancelled) {
                assertThat(byUid.get(talk.uid()).getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
            }
        }
    }

    private static void ingest(TalkStore store) throws Exception {
        MessageProcessor processor = new MessageProcessor(store);
        try (Stream<RawMessage> messages = new MaildirFolder(SAMPLES).messages()) {
            messages.forEach(m -> processor.process(m, CHICAGO));
        }
    }

    private static void publish(TalkStore store, Path site) throws Exception {
        new SitePublisher(site, "Samples", Duration.ofHours(1), "https://talks.example.org", "America/Chicago", NOW)
                .publish(store.talks());
    }

    private static List<Path> feeds(Path site) throws Exception {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ics")).sorted().toList();
        }
    }

    /** The start instant of each stored talk with a time, by UID; null for a talk of a whole day. */
    private static Map<String, Instant> storedStarts(List<StoredTalk> talks) {
        Map<String, Instant> starts = new HashMap<>();
        for (StoredTalk stored : talks) {
            var talk = stored.talk();
            if (talk.date() == null) {
                continue;
            }
            Instant start = talk.start() == null || talk.timezone() == null ? null
                    : talk.date().atTime(talk.start()).atZone(ZoneId.of(talk.timezone())).toInstant();
            starts.put(stored.uid(), start);
        }
        return starts;
    }

    /** Rows of FILE, UID, UTC start, UTC end per event, as src/test/js/ics-instants.mjs prints them. */
    private static Map<Path, List<String[]>> readByIcalJs(List<Path> feeds) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", Path.of("src", "test", "js", "ics-instants.mjs").toString()));
        feeds.forEach(f -> command.add(f.toString()));
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        Map<Path, List<String[]>> rows = new TreeMap<>();
        feeds.forEach(f -> rows.put(f, new ArrayList<>()));
        for (String line : output.strip().split("\n")) {
            String[] cols = line.split("\t");
            rows.get(Path.of(cols[0])).add(cols);
        }
        return rows;
    }

    private static Map<Path, List<String>> uidsByFeed(Map<Path, List<String[]>> read) {
        Map<Path, List<String>> uids = new TreeMap<>();
        read.forEach((file, rows) -> uids.put(file, rows.stream().map(r -> r[1]).sorted().toList()));
        return uids;
    }
}

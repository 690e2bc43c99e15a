package org.talkfeed.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publisher keeps what it rendered from publish to publish (events, outlines): a talk changed in the store between two
 * publishes of the same publisher shows its new fields in every file that shows it, and none shows the old ones.
 */
class KeptBetweenPublishesTest {
    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final String CHICAGO = "America/Chicago";
    /** The store's clock stands still: a change raises only the sequence, not the update time. */
    private static final Clock STILL = Clock.fixed(NOW, ZoneOffset.UTC);

    private final AtomicLong messages = new AtomicLong();

    private static Talk talk(String title, String abstractText, String speaker, int daysAhead) {
        return new Talk(title, List.of(new Speaker(speaker, null)), TODAY.plusDays(daysAhead), LocalTime.of(16, 0), null, CHICAGO,
                "Room 1", false, null, "Host " + speaker, "Theory", abstractText, null, 0.9, List.of());
    }

    private StoredTalk create(TalkStore store, Talk talk) {
        return store.write(w -> {
            String key = "<" + messages.incrementAndGet() + "@x>";
            long row = w.insertMessage(new MessageRecord(key, "m", "m", "s", "a@x", null, Outcome.ANNOUNCEMENT, null, key, null));
            return w.create(key, 0, talk, Kind.ANNOUNCEMENT, "a@x", true, row);
        });
    }

    private StoredTalk revise(TalkStore store, long id, Talk talk, boolean cancelled) {
        return store.write(w -> {
            String key = "<" + messages.incrementAndGet() + "@x>";
            long row = w.insertMessage(new MessageRecord(key, "m", "m", "s", "a@x", null, Outcome.ANNOUNCEMENT, null, key, null));
            return w.revise(id, talk, cancelled, cancelled ? Kind.CANCELLATION : Kind.ANNOUNCEMENT, row);
        });
    }

    /** Every published calendar that holds the talk: all talks, its year, series, speaker, host, its own; each with reminders. */
    private static List<Path> feedsOf(Path site, StoredTalk talk, String speakerSlug, String hostSlug) {
        return Stream.of("calendar.ics", "calendar-2026.ics", "series/theory.ics", "speakers/" + speakerSlug + ".ics",
                        "hosts/" + hostSlug + ".ics", "talks/" + talk.slug() + ".ics")
                .flatMap(p -> Stream.of(p, Feed.alarmPath(p))).map(site::resolve).toList();
    }

    /** The file's content lines, each whole (a long line is folded onto lines that begin with a space). */
    private static String unfolded(Path feed) throws Exception {
        return Files.readString(feed).replace("\r\n ", "");
    }

    @Test
    void aTalkChangedBetweenTwoPublishesOfOnePublisherShowsItsNewFieldsEverywhere(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"), STILL)) {
            StoredTalk ada = create(store, talk("Graph minors", "The old abstract.", "Ada Moreno", 3));
            create(store, talk("Other", "Another abstract.", "Bo Li", 4));
            SitePublisher publisher = new SitePublisher(site, "Dept", Duration.ofHours(1), null, CHICAGO, STILL);
            publisher.publish(store);
            List<Path> feeds = feedsOf(site, ada, "ada-moreno", "host-ada-moreno");
            for (Path feed : feeds) {
                assertThat(unfolded(feed)).as(feed.toString()).contains("Graph minors", "The old abstract.");
            }

            StoredTalk revised = revise(store, ada.id(), talk("Graph minors revisited", "The new abstract.", "Ada Moreno", 3), false);
            assertThat(revised.updatedAt()).isEqualTo(ada.updatedAt());
            publisher.publish(store);

            for (Path feed : feeds) {
                assertThat(unfolded(feed)).as(feed.toString())
                        .contains("Graph minors revisited", "The new abstract.", "SEQUENCE:1")
                        .doesNotContain("The old abstract.");
            }
            assertThat(Files.readString(site.resolve("index.html"))).contains("Graph minors revisited");
            assertThat(Files.readString(site.resolve("talks.json"))).contains("The new abstract.").doesNotContain("The old abstract.");
            String search;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve(SearchIndex.PATH)))) {
                search = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(search).contains("Graph minors revisited", "The new abstract.", "Another abstract.")
                    .doesNotContain("The old abstract.");

            revise(store, ada.id(), talk("Graph minors revisited", "The new abstract.", "Ada Moreno", 3), true);
            publisher.publish(store);

            for (Path feed : feeds) {
                assertThat(unfolded(feed)).as(feed.toString()).contains("SUMMARY:CANCELLED: Ada Moreno: Graph minors revisited",
                        "STATUS:CANCELLED", "SEQUENCE:2");
            }
            assertThat(Files.readString(site.resolve("talks/" + ada.slug() + ".ics"))).doesNotContain("STATUS:CONFIRMED");
        }
    }

    @Test
    void anotherPublisherWithOtherSettingsRendersEveryFeedAnew(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"), STILL)) {
            StoredTalk ada = create(store, talk("Graph minors", "An abstract.", "Ada Moreno", 3));
            new SitePublisher(site, "Dept", Duration.ofHours(1), "https://one.example.org", CHICAGO, STILL).publish(store);
            new SitePublisher(site, "Dept", Duration.ofHours(1), "https://two.example.org", CHICAGO, STILL).publish(store);

            for (Path feed : feedsOf(site, ada, "ada-moreno", "host-ada-moreno")) {
                assertThat(unfolded(feed)).as(feed.toString()).contains("https://two.example.org/talks/" + ada.slug() + ".html")
                        .doesNotContain("one.example.org");
            }
        }
    }

    @Test
    void keptOutlinesAreTheStoresOutlinesAndOnlyChangedOnesAreReadAgain(@TempDir Path dir) {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"), STILL)) {
            StoredTalk ada = create(store, talk("Graph minors", "An abstract.", "Ada Moreno", 3));
            StoredTalk bo = create(store, talk("Other", "Another.", "Bo Li", 4));
            KeptOutlines kept = new KeptOutlines();
            List<StoredTalk> first = kept.of(store);
            assertThat(first).isEqualTo(store.talkOutlines());

            revise(store, ada.id(), talk("Graph minors revisited", "An abstract.", "Ada Moreno", 5), false);
            create(store, talk("Third", "More.", "Cy Ng", 1));
            List<StoredTalk> second = kept.of(store);

            assertThat(second).isEqualTo(store.talkOutlines());
            assertThat(second).extracting(t -> t.talk().title()).containsExactly("Third", "Other", "Graph minors revisited");
            StoredTalk keptBo = second.stream().filter(t -> t.id() == bo.id()).findFirst().orElseThrow();
            assertThat(keptBo).isSameAs(first.stream().filter(t -> t.id() == bo.id()).findFirst().orElseThrow());

            revise(store, bo.id(), talk("Other", "Another.", "Bo Li", 4), true);
            assertThat(kept.of(store)).isEqualTo(store.talkOutlines()).filteredOn(StoredTalk::cancelled).extracting(StoredTalk::id)
                    .containsExactly(bo.id());
        }
    }

    @Test
    void theManifestIsKeptUnlessItChangesOnDisk(@TempDir Path dir) throws Exception {
        Path site = dir.resolve("site");
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"), STILL)) {
            StoredTalk ada = create(store, talk("Graph minors", "An abstract.", "Ada Moreno", 3));
            SitePublisher publisher = new SitePublisher(site, "Dept", Duration.ofHours(1), null, CHICAGO, STILL);
            publisher.publish(store);
            Path manifest = site.resolve(PublishManifest.FILE_NAME);
            Object written = Files.readAttributes(manifest, java.nio.file.attribute.BasicFileAttributes.class).fileKey();

            assertThat(publisher.publish(store).written()).isZero();
            assertThat(Files.readAttributes(manifest, java.nio.file.attribute.BasicFileAttributes.class).fileKey())
                    .as("a publish that changed nothing leaves the manifest as it was").isEqualTo(written);

            Path page = site.resolve("talks/" + ada.slug() + ".html");
            String published = Files.readString(page);
            Files.writeString(page, "changed by hand");
            Files.writeString(manifest, "not a manifest\n");
            publisher.publish(store);
            assertThat(Files.readString(page)).isEqualTo(published);
        }
    }
}

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A publish rewrites only what a change touches, and never leaves a file stale. */
class IncrementalPublishTest {
    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final LocalTime FOUR = LocalTime.of(16, 0);
    private static final String CHICAGO = "America/Chicago";

    private final FeedTalks talks = new FeedTalks();
    private final StoredTalk ada = talks.talk(TODAY.plusDays(1), FOUR, CHICAGO, "Theory", "H1", "Ada");
    private final StoredTalk bo = talks.talk(TODAY.plusDays(2), FOUR, CHICAGO, "Theory", "H2", "Bo");
    private final StoredTalk cy = talks.talk(TODAY.plusDays(3), FOUR, CHICAGO, "Systems", "H2", "Cy");
    private final StoredTalk old = talks.talk(LocalDate.of(2025, 3, 1), FOUR, CHICAGO, "Theory", "H1", "Ada");
    /** On the window's first day today, out of the window tomorrow. */
    private final StoredTalk edge = talks.talk(TODAY.minusDays(90), FOUR, CHICAGO, "Edge", "H3", "Eve");
    private final List<StoredTalk> all = List.of(ada, bo, cy, old, edge);

    private static SitePublisher publisher(Path site, Instant now) {
        return new SitePublisher(site, "Dept", Duration.ofHours(1), null, CHICAGO, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Set<String> withVariants(String... feeds) {
        Set<String> paths = new TreeSet<>();
        for (String feed : feeds) {
            paths.add(feed);
            paths.add(Feed.alarmPath(feed));
        }
        return paths;
    }

    private static StoredTalk retitled(StoredTalk stored, String title) {
        Talk t = stored.talk();
        Talk changed = new Talk(title, t.speakers(), t.date(), t.start(), t.end(), t.timezone(), t.location(), t.online(), t.url(),
                t.host(), t.series(), t.abstractText(), t.bio(), t.confidence(), t.warnings());
        return new StoredTalk(stored.id(), stored.uid(), stored.slug(), stored.cancelled(), stored.sequence() + 1, changed,
                stored.createdAt(), stored.updatedAt().plusSeconds(60));
    }

    @Test
    void aPublishWithNothingChangedWritesNoFile(@TempDir Path site) throws Exception {
        PublishReport first = publisher(site, NOW).publish(all);
        Map<String, Object> before = FileIdentities.of(site);

        PublishReport again = publisher(site, NOW).publish(all);

        assertThat(first.written()).isEqualTo(before.size());
        assertThat(again.written()).isZero();
        assertThat(again.removed()).isZero();
        assertThat(again.unchanged()).isEqualTo(before.size());
        assertThat(FileIdentities.rewritten(before, FileIdentities.of(site))).isEmpty();
    }

    @Test
    void aChangedTalkRewritesExactlyTheFilesThatShowIt(@TempDir Path site) throws Exception {
        publisher(site, NOW).publish(all);
        Map<String, Object> before = FileIdentities.of(site);

        PublishReport report = publisher(site, NOW).publish(List.of(ada, retitled(bo, "A new title"), cy, old, edge));

        Set<String> expected = withVariants("talks/" + bo.slug() + ".ics", "calendar.ics", "calendar-2026.ics", "series/theory.ics",
                "hosts/h2.ics", "speakers/bo.ics");
        expected.addAll(List.of("talks/" + bo.slug() + ".html", "index.html", "talks.json", "search.json.gz", "atom.xml", "series/theory.html",
                "hosts/h2.html", "speakers/bo.html"));
        assertThat(FileIdentities.rewritten(before, FileIdentities.of(site))).isEqualTo(expected);
        assertThat(report.written()).isEqualTo(expected.size());
        assertThat(report.unchanged()).isEqualTo(before.size() - expected.size());
        assertThat(Files.readString(site.resolve("series/theory.ics"))).contains("A new title");
    }

    @Test
    void aDeletedFileIsMadeAgainThoughItsInputsDidNotChange(@TempDir Path site) throws Exception {
        publisher(site, NOW).publish(all);
        Files.delete(site.resolve("talks/" + ada.slug() + ".html"));
        Files.delete(site.resolve("series/theory.alarm.ics"));

        PublishReport report = publisher(site, NOW).publish(all);

        assertThat(report.written()).isEqualTo(2);
        assertThat(site.resolve("talks/" + ada.slug() + ".html")).exists();
        assertThat(site.resolve("series/theory.alarm.ics")).exists();
    }

    @Test
    void aNewDayRewritesTheWindowedFeedsWhoseTalksChanged(@TempDir Path site) throws Exception {
        publisher(site, NOW).publish(all);
        assertThat(Files.readString(site.resolve("series/edge.ics"))).contains(edge.uid());
        Map<String, Object> before = FileIdentities.of(site);

        publisher(site, NOW.plus(Duration.ofDays(1))).publish(all);

        assertThat(FileIdentities.rewritten(before, FileIdentities.of(site)))
                .isEqualTo(withVariants("calendar.ics", "series/edge.ics", "hosts/h3.ics", "speakers/eve.ics"));
        assertThat(Files.readString(site.resolve("series/edge.ics"))).doesNotContain(edge.uid());
        assertThat(Files.readString(site.resolve("calendar-2026.ics"))).contains(edge.uid());
    }

    @Test
    void aDamagedManifestMeansEveryFileIsRenderedAgain(@TempDir Path site) throws Exception {
        publisher(site, NOW).publish(all);
        Path manifest = site.resolve(PublishManifest.FILE_NAME);
        List<String> lines = Files.readAllLines(manifest);
        Files.write(manifest, lines.subList(0, lines.size() - 1)); // cut short: its last line is missing
        Path page = site.resolve("talks/" + ada.slug() + ".html");
        String published = Files.readString(page);
        Files.writeString(page, "changed by hand");

        PublishReport report = publisher(site, NOW).publish(all);

        assertThat(Files.readString(page)).isEqualTo(published);
        assertThat(report.written()).isEqualTo(1);

        Files.writeString(page, "changed by hand");
        Files.writeString(manifest, "not a manifest\n");
        publisher(site, NOW).publish(all);
        assertThat(Files.readString(page)).isEqualTo(published);
    }

    @Test
    void aPublishCutShortLeavesNoFileThatTheNextOneTrustsWrongly(@TempDir Path site) throws Exception {
        publisher(site, NOW).publish(all);
        // the next publish fails on bo's page, after it has written the feeds with bo's new title
        Path page = site.resolve("talks/" + bo.slug() + ".html");
        Files.delete(page);
        Files.writeString(Files.createDirectories(page).resolve("obstacle"), "x");
        List<StoredTalk> changed = List.of(ada, retitled(bo, "A title that did not last"), cy, old, edge);
        assertThatThrownBy(() -> publisher(site, NOW).publish(changed)).isInstanceOf(java.io.IOException.class);
        assertThat(Files.readString(site.resolve("calendar.ics"))).contains("A title that did not last");
        Files.delete(page.resolve("obstacle"));
        Files.delete(page);

        // the talk is as it was when the manifest was last written whole: its feeds are made again all the same
        publisher(site, NOW).publish(all);

        assertThat(Files.readString(site.resolve("calendar.ics"))).doesNotContain("A title that did not last");
        assertThat(Files.readString(site.resolve("series/theory.ics"))).doesNotContain("A title that did not last");
        assertThat(page).isRegularFile();
    }

    @Test
    void aTalkNoLongerPublishedHasItsFilesRemoved(@TempDir Path site) throws Exception {
        publisher(site, NOW).publish(all);

        PublishReport report = publisher(site, NOW).publish(List.of(ada, bo, old, edge));

        assertThat(site.resolve("talks/" + cy.slug() + ".html")).doesNotExist();
        assertThat(site.resolve("series/systems.alarm.ics")).doesNotExist();
        assertThat(site.resolve("speakers/cy.html")).doesNotExist();
        // its page, .ics and variant; its series' and speaker's feeds and pages
        assertThat(report.removed()).isEqualTo(3 + 2 + 2 + 2);
    }

    /** Publishing from the store reads outlines and only the whole talks it renders, and makes the same files. */
    @Test
    void theStoreAndItsTalksPublishTheSameSite(@TempDir Path dir) throws Exception {
        try (TalkStore store = TalkStore.open(dir.resolve("talks.db"), Clock.fixed(NOW, ZoneOffset.UTC))) {
            List<Talk> recorded = List.of(
                    new Talk("Graph minors", List.of(new Speaker("Ada Moreno", "Uni A"), new Speaker("Bo Li", null)), TODAY.plusDays(1),
                            FOUR, LocalTime.of(17, 30), CHICAGO, "Room 1", false, null, "H1", "Theory", "An abstract, \"quoted\".",
                            "A bio.", 0.9, List.of("a warning")),
                    new Talk(null, List.of(new Speaker("Cy Né", null)), TODAY.minusDays(3), null, null, null, null, true,
                            "https://zoom.example.com/j/1", null, null, null, null, 0.5, List.of()),
                    new Talk("No date yet", List.of(), null, null, null, null, "Room 2", false, null, null, "Theory", "Text", null,
                            0.4, List.of()));
            for (int i = 0; i < recorded.size(); i++) {
                int index = i;
                store.write(w -> {
                    String key = "<" + index + "@x>";
                    long row = w.insertMessage(new MessageRecord(key, "m", "m", "s", "a@x", null, Outcome.ANNOUNCEMENT, null, key,
                            null));
                    return w.create(key, 0, recorded.get(index), Kind.ANNOUNCEMENT, "a@x", true, row);
                });
            }

            publisher(dir.resolve("from-store"), NOW).publish(store);
            publisher(dir.resolve("from-talks"), NOW).publish(store.talks());

            List<String> differing = new ArrayList<>();
            Map<String, Object> made = FileIdentities.of(dir.resolve("from-talks"));
            assertThat(FileIdentities.of(dir.resolve("from-store")).keySet()).isEqualTo(made.keySet()).contains("talks.json", "index.html");
            for (String path : made.keySet()) {
                if (Files.mismatch(dir.resolve("from-store").resolve(path), dir.resolve("from-talks").resolve(path)) != -1) {
                    differing.add(path);
                }
            }
            assertThat(differing).isEmpty();
            assertThat(Files.readString(dir.resolve("from-store/talks.json"))).contains("An abstract, \\\"quoted\\\".", "a warning");
        }
    }
}

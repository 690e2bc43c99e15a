package org.talkfeed.publish;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.store.StoredTalk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which talks each feed holds, the window of the subscribable feeds, and feed addresses that never change. */
class FeedSetTest {
    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final LocalTime FOUR = LocalTime.of(16, 0);
    private static final String CHICAGO = "America/Chicago";

    private final FeedTalks talks = new FeedTalks();

    private static FeedSet feeds(List<StoredTalk> all) {
        return FeedSet.of(all, FeedSlugs.empty(), "Dept talks", 90, TODAY, NOW);
    }

    private static Map<String, List<String>> membersByPath(FeedSet set) {
        return set.subscribable().stream().collect(Collectors.toMap(Feed::path,
                f -> f.members().stream().map(StoredTalk::uid).toList()));
    }

    @Test
    void eachSeriesSpeakerAndHostHasAFeedOfItsTalks() {
        StoredTalk theory1 = talks.talk(TODAY.plusDays(3), FOUR, CHICAGO, "Theory Seminar", "Ada Host", "Lin Wei");
        StoredTalk systems = talks.talk(TODAY.plusDays(4), FOUR, CHICAGO, "Systems Seminar", "Bo Host", "Lin Wei", "Sam Okoro");
        StoredTalk theory2 = talks.talk(TODAY.plusDays(1), FOUR, CHICAGO, "theory  seminar", null, "Sam Okoro");
        StoredTalk noSeries = talks.talk(TODAY.plusDays(2), FOUR, CHICAGO, null, "Ada Host", "Kim Park");
        StoredTalk undated = talks.talk(null, null, CHICAGO, "Theory Seminar", "Ada Host", "Lin Wei");

        FeedSet set = feeds(List.of(theory1, systems, theory2, noSeries, undated));
        Map<String, List<String>> members = membersByPath(set);

        assertThat(members).containsOnlyKeys("calendar.ics", "calendar-2026.ics", "series/theory-seminar.ics",
                "series/systems-seminar.ics", "speakers/lin-wei.ics", "speakers/sam-okoro.ics", "speakers/kim-park.ics",
                "hosts/ada-host.ics", "hosts/bo-host.ics");
        assertThat(members.get("series/theory-seminar.ics")).as("one feed for both spellings, oldest first")
                .containsExactly(theory2.uid(), theory1.uid());
        assertThat(members.get("series/systems-seminar.ics")).containsExactly(systems.uid());
        assertThat(members.get("speakers/lin-wei.ics")).containsExactly(theory1.uid(), systems.uid());
        assertThat(members.get("speakers/sam-okoro.ics")).containsExactly(theory2.uid(), systems.uid());
        assertThat(members.get("hosts/ada-host.ics")).containsExactly(noSeries.uid(), theory1.uid());
        assertThat(members.get("calendar.ics")).hasSize(4).doesNotContain(undated.uid());
        assertThat(set.subscribable()).filteredOn(f -> f.path().equals("series/theory-seminar.ics"))
                .extracting(Feed::title).containsExactly("Theory Seminar — Dept talks");
        assertThat(set.talks()).extracting(Feed::path).containsExactlyInAnyOrder("talks/talk-1.ics", "talks/talk-2.ics", "talks/talk-3.ics",
                "talks/talk-4.ics");
        assertThat(set.everyFile().map(Feed::path)).contains("series/theory-seminar.alarm.ics", "calendar.alarm.ics",
                "talks/talk-1.alarm.ics").doesNotHaveDuplicates();
    }

    @Test
    void theWindowKeepsNinetyDaysAndEverythingUpcomingAndRecentCancellations() {
        StoredTalk ninetyOneDaysAgo = talks.talk(TODAY.minusDays(91), FOUR, CHICAGO, "S", null, "A B");
        StoredTalk ninetyDaysAgo = talks.talk(TODAY.minusDays(90), FOUR, CHICAGO, "S", null, "A B");
        StoredTalk nextYear = talks.talk(TODAY.plusDays(400), FOUR, CHICAGO, "S", null, "A B");
        StoredTalk cancelledTenDaysAgo = FeedTalks.cancelled(talks.talk(TODAY.minusDays(120), FOUR, CHICAGO, "S", null, "A B"),
                NOW.minus(Duration.ofDays(10)));
        StoredTalk cancelledLongAgo = FeedTalks.cancelled(talks.talk(TODAY.minusDays(120), FOUR, CHICAGO, "S", null, "A B"),
                NOW.minus(Duration.ofDays(31)));

        Map<String, List<String>> members = membersByPath(feeds(List.of(ninetyOneDaysAgo, ninetyDaysAgo, nextYear,
                cancelledTenDaysAgo, cancelledLongAgo)));

        for (String windowed : List.of("calendar.ics", "series/s.ics", "speakers/a-b.ics")) {
            assertThat(members.get(windowed)).as(windowed)
                    .containsExactly(cancelledTenDaysAgo.uid(), ninetyDaysAgo.uid(), nextYear.uid());
        }
        assertThat(members.get("calendar-2026.ics")).as("a year feed is not windowed")
                .containsExactly(cancelledTenDaysAgo.uid(), cancelledLongAgo.uid(), ninetyOneDaysAgo.uid(), ninetyDaysAgo.uid());
        assertThat(members.get("calendar-2027.ics")).containsExactly(nextYear.uid());
    }

    @Test
    void namesThatSlugAlikeGetDistinctSlugsInOrderOfCreation() {
        FeedSlugs slugs = FeedSlugs.empty();
        StoredTalk first = talks.talk(TODAY, FOUR, CHICAGO, "Théorie", null, "José Núñez");
        StoredTalk second = talks.talk(TODAY.minusDays(1), FOUR, CHICAGO, "Theorie", null, "Jose Nunez");
        StoredTalk sameName = talks.talk(TODAY.plusDays(1), FOUR, CHICAGO, "THÉORIE", null, "JOSÉ  NÚÑEZ");

        Map<String, List<String>> members = membersByPath(FeedSet.of(List.of(sameName, second, first), slugs, "x", 90, TODAY, NOW));

        assertThat(members.get("speakers/jose-nunez.ics")).containsExactly(first.uid(), sameName.uid());
        assertThat(members.get("speakers/jose-nunez-2.ics")).containsExactly(second.uid());
        assertThat(members.get("series/theorie.ics")).containsExactly(first.uid(), sameName.uid());
        assertThat(members.get("series/theorie-2.ics")).containsExactly(second.uid());
    }

    @Test
    void aPublishedFeedKeepsItsAddressWhenTheNameThatCameFirstGoes(@TempDir Path site) throws Exception {
        StoredTalk first = talks.talk(TODAY, FOUR, CHICAGO, null, null, "José Núñez");
        StoredTalk second = talks.talk(TODAY.plusDays(1), FOUR, CHICAGO, null, null, "Jose Nunez");
        SitePublisher publisher = new SitePublisher(site, "Dept", Duration.ofHours(1), null, "America/Chicago",
                Clock.fixed(NOW, ZoneOffset.UTC));
        publisher.publish(List.of(first, second));
        String secondFeed = Files.readString(site.resolve("speakers/jose-nunez-2.ics"));
        assertThat(secondFeed).contains(second.uid()).doesNotContain(first.uid());

        // the first talk's speaker is corrected: "Jose Nunez" is now the first name of its kind, yet keeps its address
        StoredTalk corrected = FeedTalks.withSpeakers(first, "Ana Ruiz");
        Function<String, Path> feed = path -> site.resolve(path);
        publisher.publish(List.of(corrected, second));

        assertThat(feed.apply("speakers/jose-nunez-2.ics")).exists();
        assertThat(Files.readString(feed.apply("speakers/jose-nunez-2.ics"))).contains(second.uid());
        assertThat(feed.apply("speakers/jose-nunez.ics")).as("a name with no talks left has no feed").doesNotExist();
        assertThat(feed.apply("speakers/ana-ruiz.ics")).exists();

        // "José Núñez" comes back: the address it had is still its own
        publisher.publish(List.of(first, second));
        assertThat(Files.readString(feed.apply("speakers/jose-nunez.ics"))).contains(first.uid()).doesNotContain(second.uid());
        assertThat(Files.readString(feed.apply("speakers/jose-nunez-2.ics"))).contains(second.uid());
    }

    @Test
    void aRebuiltSiteGivesTheSameAddressesAndAnUnreadableRecordStopsThePublication(@TempDir Path dir) throws Exception {
        List<StoredTalk> all = List.of(talks.talk(TODAY, FOUR, CHICAGO, "Séminaire", "H", "José Núñez"),
                talks.talk(TODAY, FOUR, CHICAGO, "Seminaire", "H", "Jose Nunez"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        new SitePublisher(dir.resolve("a"), "Dept", Duration.ofHours(1), null, CHICAGO, clock).publish(all);
        new SitePublisher(dir.resolve("b"), "Dept", Duration.ofHours(1), null, CHICAGO, clock).publish(List.of(all.get(1), all.get(0)));

        assertThat(Files.readString(dir.resolve("b").resolve(FeedSlugs.FILE_NAME)))
                .isEqualTo(Files.readString(dir.resolve("a").resolve(FeedSlugs.FILE_NAME)))
                .contains("\"séminaire\" : \"seminaire\"", "\"seminaire\" : \"seminaire-2\"");

        Files.writeString(dir.resolve("a").resolve(FeedSlugs.FILE_NAME), "{not json");
        SitePublisher again = new SitePublisher(dir.resolve("a"), "Dept", Duration.ofHours(1), null, CHICAGO, clock);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> again.publish(all)).hasMessageContaining("feed slugs");
    }
}

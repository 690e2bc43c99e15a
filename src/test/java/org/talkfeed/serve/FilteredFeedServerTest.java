package org.talkfeed.serve;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.publish.FeedSettings;
import org.talkfeed.publish.FilteredFeeds;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Filtered feeds from the running server, read by ical.js, a parser talkfeed did not write. */
class FilteredFeedServerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-05-01T00:00:00Z");
    private static final String ZONE = "America/Chicago";
    private static final FeedSettings SETTINGS = new FeedSettings("Talks at Example", Duration.ofMinutes(60),
            "https://talks.example.edu", 90, Duration.ofMinutes(15), Duration.ofMinutes(60));

    @TempDir
    Path site;
    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The server's clock, which a test moves on. */
    private final AtomicReference<Instant> serverNow = new AtomicReference<>(NOW);
    private SiteServer server;

    private final StoredTalk graphs = talk(1, "Sparse graphs", LocalDate.of(2026, 6, 10), "Théorie Seminar", "Charles Babbage",
            "Random walks on expanders.", 0, new Speaker("Ada Lovelace", "Analytical Engines"));
    private final StoredTalk trees = talk(2, "Tree width", LocalDate.of(2026, 6, 17), "Théorie Seminar", "Grace Hopper",
            "Dynamic programming on decompositions.", 0, new Speaker("Alan Turing", "Bletchley"));
    private final StoredTalk linkers = talk(3, "Linkers", LocalDate.of(2026, 6, 12), "Systems Colloquium", null,
            "What a linker does.", 0, new Speaker("Grace Hopper", null));
    private final StoredTalk longAgo = talk(4, "Old walks", LocalDate.of(2025, 1, 10), "Théorie Seminar", "Charles Babbage",
            "Random walks, long ago.", 0, new Speaker("Ada Lovelace", null));
    /** Two series whose slugs collide ("algebra", then "algebra-2"): only the slug file tells them apart by slug. */
    private final StoredTalk alpha = talk(5, "Rings", LocalDate.of(2026, 6, 20), "Algebra α", null, "Rings.", 0,
            new Speaker("Emmy Noether", null));
    private final StoredTalk beta = talk(6, "Fields", LocalDate.of(2026, 6, 21), "Algebra β", null, "Fields.", 0,
            new Speaker("Emil Artin", null));

    @BeforeEach
    void start() throws IOException {
        publish(List.of(graphs, trees, linkers, longAgo, alpha, beta));
        server = SiteServer.start("127.0.0.1", 0, site);
        server.serveFilteredFeeds(new FilteredFeeds(site, SETTINGS, ZONE, new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return serverNow.get();
            }
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void publish(List<StoredTalk> talks) throws IOException {
        new SitePublisher(site, SETTINGS, ZONE, clock).publish(talks);
    }

    private static StoredTalk talk(long id, String title, LocalDate date, String series, String host, String abstractText,
                                   int sequence, Speaker... speakers) {
        Talk talk = new Talk(title, Arrays.asList(speakers), date, LocalTime.of(16, 0), null, ZONE, "Room " + id, false, null,
                host, series, abstractText, null, 1.0, List.of());
        return new StoredTalk(id, "uid-" + id + "@talkfeed", "talk-" + id, false, sequence, talk, CREATED.plusSeconds(id),
                CREATED.plusSeconds(id + sequence * 1000L));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The UIDs of the feed's events as ical.js reads them, each with its instant checked against the talk's. */
    private List<String> uidsReadByIcalJs(String feed) throws Exception {
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")), "ical.js (npm ci in src/test/js)");
        Path ics = Files.writeString(Files.createTempFile(work, "filtered", ".ics"), feed);
        Process node = new ProcessBuilder("node", Path.of("src", "test", "js", "ics-starts.mjs").toString(), ics.toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        List<String> uids = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] columns = line.split("\t");
            StoredTalk talk = List.of(graphs, trees, linkers, longAgo, alpha, beta).stream().filter(t -> t.uid().equals(columns[0]))
                    .findFirst().orElseThrow();
            assertThat(columns[1]).as(line).isEqualTo(talk.talk().startsAt().orElseThrow().toInstant().toString()
                    .replace("Z", ".000Z"));
            uids.add(columns[0]);
        }
        return uids;
    }

    private static String unfolded(String feed) {
        return feed.replace("\r\n ", "");
    }

    @Test
    void bySeriesNameWithoutAccentsOrCaseAndBySlug() throws Exception {
        HttpResponse<String> feed = get("/calendar.ics?series=theorie%20SEMINAR");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(uidsReadByIcalJs(feed.body())).as("the old talk is outside the window")
                .containsExactly(graphs.uid(), trees.uid());
        assertThat(unfolded(feed.body()).lines()).contains(
                "NAME:Théorie Seminar — Talks at Example",
                "X-WR-CALNAME:Théorie Seminar — Talks at Example",
                "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
                "SOURCE:https://talks.example.edu/calendar.ics?series=theorie%20SEMINAR");
        assertThat(feed.body()).contains("BEGIN:VTIMEZONE").doesNotContain("BEGIN:VALARM");

        assertThat(uidsReadByIcalJs(get("/calendar.ics?series=theorie-seminar").body())).containsExactly(graphs.uid(), trees.uid());
        assertThat(uidsReadByIcalJs(get("/calendar.ics?series=systems-colloquium&series=nothing").body()))
                .containsExactly(linkers.uid());
        assertThat(Files.readString(site.resolve(".feed-slugs.json"))).contains("\"algebra-2\"");
        HttpResponse<String> numbered = get("/calendar.ics?series=algebra-2");
        assertThat(uidsReadByIcalJs(numbered.body())).containsExactly(beta.uid());
        assertThat(unfolded(numbered.body())).contains("NAME:Algebra β — Talks at Example\r\n");
        assertThat(uidsReadByIcalJs(get("/calendar.ics?series=algebra").body())).containsExactly(alpha.uid());
    }

    @Test
    void bySpeakerSlugAndWithReminders() throws Exception {
        String slugs = Files.readString(site.resolve(".feed-slugs.json"));
        assertThat(slugs).contains("\"ada-lovelace\"");

        HttpResponse<String> feed = get("/calendar.ics?speaker=ada-lovelace");
        assertThat(uidsReadByIcalJs(feed.body())).containsExactly(graphs.uid());
        assertThat(unfolded(feed.body())).contains("NAME:Talks by Ada Lovelace — Talks at Example\r\n");

        HttpResponse<String> alarms = get("/calendar.alarm.ics?speaker=ada-lovelace");
        assertThat(uidsReadByIcalJs(alarms.body())).containsExactly(graphs.uid());
        assertThat(alarms.body()).contains("BEGIN:VALARM", "TRIGGER:-PT15M");
        assertThat(unfolded(alarms.body())).contains("SOURCE:https://talks.example.edu/calendar.alarm.ics?speaker=ada-lovelace\r\n");

        assertThat(uidsReadByIcalJs(get("/calendar.ics?speaker=grace%20hopper").body())).as("a speaker, not a host")
                .containsExactly(linkers.uid());
        assertThat(uidsReadByIcalJs(get("/calendar.ics?host=grace-hopper").body())).containsExactly(trees.uid());
        assertThat(uidsReadByIcalJs(get("/calendar.ics?series=theorie-seminar&speaker=alan-turing").body()))
                .as("every parameter must match").containsExactly(trees.uid());
    }

    @Test
    void byWordsInTheAbstractAndOtherFields() throws Exception {
        HttpResponse<String> feed = get("/calendar.ics?q=WALKS");
        assertThat(uidsReadByIcalJs(feed.body())).as("the abstract's words; not the old talk's").containsExactly(graphs.uid());
        assertThat(unfolded(feed.body())).contains("NAME:Matching “WALKS” — Talks at Example\r\n");
        assertThat(uidsReadByIcalJs(get("/calendar.ics?q=random+expand").body())).as("each word begins a word")
                .containsExactly(graphs.uid());
        assertThat(uidsReadByIcalJs(get("/calendar.ics?q=random+linker").body())).isEmpty();
        assertThat(uidsReadByIcalJs(get("/calendar.ics?q=bletchley").body())).as("affiliations").containsExactly(trees.uid());
        assertThat(uidsReadByIcalJs(get("/calendar.ics?q=room+3").body())).as("the location").containsExactly(linkers.uid());
        assertThat(uidsReadByIcalJs(get("/calendar.ics?q=theorie&utm_source=mail").body()))
                .as("the series, and an unknown parameter is ignored").containsExactly(graphs.uid(), trees.uid());
    }

    @Test
    void theWindowMovesOnWithoutARepublication() throws Exception {
        String path = "/calendar.ics?series=theorie-seminar";
        String etag = get(path).headers().firstValue("ETag").orElseThrow();
        serverNow.set(Instant.parse("2026-09-15T15:00:00Z"));
        HttpResponse<String> later = get(path, "If-None-Match", etag);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(uidsReadByIcalJs(later.body())).as("June 10 is more than 90 days before September 15")
                .containsExactly(trees.uid());
    }

    @Test
    void answers304ToItsEtagUntilAMatchingTalkChanges() throws Exception {
        String path = "/calendar.ics?speaker=ada-lovelace";
        HttpResponse<String> first = get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/calendar.ics?speaker=alan-turing").headers().firstValue("ETag")).get().isNotEqualTo(etag);
        assertThat(get("/calendar.alarm.ics?speaker=ada-lovelace").headers().firstValue("ETag")).get().isNotEqualTo(etag);

        HttpResponse<byte[]> gzipped = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(new String(new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body())).readAllBytes(),
                StandardCharsets.UTF_8)).isEqualTo(first.body());
        String gzipEtag = gzipped.headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept-Encoding", "gzip").header("If-None-Match", gzipEtag).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(304);

        publish(List.of(trees, linkers, longAgo, alpha, beta, talk(1, "Trees are graphs too", graphs.talk().date(), "Théorie Seminar",
                "Charles Babbage", "Random walks on expanders.", 1, new Speaker("Ada Lovelace", "Analytical Engines"))));
        assertThat(get("/calendar.ics?speaker=alan-turing", "If-None-Match",
                get("/calendar.ics?speaker=alan-turing").headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
        HttpResponse<String> changed = get(path, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("SUMMARY:Ada Lovelace: Trees are graphs too", "SEQUENCE:1");
        assertThat(changed.headers().firstValue("ETag")).get().isNotEqualTo(etag);
    }

    @Test
    void aBadValueIs400WithAPlainMessage() throws Exception {
        HttpResponse<String> tooLong = get("/calendar.ics?q=" + "a".repeat(201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(tooLong.body()).isEqualTo("q: longer than 200 characters\n");
        assertThat(get("/calendar.ics?q=" + "a".repeat(200)).statusCode()).isEqualTo(200);

        HttpResponse<String> control = get("/calendar.ics?speaker=ada%00lovelace");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).isEqualTo("speaker: control characters are not allowed\n");
        assertThat(get("/calendar.ics?" + "series=a&".repeat(11)).statusCode()).isEqualTo(400);
    }

    @Test
    void withoutAKnownParameterTheStaticFeedIsServed() throws Exception {
        String file = Files.readString(site.resolve("calendar.ics"));
        HttpResponse<String> feed = get("/calendar.ics?utm_source=newsletter");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).isEqualTo(file);
        assertThat(get("/calendar.ics?series=").body()).as("a blank value is no filter").isEqualTo(file);
        assertThat(get("/talks/talk-1.ics?speaker=alan-turing").body()).as("only the site's feed is filtered")
                .isEqualTo(Files.readString(site.resolve("talks/talk-1.ics")));
    }
}

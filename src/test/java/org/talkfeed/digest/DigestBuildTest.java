package org.talkfeed.digest;

import org.talkfeed.SetClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.config.Config;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Kind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The digest of a week of talks read from mail: its page in the archive, and its email with text, HTML and calendar. */
class DigestBuildTest {
    @TempDir
    Path dir;

    @Test
    void aWeekOfTalksBecomesAnArchivePageAndAnEmailWithTextHtmlAndCalendarParts() throws Exception {
        Config config = DigestFixture.config(dir, "digest:\n  from: Talks <talks@dept.example>\n");
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-01T12:00:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            WeeklyDigest digest = DigestFixture.digest(config, store, clock, null);
            assertThat(digest.comingWeek()).as("on Sunday, the week after").isEqualTo(DigestFixture.WEEK);

            WeeklyDigest.Built built = digest.build(DigestFixture.WEEK);

            assertThat(built.digest().subject()).isEqualTo("Talks this week: 2–8 Mar 2026 (2 talks)");
            String page = Files.readString(config.site().resolve("digest/2026-W10.html"));
            assertThat(page).contains("Tree Width", "Graph Minors &amp; &lt;script&gt;", "Tuesday 3 March", "Thursday 5 March",
                    "16:00–17:00 UTC+01:00 (Europe/Berlin)", "Ada Quint (Lakeshore University)", "../talks/")
                    .doesNotContain("<script>alert", "Next Week");
            assertThat(Files.readString(config.site().resolve("digest/index.html"))).contains("href=\"2026-W10.html\"");

            MimeMessage sent = reparse(digest.message(built, "list@dept.example", "<digest.test@dept.example>"));
            assertThat(sent.getSubject()).isEqualTo("Talks this week: 2–8 Mar 2026 (2 talks)");
            assertThat(sent.getMessageID()).isEqualTo("<digest.test@dept.example>");
            Multipart mixed = (Multipart) sent.getContent();
            assertThat(mixed.getContentType()).startsWith("multipart/mixed");
            Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
            assertThat(alternative.getContentType()).startsWith("multipart/alternative");
            assertThat(alternative.getCount()).isEqualTo(2);
            BodyPart text = alternative.getBodyPart(0);
            BodyPart html = alternative.getBodyPart(1);
            assertThat(text.getContentType()).startsWith("text/plain");
            assertThat(((String) text.getContent()).replace("\r\n", "\n")).contains("Graph Minors & <script>alert(1)</script>", "Tree Width",
                    "  Ada Quint (Lakeshore University)\n  Tue 3 Mar 2026, 16:00–17:00 UTC+01:00 (Europe/Berlin)\n",
                    "https://talks.example.edu/talks/");
            assertThat(html.getContentType()).startsWith("text/html");
            assertThat((String) html.getContent()).contains("<style>", "Graph Minors &amp; &lt;script&gt;")
                    .doesNotContain("<script>alert");

            BodyPart attachment = mixed.getBodyPart(1);
            assertThat(attachment.getContentType()).startsWith("text/calendar");
            assertThat(attachment.getFileName()).isEqualTo("talks-2026-W10.ics");
            String ics = new String(((InputStream) attachment.getContent()).readAllBytes(), StandardCharsets.UTF_8);
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            List<VEvent> events = calendar.getComponents(Component.VEVENT);
            assertThat(events).hasSize(2);
            List<String> uids = store.talks().stream().filter(t -> DigestFixture.WEEK.contains(t.talk().date()))
                    .map(StoredTalk::uid).toList();
            assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue()).containsExactlyInAnyOrderElementsOf(uids);
            assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20260303T160000", "BEGIN:VTIMEZONE");
            assertThat(readByIcalJs(ics)).as("ical.js's reading: UID, UTC start").contains(
                    uidOf(store, "Tree Width") + "\t2026-03-05T15:00:00.000Z");
        }
    }

    /** "UID<TAB>UTC start" of each event as ical.js reads the calendar (src/test/js/ics-instants.mjs). */
    private List<String> readByIcalJs(String ics) throws Exception {
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")), "ical.js (npm ci in src/test/js)");
        Path file = dir.resolve("attachment.ics");
        Files.writeString(file, ics);
        Process node = new ProcessBuilder("node", Path.of("src", "test", "js", "ics-instants.mjs").toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        return output.lines().map(line -> line.split("\t")).map(cols -> cols[1] + "\t" + cols[2]).toList();
    }

    private static String uidOf(TalkStore store, String title) {
        return store.talks().stream().filter(t -> title.equals(t.talk().title())).findFirst().orElseThrow().uid();
    }

    @Test
    void aTalkMovedAfterTheLastDigestWasSentIsListedAsChanged() throws Exception {
        Config config = DigestFixture.config(dir, "");
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-02-20T12:00:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            clock.set(OffsetDateTime.parse("2026-02-23T08:00:00+01:00").toInstant());
            store.claimDigest("2026-W09", "<digest.w09@dept.example>", 0);
            store.markDigestSent("2026-W09");
            clock.set(OffsetDateTime.parse("2026-02-25T10:00:00+01:00").toInstant());
            StoredTalk treeWidth = store.talks().stream().filter(t -> "Tree Width".equals(t.talk().title())).findFirst().orElseThrow();
            store.write(w -> {
                long row = w.insertMessage(new MessageRecord("<moved@dept.example>", "local", "test", "Moved: Tree Width",
                        "admin@dept.example", null, Outcome.UPDATE, null, "<moved@dept.example>", null));
                return w.revise(treeWidth.id(), treeWidth.talk().on(LocalDate.of(2026, 3, 6), LocalTime.of(14, 0), null),
                        false, Kind.UPDATE, row);
            });

            Digest digest = new DigestCollector(store, DigestFixture.BERLIN).collect(DigestFixture.WEEK);

            assertThat(digest.changes()).singleElement().satisfies(c -> {
                assertThat(c.talk().talk().title()).isEqualTo("Tree Width");
                assertThat(c.what()).isEqualTo("moved from Thu 5 Mar 2026, 16:00–17:00 UTC+01:00 (Europe/Berlin) "
                        + "to Fri 6 Mar 2026, 14:00 UTC+01:00 (Europe/Berlin)");
            });
            assertThat(digest.talks()).extracting(t -> t.talk().date())
                    .containsExactly(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 6));
        }
    }

    @Test
    void templatesBesideTheConfigurationReplaceTheBuiltInOnesAndStillEscapeHtml() throws Exception {
        Config config = DigestFixture.config(dir, "");
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/digest-page.html.mustache"),
                "{{#digest}}<h1 class=\"ours\">{{subject}}</h1>{{#days}}{{#talks}}<p>{{title}}</p>{{/talks}}{{/days}}{{/digest}}");
        Files.writeString(dir.resolve("templates/digest.html.mustache"), "<h1 class=\"mail\">{{subject}}</h1>");
        SetClock clock = new SetClock(OffsetDateTime.parse("2026-03-02T12:00:00+01:00").toInstant());
        try (TalkStore store = TalkStore.open(config.store(), clock)) {
            DigestFixture.fill(config, store, clock);
            WeeklyDigest.Built built = DigestFixture.digest(config, store, clock, null).build(DigestFixture.WEEK);
            String page = Files.readString(config.site().resolve("digest/2026-W10.html"));
            assertThat(page).startsWith("<h1 class=\"ours\">Talks this week: 2–8 Mar 2026 (2 talks)</h1>")
                    .contains("<p>Graph Minors &amp; &lt;script&gt;alert(1)&lt;/script&gt;</p>");
            assertThat(built.content().html()).isEqualTo("<h1 class=\"mail\">Talks this week: 2–8 Mar 2026 (2 talks)</h1>");
        }
    }

    @Test
    void isoWeeksAreReadAndWrittenAsIso8601() {
        assertThat(IsoWeek.parse("2026-W08").monday()).isEqualTo(LocalDate.of(2026, 2, 16));
        assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(IsoWeek.containing(LocalDate.of(2027, 1, 2))).hasToString("2026-W53");
        assertThat(IsoWeek.coming(LocalDate.of(2026, 2, 20))).as("a Friday").hasToString("2026-W08");
        assertThat(IsoWeek.coming(LocalDate.of(2026, 2, 21))).as("a Saturday").hasToString("2026-W09");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IsoWeek.parse("2025-W53"))
                .hasMessageContaining("has no week 53");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IsoWeek.parse("2026-8")).hasMessageContaining("2026-W08");
        Digest acrossYears = new Digest(IsoWeek.parse("2026-W01"), DigestFixture.BERLIN, List.of(), List.of());
        assertThat(acrossYears.subject()).isEqualTo("Talks this week: 29 Dec 2025 – 4 Jan 2026 (no talks)");
    }

    private static MimeMessage reparse(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes.toByteArray()));
    }
}

package org.talkfeed.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.talkfeed.Needs;
import org.talkfeed.TestMail;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mailbox of hostile and clumsy mail through `talkfeed run --once`: scripts, iCalendar injection, traversal names,
 * forged senders, squatted Message-IDs, huge and deeply nested messages. Each is recorded with what it became, the
 * run goes on, and the published site and feed are safe and read right by ical.js.
 */
class HostileMailTest {
    private static final String DATE = "Mon, 2 Mar 2026 09:00:00 -0600";
    private static final String ADA = "Ada Quint <ada@dept.example>";
    private static final String BEN = "Ben Ortiz <ben@dept.example>";

    private static String announcement(String title, String extra) {
        return "Title: " + title + "\nSpeaker: Ada Quint, Lakeshore University\nDate: Thursday, March 12, 2026\n"
                + "Time: 4:00-5:00 pm\nPlace: Hall 210\n" + extra;
    }

    /** The mailbox, in delivery order (Maildir files are read in name order). */
    private static List<byte[]> mailbox() {
        List<byte[]> mail = new ArrayList<>();
        mail.add(TestMail.plain(ADA, "<script@dept.example>", DATE, "Talk: <script>alert(1)</script> Graphs",
                announcement("<script>alert('x')</script> Graphs & <b>Minors</b>", "Abstract: <img src=x onerror=alert(1)> We study graphs.\n")));
        mail.add(TestMail.plain(ADA, "<inject@dept.example>", DATE, "Talk: Injection",
                "Title: Lattices\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\u0000\u001b[31m\nSpeaker: Lena Vogt, Lakeshore University\n"
                        + "Date: Friday, March 13, 2026\nTime: 2:00-3:00 pm\nPlace: Room 5\u0007;X-INJECTED:1\n"));
        mail.add(TestMail.plain(ADA, "<traversal@dept.example>", DATE, "Talk: ../../../etc/passwd",
                "Title: ../../../../etc/passwd\nSpeaker: ..\\..\\Windows System32, Lakeshore University\n"
                        + "Date: Monday, March 16, 2026\nTime: 1:00-2:00 pm\nPlace: ../../tmp\n"));
        mail.add(TestMail.plain(ADA, "<forged@dept.example>", DATE, "Talk: Forged", announcement("Forged Talk", ""),
                "Return-Path: <mallory@evil.example>\nSender: mallory@evil.example\n"));
        mail.add(TestMail.plain("Mallory <mallory@evil.example>", "<coming@dept.example>", DATE, "squat", "nothing here"));
        mail.add(TestMail.plain(BEN, "<coming@dept.example>", DATE, "Talk: Coming Soon",
                "Title: Coming Soon\nSpeaker: Cy Lund, Lakeshore University\nDate: Tuesday, March 17, 2026\n"
                        + "Time: 11:00 am-12:00 pm\nPlace: Hall 3\n"));
        mail.add(TestMail.plain(BEN, "<cancel@dept.example>", DATE, "CANCELLED: Lattices",
                "Speaker: Lena Vogt\nDate: Friday, March 13, 2026\nTime: 2:00 pm\n\nThis talk is cancelled.\n"));
        mail.add(TestMail.plain(ADA, "<script@dept.example>", DATE, "Talk: something else entirely",
                announcement("Another Title Under A Reused Message-ID", "")));
        mail.add(nested(40));
        mail.add(manyParts(2_000));
        mail.add(huge(6 << 20));
        return mail;
    }

    private static byte[] nested(int depth) {
        StringBuilder m = new StringBuilder("From: " + ADA + "\nReturn-Path: <ada@dept.example>\nMessage-ID: <nested@dept.example>\n"
                + "Date: " + DATE + "\nSubject: Talk: nested\nMIME-Version: 1.0\n");
        for (int i = 0; i < depth; i++) {
            m.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\n\n--b").append(i).append('\n');
        }
        m.append("Content-Type: text/plain\n\n").append(announcement("Deep Inside", "")).append('\n');
        for (int i = depth - 1; i >= 0; i--) {
            m.append("--b").append(i).append("--\n");
        }
        return m.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] manyParts(int parts) {
        StringBuilder m = new StringBuilder("From: " + ADA + "\nReturn-Path: <ada@dept.example>\nMessage-ID: <parts@dept.example>\n"
                + "Date: " + DATE + "\nSubject: Talk: parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"p\"\n\n");
        for (int i = 0; i < parts; i++) {
            m.append("--p\nContent-Type: text/plain\n\npart ").append(i).append('\n');
        }
        return m.append("--p--\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] huge(int bytes) {
        String line = "Date: Thursday, March 12, 2026 Title: filler Speaker: Somebody Time: 4 pm\n";
        return TestMail.plain(ADA, "<huge@dept.example>", DATE, "Talk: huge", line.repeat(bytes / line.length()));
    }

    @Test
    void hostileMailIsRecordedWithWhatItBecameAndThePublishedSiteIsSafe(@TempDir Path dir) throws Exception {
        Path maildir = dir.resolve("mail");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(sub));
        }
        List<byte[]> mail = mailbox();
        for (int i = 0; i < mail.size(); i++) {
            Files.write(maildir.resolve("new").resolve(String.format("%04d.hostile", i)), mail.get(i));
        }
        Path config = Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: data/talkfeed.db
                site: site
                mailboxes:
                  - name: talks
                    maildir: mail
                    timezone: America/Chicago
                    allowed-senders: ["@dept.example"]
                    admins: [chair@dept.example]
                """);

        CliRun run = CliRun.of("run", "--once", "--config", config.toString());
        assertThat(run.exit()).as("messages failed: " + run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).contains("3 message(s) failed");

        Map<String, MessageRecord> byFile;
        List<StoredTalk> talks;
        try (TalkStore store = TalkStore.open(dir.resolve("data/talkfeed.db"))) {
            byFile = store.messages().stream().collect(Collectors.toMap(m -> m.origin().replaceAll(".*/", ""), m -> m));
            talks = store.talks();
        }
        assertThat(byFile).hasSize(mail.size());
        assertThat(byFile.get("0000.hostile").outcome()).isEqualTo(Outcome.ANNOUNCEMENT);
        assertThat(byFile.get("0003.hostile").outcome()).as("forged sender").isEqualTo(Outcome.IGNORED);
        assertThat(byFile.get("0004.hostile").outcome()).as("squatter").isEqualTo(Outcome.IGNORED);
        assertThat(byFile.get("0005.hostile").outcome()).as("the squatted announcement").isEqualTo(Outcome.ANNOUNCEMENT);
        assertThat(byFile.get("0006.hostile").outcome()).as("someone else's cancellation: " + byFile.get("0006.hostile").reason()).isEqualTo(Outcome.IGNORED);
        assertThat(byFile.get("0007.hostile").outcome()).as("reused Message-ID").isEqualTo(Outcome.DUPLICATE);
        for (String bounded : List.of("0008.hostile", "0009.hostile", "0010.hostile")) {
            assertThat(byFile.get(bounded).outcome()).as(bounded).isEqualTo(Outcome.FAILED);
            assertThat(byFile.get(bounded).reason()).as(bounded).isNotBlank();
        }
        assertThat(talks).noneMatch(StoredTalk::cancelled);
        assertThat(talks).extracting(t -> t.talk().title()).doesNotContain("Forged Talk", "Another Title Under A Reused Message-ID");

        Path site = dir.resolve("site").toRealPath();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toAbsolutePath))
                    .as("everything published is inside site/, beside the store, config and mail")
                    .allMatch(p -> p.startsWith(site) || p.startsWith(dir.resolve("data")) || p.startsWith(maildir)
                            || p.equals(config));
        }
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(page);
                assertThat(html).as(page.toString()).doesNotContain("<script>alert", "<img src=x", "<b>Minors</b>");
            }
        }
        byte[] feed = Files.readAllBytes(site.resolve("calendar-2026.ics"));
        for (byte b : feed) {
            assertThat(b == '\r' || b == '\n' || b >= 0x20 || b < 0).as("control byte %d in the feed", b).isTrue();
        }

        Path script = Path.of("src", "test", "js", "ics-starts.mjs");
        Needs.that(Files.isDirectory(Path.of("src", "test", "js", "node_modules", "ical.js")), "ical.js (npm install in src/test/js)");
        // the talks are in March 2026, maybe outside calendar.ics's window of the last 90 days: the year's feed holds them all
        Process node = new ProcessBuilder("node", script.toString(), site.resolve("calendar-2026.ics").toString())
                .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor()).as(output).isZero();
        List<String> events = output.strip().lines().toList();
        assertThat(events).as("one event per talk, none injected").hasSize(talks.size())
                .noneMatch(line -> line.contains("\"Injected\"")).allMatch(line -> line.contains("\tzoned\t"));
    }
}

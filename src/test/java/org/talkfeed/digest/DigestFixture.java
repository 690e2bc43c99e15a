package org.talkfeed.digest;

import org.talkfeed.smtp.SmtpSender;
import org.talkfeed.SetClock;
import org.talkfeed.TestMail;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.TalkStore;
import org.talkfeed.templates.Templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * A list in Berlin with talks announced by mail for week 2026-W10 (2–8 March 2026): Tuesday and Thursday, and one the
 * Monday after; the store is filled by the real pipeline from a Maildir.
 */
final class DigestFixture {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final IsoWeek WEEK = IsoWeek.parse("2026-W10");

    private DigestFixture() {
    }

    /** The Maildir with the three announcements, and a configuration reading it; {@code extra} is added to the YAML. */
    static Config config(Path dir, String extra) throws IOException, ConfigException {
        Path maildir = dir.resolve("mail");
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(maildir.resolve(sub));
        }
        Files.write(maildir.resolve("new/1.M1P1.host"),
                TestMail.announcement("<graph-minors@dept.example>", "Graph Minors & <script>alert(1)</script>", "Tuesday, March 3, 2026"));
        Files.write(maildir.resolve("new/2.M2P1.host"),
                TestMail.announcement("<tree-width@dept.example>", "Tree Width", "Thursday, March 5, 2026"));
        Files.write(maildir.resolve("new/3.M3P1.host"),
                TestMail.announcement("<next-week@dept.example>", "Next Week's Talk", "Monday, March 9, 2026"));
        return new ConfigLoader().load(Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: talkfeed.db
                site: site
                poll-interval-seconds: 1
                calendar:
                  name: Theory talks
                mailboxes:
                  - name: local
                    maildir: mail
                    timezone: Europe/Berlin
                """ + extra, StandardCharsets.UTF_8));
    }

    /** Reads the mailbox into the store once, as `run --once` does. */
    static void fill(Config config, TalkStore store, Clock clock) {
        new Daemon(config, store, publisher(config, clock)).pollOnce(false);
    }

    static SitePublisher publisher(Config config, Clock clock) {
        return new SitePublisher(config.site(), "test", Duration.ofHours(1), null, BERLIN.getId(), clock);
    }

    static WeeklyDigest digest(Config config, TalkStore store, Clock clock, SmtpSender sender) {
        return new WeeklyDigest(store, config.digest(), BERLIN,
                new WeeklyDigest.Site(config.site(), config.calendarName(), "https://talks.example.edu", config.defaultDuration()),
                new Templates(config.file().getParent().resolve("templates")), sender, clock);
    }

}

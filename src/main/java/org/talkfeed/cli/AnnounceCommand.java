package org.talkfeed.cli;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.talkfeed.announce.AnnouncementComposer;
import org.talkfeed.announce.TalkFile;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.smtp.CalendarEmail;
import org.talkfeed.smtp.SmtpSender;
import org.talkfeed.publish.FeedSettings;
import org.talkfeed.talk.Talk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Callable;

@Command(name = "announce", mixinStandardHelpOptions = true,
        description = {"Composes the canonical announcement of a talk written in YAML (title, speakers [name, affiliation], date, "
                + "start, end, timezone, location, online, url, host, series, abstract; uid when it changes a talk announced "
                + "before): the subject, When/Where/Who/Title/Abstract/Host lines, an HTML alternative, and the talk as "
                + "text/calendar (METHOD:PUBLISH, the UID the feed will give it).",
                "Without --send it prints the message; --send sends it over SMTP (smtp.*, password from TALKFEED_SMTP_PASSWORD) "
                        + "to announce.to. Exit code 0 when printed or sent, 1 when the talk file is wrong or sending failed."})
final class AnnounceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "TALK.yaml", description = "The talk, in YAML.")
    Path file;

    @Option(names = "--send", description = "Send it to announce.to over the configured SMTP server.")
    boolean send;

    @Option(names = "--dry-run", description = "Print the message (RFC 5322) and send nothing (the default).")
    boolean dryRun;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "The From address (default: announce.from, else digest.from).")
    String from;

    @Mixin
    ConfigOption configOption;

    private final Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        TalkFile written;
        Talk talk;
        try {
            written = TalkFile.read(file);
            talk = written.talk();
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("talkfeed: " + file + ": " + e.getMessage());
            return 1;
        }
        String sender = from != null ? from : config.announce().from() != null ? config.announce().from() : config.digest().from();
        if (sender == null) {
            System.err.println("talkfeed: no From address: set announce.from (or digest.from) or give --from");
            return 1;
        }
        boolean sending = send && !dryRun;
        String to = config.announce().to();
        if (sending && (to == null || config.digest().smtp() == null)) {
            System.err.println("talkfeed: --send needs announce.to and an SMTP server (smtp.host) in " + config.file());
            return 1;
        }
        Instant now = clock.instant();
        AnnouncementComposer.Composed composed = new AnnouncementComposer(FeedSettings.withDefaults(config.calendarName(),
                config.defaultDuration(), null)).compose(talk, written.uid(), sender, now);
        try {
            SmtpSender smtp = sending ? new SmtpSender(config.digest().smtp(), System::getenv) : null;
            Session session = smtp != null ? smtp.session() : Session.getInstance(new Properties());
            MimeMessage message = CalendarEmail.build(session, composed.content(), sender, to != null ? to : "list@example.invalid",
                    composed.messageId(), now);
            if (!sending) {
                message.writeTo(System.out);
                System.out.flush();
                return 0;
            }
            smtp.send(message);
            System.out.println("sent " + composed.messageId() + " to " + to + " (talk uid " + composed.uid() + ")");
            return 0;
        } catch (MessagingException | IOException e) {
            System.err.println("talkfeed: the announcement could not be " + (sending ? "sent" : "written") + ": " + e.getMessage());
            return 1;
        }
    }
}

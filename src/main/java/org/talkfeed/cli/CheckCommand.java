package org.talkfeed.cli;

import org.talkfeed.check.AnnouncementCheck;
import org.talkfeed.check.CheckReport;
import org.talkfeed.config.ConfigException;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.TalkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks an announcement before it is sent: shows each talk as subscribers will see it (title, speakers, "
                + "local time with zone and UTC offset, place, link, host) and every warning, each with where it is: no zone, "
                + "no end, an ambiguous date (3/4), a date in the past, a weekday that is not the date's, no speaker or title, "
                + "a link that is not a URL, low confidence in a field.",
                "Exit code 0 when clean, 1 with warnings, 2 when it is not understood as a talk."})
final class CheckCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "An .eml file or a plain-text draft (a first line \"Subject: ...\" is its "
            + "subject), or - for standard input.")
    String file;

    @Option(names = "--json", description = "Print the talks and warnings as JSON.")
    boolean json;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The day against which a date is past (default: today).")
    LocalDate today;

    @Mixin
    ConfigOption configOption;

    private final Clock clock;

    CheckCommand() {
        this(Clock.systemUTC());
    }

    CheckCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws ConfigException {
        byte[] bytes;
        try {
            bytes = ParseCommand.input(file);
        } catch (IOException e) {
            System.err.println("talkfeed: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        AnnouncementCheck check = new AnnouncementCheck(new Extractor(), ParseCommand.defaults(configOption));
        java.time.Instant now = today == null ? clock.instant() : today.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
        CheckReport report = check.check(bytes, now, today);
        System.out.println(json ? TalkJson.writePretty(report) : report.text());
        return report.exitCode();
    }
}

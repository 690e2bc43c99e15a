package org.talkfeed.cli;

import org.talkfeed.config.ConfigException;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Shows how one email is understood: its kind and each talk's fields, with confidence and warnings.")
final class ParseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "An .eml file, or - for standard input.")
    String file;

    @Option(names = "--json", description = "Print JSON (the shape of the corpus labels, plus abstract, bio, confidence, warnings).")
    boolean json;

    @Mixin
    ConfigOption configOption;

    @Override
    public Integer call() throws ConfigException {
        byte[] bytes;
        try {
            bytes = file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            System.err.println("talkfeed: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        ExtractionDefaults defaults = ExtractionDefaults.NONE;
        if (configOption.given()) {
            defaults = configOption.load().mailboxes().stream().findFirst().map(MailboxConfig::defaults)
                    .orElse(ExtractionDefaults.NONE);
        }
        Announcement announcement = new Extractor().extractMessage(bytes, defaults);
        System.out.println(json ? TalkJson.writePretty(announcement) : describe(announcement));
        return 0;
    }

    private static String describe(Announcement announcement) {
        StringBuilder out = new StringBuilder("kind: ").append(announcement.kind().label())
                .append(announcement.moved() ? " (moves the talk to a new day)" : "").append('\n');
        if (announcement.reason() != null) {
            out.append("reason: ").append(announcement.reason()).append('\n');
        }
        int n = 0;
        for (Talk talk : announcement.talks()) {
            out.append("\ntalk ").append(++n).append(" (confidence ").append(talk.confidence()).append(")\n");
            line(out, "title", talk.title());
            for (Speaker s : talk.speakers()) {
                line(out, "speaker", s.name() + (s.affiliation() == null ? "" : " — " + s.affiliation()));
            }
            line(out, "date", talk.date() == null ? null : talk.date().toString());
            line(out, "time", talk.start() == null ? null : talk.start() + (talk.end() == null ? "" : "–" + talk.end()));
            line(out, "timezone", talk.timezone());
            line(out, "location", talk.location());
            line(out, "online", talk.online() ? "yes" + (talk.url() == null ? "" : ", " + talk.url()) : "no");
            line(out, "host", talk.host());
            line(out, "series", talk.series());
            line(out, "abstract", talk.abstractText() == null ? null
                    : talk.abstractText().length() > 100 ? talk.abstractText().substring(0, 100) + "…" : talk.abstractText());
            for (String w : talk.warnings()) {
                line(out, "warning", w);
            }
        }
        return out.toString().stripTrailing();
    }

    private static void line(StringBuilder out, String label, String value) {
        if (value != null) {
            out.append(String.format("  %-9s %s%n", label + ":", value));
        }
    }
}

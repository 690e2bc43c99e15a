package org.talkfeed.cli;

import org.talkfeed.config.ConfigException;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkJson;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = {"Shows how one email is understood: its kind and each talk's fields, with confidence and warnings.",
                "Exit code 0 for a talk (announcement, reminder, update or cancellation); 2 when it is not a talk (the reason "
                        + "is printed); 1 when it cannot be read (kind failed, as talkfeed would record it: not an email, a "
                        + "body that cannot be decoded, or a message past a bound on nesting, parts or size) or the file "
                        + "cannot be opened."})
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
            bytes = input(file);
        } catch (IOException e) {
            System.err.println("talkfeed: cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        ExtractionDefaults defaults = defaults(configOption);
        MessageText text;
        try {
            text = new MessageReader().read(bytes);
        } catch (UnreadableMessageException e) {
            System.out.println(json ? TalkJson.writePretty(failed(e.getMessage())) : "kind: failed\nreason: " + e.getMessage());
            return 1;
        }
        Announcement announcement = new Extractor().extract(text, defaults);
        System.out.println(json ? TalkJson.writePretty(announcement) : describe(announcement));
        return announcement.isTalk() ? 0 : 2;
    }

    /** The bytes of a file, or of standard input for "-". */
    static byte[] input(String file) throws IOException {
        return file.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
    }

    /** What the first mailbox of a configuration given with --config says when a message does not; else nothing. */
    static ExtractionDefaults defaults(ConfigOption configOption) throws ConfigException {
        if (!configOption.given()) {
            return ExtractionDefaults.NONE;
        }
        return configOption.load().mailboxes().stream().findFirst().map(MailboxConfig::defaults).orElse(ExtractionDefaults.NONE);
    }

    /** A message that cannot be read, in the shape of an announcement's JSON. */
    private static Map<String, Object> failed(String reason) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "failed");
        json.put("reason", reason);
        json.put("talks", List.of());
        return json;
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

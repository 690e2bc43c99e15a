package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.talk.SenderRules;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.pipeline.ImportSummary;
import org.talkfeed.pipeline.Importer;
import org.talkfeed.publish.PublishReport;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", aliases = "ingest", mixinStandardHelpOptions = true,
        description = {"Imports messages once into the store, then publishes: mbox files (also .gz), Maildir folders, .eml files, "
                + "Mailman 2 (pipermail) archives (monthly YYYY-Month.txt or .txt.gz files, HTML month folders), or folders of these.",
                "On a terminal a progress bar shows messages done, rate and time left; at the end a summary counts talks found "
                        + "and messages skipped or failed, with their reasons.",
                "Ctrl-C stops after the message in progress; running the same command again resumes where it stopped "
                        + "(and adds nothing that is already in the store).",
                "A pipermail month folder next to its month's .txt or .txt.gz file is left out: the text holds the same messages.",
                "Exit code 0 when every message was recorded and none failed; 1 when a message failed (the summary counts "
                        + "them, with their reasons), a path could not be read, the site could not be published, or the "
                        + "store could not be written (the import then stops, the reason on standard error); 130 after "
                        + "Ctrl-C; 2 for a wrong configuration."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "mbox files, Maildir folders, .eml files, pipermail .txt/.txt.gz files or month folders, or folders of these.")
    List<Path> paths;

    @Option(names = "--mailbox", paramLabel = "NAME",
            description = "Take time zone, series, date order and sender policy from this configured mailbox (default: the first).")
    String mailbox;

    @Option(names = "--any-sender", description = "Accept messages from anyone, whatever the mailbox's sender policy "
            + "(archives often lack the List-Id header).")
    boolean anySender;

    @Option(names = {"-v", "--verbose"}, description = "Print one line per message on a terminal too (above the progress bar).")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print no line per message when the output is not a terminal, only the summary.")
    boolean quiet;

    @Mixin
    ConfigOption configOption;

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        MailboxConfig settings = settings(config);
        boolean terminal = System.console() != null;
        ImportProgress progress = new ImportProgress(System.out, System.err, terminal, terminal ? verbose : !quiet);
        try (TalkStore store = Parts.store(config)) {
            Importer importer = new Importer(store, settings, progress);
            try (StopOnSignal signal = new StopOnSignal(importer::stop, "import-interrupt")) {
                return importAndPublish(config, store, importer, progress);
            }
        }
    }

    private int importAndPublish(Config config, TalkStore store, Importer importer, ImportProgress progress) {
        ImportSummary summary;
        try {
            summary = importer.run(paths);
        } finally {
            progress.finish();
        }
        summary.lines().forEach(System.out::println);
        if (summary.stoppedBy() != null) {
            System.err.println("talkfeed: stopped: " + summary.stoppedBy());
            return 1;
        }
        if (summary.interrupted()) {
            return 130;
        }
        boolean published = publish(config, store);
        return summary.sourceFailures().isEmpty() && summary.count(Outcome.FAILED) == 0 && published ? 0 : 1;
    }

    private MailboxConfig settings(Config config) throws ConfigException {
        MailboxConfig chosen;
        if (mailbox == null) {
            chosen = config.mailboxes().stream().findFirst().orElse(MailboxConfig.of("import", ExtractionDefaults.NONE));
        } else {
            chosen = config.mailboxes().stream().filter(m -> m.name().equals(mailbox)).findFirst()
                    .orElseThrow(() -> new ConfigException(config.file() + ": mailboxes: no mailbox named \"" + mailbox + "\""));
        }
        return anySender ? chosen.withSenders(SenderRules.ANYONE) : chosen;
    }

    private static boolean publish(Config config, TalkStore store) {
        try {
            PublishReport report = Parts.publisher(config).publish(store.talks());
            System.out.println(report.describe(config.site()));
            return true;
        } catch (IOException e) {
            System.err.println("talkfeed: cannot publish to " + config.site() + ": " + e.getMessage());
            return false;
        }
    }
}

package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.MessageSources;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.pipeline.MessageProcessor;
import org.talkfeed.pipeline.PollSummary;
import org.talkfeed.pipeline.ProcessResult;
import org.talkfeed.store.StoreException;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Imports messages once from .eml files, Maildir folders and mbox files into the store, then publishes.")
final class IngestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".eml files, Maildir folders, mbox files, or folders of these.")
    List<Path> paths;

    @Option(names = "--mailbox", paramLabel = "NAME",
            description = "Take time zone, series and date order from this configured mailbox (default: the first).")
    String mailbox;

    @Mixin
    ConfigOption configOption;

    @Override
    public Integer call() {
        Config config;
        MailboxConfig defaults;
        try {
            config = configOption.load();
            defaults = defaults(config);
        } catch (ConfigException e) {
            System.err.println("talkfeed: " + e.getMessage());
            return 2;
        }
        int missing = 0;
        try (TalkStore store = Parts.store(config)) {
            MessageProcessor processor = new MessageProcessor(store);
            PollSummary summary = new PollSummary();
            for (Path path : paths) {
                try (Stream<RawMessage> messages = MessageSources.forPath(path).messages()) {
                    Iterator<RawMessage> it = messages.iterator();
                    while (it.hasNext()) {
                        ProcessResult result = processor.process(it.next(), defaults);
                        summary.add(result);
                        System.out.println(result.logLine());
                    }
                } catch (IOException | UncheckedIOException e) {
                    System.err.println("talkfeed: " + path + ": " + e.getMessage());
                    missing++;
                }
            }
            new Daemon(config, store, Parts.publisher(config)).publish();
            System.out.println("talkfeed: " + summary);
        } catch (StoreException e) {
            System.err.println("talkfeed: " + e.getMessage());
            return 1;
        }
        return missing == 0 ? 0 : 1;
    }

    private MailboxConfig defaults(Config config) throws ConfigException {
        if (mailbox == null) {
            return config.mailboxes().stream().findFirst().orElse(MailboxConfig.of("import", ExtractionDefaults.NONE));
        }
        return config.mailboxes().stream().filter(m -> m.name().equals(mailbox)).findFirst()
                .orElseThrow(() -> new ConfigException(config.file() + ": mailboxes: no mailbox named \"" + mailbox + "\""));
    }
}

package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.digest.DigestSchedule;
import org.talkfeed.digest.WeeklyDigest;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.pipeline.PollSummary;
import org.talkfeed.serve.SiteServer;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.BindException;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the daemon: checks the configured mailboxes every poll interval, records new messages and their "
                + "talks, republishes the site when talks change and as time passes (every full hour and at midnight in the "
                + "first mailbox's zone, else UTC), and serves it over HTTP until Ctrl-C.",
                "With --once: processes what is there, publishes, and exits.",
                "Exit code 0 when stopped by Ctrl-C or SIGTERM (or --once finished); 1 when the daemon could not go on, the "
                        + "reason on standard error (a store that cannot be written, a mailbox thread that died); "
                        + "2 for a wrong configuration."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Option(names = "--once", description = "Process the mailboxes once, publish, and exit (no server); exit code 1 when a message failed.")
    boolean once;

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        try (TalkStore store = Parts.store(config)) {
            if (once) {
                Daemon daemon = new Daemon(config, store, Parts.publisher(config), Parts.republishSchedule(config));
                PollSummary summary = daemon.pollOnce(true);
                System.out.println("talkfeed: " + summary + "; site in " + config.site());
                if (summary.count(Outcome.FAILED) > 0) {
                    System.err.println("talkfeed: " + summary.count(Outcome.FAILED) + " message(s) failed; each is recorded with why");
                    return 1;
                }
                return 0;
            }
            return serve(config, store);
        }
    }

    private static int serve(Config config, TalkStore store) {
        SiteServer server;
        try {
            server = SiteServer.start(config.serverHost(), config.serverPort(), config.site());
        } catch (BindException e) {
            System.err.println("talkfeed: " + config.file() + ": server.port: cannot listen on " + config.serverHost() + ":"
                    + config.serverPort() + " (" + e.getMessage() + ")");
            return 2;
        } catch (IOException e) {
            System.err.println("talkfeed: cannot start the HTTP server: " + e.getMessage());
            return 1;
        }
        String baseUrl = config.baseUrl();
        if (baseUrl == null) {
            baseUrl = server.address();
            System.out.println("talkfeed: no calendar.base-url: links use " + baseUrl);
        }
        Daemon daemon = new Daemon(config, store, Parts.publisher(config, baseUrl), Parts.republishSchedule(config));
        server.serveFilteredFeeds(Parts.filteredFeeds(config, baseUrl));
        if (config.digest().scheduled()) {
            DigestSchedule digestSchedule = new DigestSchedule(config.digest().weekday(), config.digest().hour(), Parts.listZone(config));
            WeeklyDigest digest = Parts.weeklyDigest(config, store, baseUrl);
            daemon.everyTick(() -> digest.tick(digestSchedule));
            System.out.println("talkfeed: sending the weekly digest to " + config.digest().to() + " on "
                    + config.digest().weekday().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                    + "s at " + config.digest().hour() + ":00 " + Parts.listZone(config));
        }
        System.out.println("talkfeed: serving " + config.site() + " at http://" + config.serverHost() + ":" + server.port()
                + "/ (calendar: /calendar.ics); checking mail every " + config.pollInterval().toSeconds() + " s; republishing "
                + "every hour and at midnight " + Parts.listZone(config) + "; Ctrl-C stops");
        try (server; StopOnSignal signal = new StopOnSignal(daemon::stop, "shutdown")) {
            Optional<String> failure = daemon.runUntilStopped();
            if (failure.isPresent()) {
                System.err.println("talkfeed: stopped: " + failure.get());
                return 1;
            }
            System.out.println("talkfeed: stopped");
            return 0;
        }
    }
}

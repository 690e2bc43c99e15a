package org.talkfeed.cli;

import jakarta.mail.MessagingException;
import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.digest.IsoWeek;
import org.talkfeed.digest.WeeklyDigest;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Builds the weekly digest: the week's talks and what changed since the last digest was sent, as a page "
                + "in the archive (site/digest/WEEK.html, listed in site/digest/index.html) and as an email (text and HTML, "
                + "the talks attached as one calendar file).",
                "Without --week: this week from Monday to Friday, the next week on Saturday and Sunday (in the list's zone).",
                "With --send: sends it to digest.to and records the week as sent, so `run` does not send it again (a week "
                        + "already sent is not sent again: exit code 1); with --to: sends it to that address only, as a "
                        + "trial, and records nothing.",
                "Exit code 1 when the email could not be sent; 2 for a wrong configuration or week."})
final class DigestCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--week", paramLabel = "YYYY-Www", description = "The ISO week, such as 2026-W08.")
    String week;

    @Option(names = "--send", description = "Send it to the list (digest.to) and record the week as sent.")
    boolean send;

    @Option(names = "--to", paramLabel = "ADDRESS", description = "Send it to this address instead, as a trial (implies --send; nothing recorded).")
    String to;

    @Override
    public Integer call() throws ConfigException, IOException {
        Config config = configOption.load();
        IsoWeek chosen;
        try (TalkStore store = Parts.store(config)) {
            WeeklyDigest digest = Parts.weeklyDigest(config, store, config.baseUrl());
            try {
                chosen = week == null ? digest.comingWeek() : IsoWeek.parse(week);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--week: " + e.getMessage());
            }
            if (!send && to == null) {
                WeeklyDigest.Built built = digest.build(chosen);
                System.out.println("talkfeed: digest " + chosen + " (" + built.digest().span() + "): " + count(built)
                        + "; page " + built.page());
                return 0;
            }
            requireSending(config, to != null ? to : config.digest().to());
            try {
                if (to != null) {
                    WeeklyDigest.Built built = digest.sendTo(chosen, to);
                    System.out.println("talkfeed: digest " + chosen + " sent to " + to + " (a trial, not recorded): " + count(built));
                    return 0;
                }
                WeeklyDigest.Outcome outcome = digest.sendToList(chosen);
                switch (outcome) {
                    case SENT -> System.out.println("talkfeed: digest " + chosen + " sent to " + config.digest().to());
                    case ALREADY_SENT -> System.err.println("talkfeed: digest " + chosen + " was sent already; not sent again");
                    case EMPTY -> System.err.println("talkfeed: digest " + chosen + " has no talks; nothing sent"
                            + " (digest.send-empty: true sends it anyway)");
                }
                return outcome == WeeklyDigest.Outcome.SENT ? 0 : 1;
            } catch (MessagingException e) {
                System.err.println("talkfeed: digest " + chosen + " not sent: " + e.getMessage());
                return 1;
            }
        }
    }

    private static String count(WeeklyDigest.Built built) {
        int n = built.digest().count();
        int changes = built.digest().changes().size();
        return (n == 1 ? "1 talk" : n + " talks") + (changes == 0 ? "" : ", " + (changes == 1 ? "1 change" : changes + " changes"));
    }

    private static void requireSending(Config config, String to) throws ConfigException {
        if (to == null) {
            throw new ConfigException(config.file() + ": digest.to: missing: --send sends to the list's address (or give --to)");
        }
        if (config.digest().from() == null) {
            throw new ConfigException(config.file() + ": digest.from: missing: sending needs a From address");
        }
        if (config.digest().smtp() == null) {
            throw new ConfigException(config.file() + ": smtp.host: missing: sending needs an SMTP server");
        }
    }
}

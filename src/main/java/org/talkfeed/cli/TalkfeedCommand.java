package org.talkfeed.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The talkfeed command; each subcommand is one job. */
@Command(name = "talkfeed", mixinStandardHelpOptions = true, version = "talkfeed 0.1",
        description = "Reads a talk list's mailbox, understands the announcements, and publishes calendar feeds and an archive.",
        subcommands = {RunCommand.class, StatusCommand.class, ParseCommand.class, ImportCommand.class, PublishCommand.class,
                EvalCommand.class,
                org.talkfeed.bench.BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class TalkfeedCommand {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new TalkfeedCommand());
    }
}

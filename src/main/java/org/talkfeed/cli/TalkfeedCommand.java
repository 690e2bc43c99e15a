package org.talkfeed.cli;

import org.talkfeed.config.ConfigException;
import org.talkfeed.store.StoreException;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The talkfeed command; each subcommand is one job. */
@Command(name = "talkfeed", mixinStandardHelpOptions = true, version = "talkfeed 0.1",
        description = "Reads a talk list's mailbox, understands the announcements, and publishes calendar feeds and an archive.",
        subcommands = {RunCommand.class, StatusCommand.class, ParseCommand.class, CheckCommand.class, AnnounceCommand.class, ImportCommand.class, PublishCommand.class, DigestCommand.class,
                EvalCommand.class, TrainCommand.class,
                PendingCommand.class, ApproveCommand.class, RejectCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class TalkfeedCommand {

    public static void main(String[] args) {
        nameTheMailStreamProvider();
        System.exit(commandLine().execute(args));
    }

    /**
     * jakarta.mail looks its StreamProvider up through the ServiceLoader on every header block and body part it
     * parses, unless this property names it; the lookup took about a tenth of talkfeed's reading time.
     */
    private static void nameTheMailStreamProvider() {
        System.getProperties().putIfAbsent(StreamProvider.class.getName(), MailStreamProvider.class.getName());
    }

    static CommandLine commandLine() {
        return new CommandLine(new TalkfeedCommand()).setExecutionExceptionHandler(TalkfeedCommand::explain);
    }

    /**
     * A wrong configuration (exit code 2) or a store that cannot be read or written (1), from any subcommand: one line
     * that says what and where, without a stack trace.
     */
    private static int explain(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (e instanceof ConfigException || e instanceof StoreException) {
            command.getErr().println("talkfeed: " + e.getMessage());
            return e instanceof ConfigException ? 2 : 1;
        }
        throw e;
    }
}

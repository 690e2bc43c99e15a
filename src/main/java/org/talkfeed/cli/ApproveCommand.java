package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.store.StoredTalk;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Corrections;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "approve", mixinStandardHelpOptions = true,
        description = {"Publishes a pending talk (see `talkfeed pending`), with the corrections given, and keeps the decision "
                + "with its time. A running daemon publishes it within a minute; otherwise run `talkfeed publish`.",
                "Exit code 0 when approved; 1 when the talk is not pending; 2 for a wrong correction (nothing is changed)."})
final class ApproveCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Parameters(paramLabel = "ID", description = "The talk's id, as `talkfeed pending` lists it.")
    long id;

    @Option(names = "--set", paramLabel = "FIELD=VALUE",
            description = "A correction: title, speaker (names separated by ';', an affiliation in parentheses), date (YYYY-MM-DD), "
                    + "start and end (HH:MM), timezone (IANA name), location, url, host or series; an empty value clears it. "
                    + "Repeat for several.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides, as kept with the decision (default: the user's login name).")
    String by = System.getProperty("user.name", "admin");

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        Corrections corrections;
        try {
            corrections = Corrections.parse(settings);
        } catch (IllegalArgumentException e) {
            System.err.println("talkfeed: approve: " + e.getMessage());
            return 2;
        }
        try (TalkStore store = Parts.store(config)) {
            StoredTalk approved;
            try {
                approved = store.approve(id, corrections::applyTo, corrections.describe(), by);
            } catch (IllegalStateException e) {
                System.err.println("talkfeed: approve: " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                System.err.println("talkfeed: approve: " + e.getMessage() + "; nothing was changed");
                return 2;
            }
            System.out.println("approved talk " + id + ": " + approved.talk().describe()
                    + (corrections.isEmpty() ? "" : " (corrected: " + corrections.describe().replace('\n', ' ') + ")"));
            System.out.println("a running daemon publishes it within a minute; otherwise run `talkfeed publish`");
            return 0;
        }
    }
}

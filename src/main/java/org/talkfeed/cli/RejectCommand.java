package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "reject", mixinStandardHelpOptions = true,
        description = {"Drops a pending talk (see `talkfeed pending`): it is kept in the store, never published, and the "
                + "decision is kept with its time. Exit code 0 when rejected; 1 when the talk is not pending."})
final class RejectCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Parameters(paramLabel = "ID", description = "The talk's id, as `talkfeed pending` lists it.")
    long id;

    @Option(names = "--by", paramLabel = "NAME", description = "Who decides, as kept with the decision (default: the user's login name).")
    String by = System.getProperty("user.name", "admin");

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        try (TalkStore store = Parts.store(config)) {
            try {
                store.reject(id, by);
            } catch (IllegalStateException e) {
                System.err.println("talkfeed: reject: " + e.getMessage());
                return 1;
            }
            System.out.println("rejected talk " + id + ": it will not be published");
            return 0;
        }
    }
}

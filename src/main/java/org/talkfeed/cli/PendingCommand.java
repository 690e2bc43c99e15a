package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.store.HeldTalk;
import org.talkfeed.store.TalkStatus;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "pending", mixinStandardHelpOptions = true,
        description = {"Lists the talks moderation holds back, pending an admin's decision: each with its id, what it says, and "
                + "why it was held (the confidence under the mailbox's threshold, or the warning named in hold-warnings).",
                "Publish one with `talkfeed approve ID`, drop one with `talkfeed reject ID`."})
final class PendingCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Option(names = "--rejected", description = "List the rejected talks instead.")
    boolean rejected;

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        try (TalkStore store = Parts.store(config)) {
            List<HeldTalk> held = store.heldTalks(rejected ? TalkStatus.REJECTED : TalkStatus.PENDING);
            String what = rejected ? "rejected" : "pending";
            System.out.println(held.isEmpty() ? "no " + what + " talks" : held.size() + " " + what + " talk" + (held.size() == 1 ? "" : "s") + ":");
            for (HeldTalk h : held) {
                System.out.println();
                System.out.println("  " + h.talk().id() + "  " + h.talk().talk().describe() + (h.talk().cancelled() ? " [cancelled]" : ""));
                if (h.talk().talk().location() != null) {
                    System.out.println("      where: " + h.talk().talk().location());
                }
                System.out.println("      held: " + (h.reason() == null ? "(no reason kept)" : h.reason())
                        + (h.heldAt() == null ? "" : " (since " + h.heldAt() + ")"));
                for (String warning : h.talk().talk().warnings()) {
                    System.out.println("      warning: " + warning);
                }
            }
            return 0;
        }
    }
}

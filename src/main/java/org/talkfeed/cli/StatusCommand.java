package org.talkfeed.cli;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.config.MailboxConfig;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.store.MailboxStatus;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows each mailbox's connection state, last check, checkpoint, and how many of its messages were "
                + "processed, ignored and failed; then the imports. Reads the store, so it works while the daemon runs.")
final class StatusCommand implements Callable<Integer> {
    @Mixin
    ConfigOption configOption;

    @Override
    public Integer call() throws ConfigException {
        Config config = configOption.load();
        try (TalkStore store = Parts.store(config)) {
            for (MailboxConfig mailbox : config.mailboxes()) {
                System.out.println(mailbox(store, mailbox));
            }
            for (Checkpoint c : store.checkpoints()) {
                if (c.source().startsWith("import:")) {
                    System.out.println("import " + c.source().substring("import:".length()) + ": " + c.position() + " messages done");
                }
            }
            return 0;
        }
    }

    private static String mailbox(TalkStore store, MailboxConfig mailbox) {
        Optional<MailboxStatus> status = store.statuses().stream().filter(s -> s.mailbox().equals(mailbox.name())).findFirst();
        StringBuilder s = new StringBuilder("mailbox ").append(mailbox.name()).append(" (")
                .append(mailbox.maildir() != null ? mailbox.maildir().toString() : "imap " + mailbox.imap()).append(")\n");
        s.append("  state:      ").append(status.map(MailboxStatus::state).orElse("never run"))
                .append(status.map(MailboxStatus::detail).map(d -> " — " + d).orElse("")).append('\n');
        s.append("  last check: ").append(status.map(MailboxStatus::lastCheck).map(Object::toString).orElse("never")).append('\n');
        if (mailbox.imap() != null) {
            s.append("  checkpoint: ").append(store.checkpoint("imap:" + mailbox.name())
                    .map(c -> "UID " + c.position() + " (UIDVALIDITY " + c.uidValidity() + ")").orElse("none")).append('\n');
        }
        Map<Outcome, Integer> counts = store.outcomeCounts(mailbox.name());
        int failed = counts.get(Outcome.FAILED);
        int ignored = counts.get(Outcome.IGNORED);
        int duplicates = counts.get(Outcome.DUPLICATE);
        int processed = counts.values().stream().mapToInt(Integer::intValue).sum() - failed - ignored - duplicates;
        s.append("  messages:   ").append(processed).append(" processed (").append(counts.get(Outcome.NOT_TALK))
                .append(" not talks, ").append(counts.get(Outcome.UNMATCHED)).append(" unmatched), ").append(ignored)
                .append(" ignored, ").append(failed).append(" failed, ").append(duplicates)
                .append(" duplicate Message-IDs with other content");
        return s.toString();
    }
}

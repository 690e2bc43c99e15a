package org.talkfeed.pipeline;

import org.talkfeed.store.Outcome;

import java.util.EnumMap;
import java.util.Map;

/** Counts of what one pass over the mailboxes (or one import) did. */
public final class PollSummary {
    private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
    private int alreadySeen;
    private int mailboxFailures;
    private boolean changedTalks;

    public synchronized void add(ProcessResult result) {
        if (result.alreadySeen()) {
            alreadySeen++;
            return;
        }
        outcomes.merge(result.outcome(), 1, Integer::sum);
        changedTalks |= !result.changes().isEmpty();
    }

    synchronized void mailboxFailed() {
        mailboxFailures++;
    }

    public synchronized boolean changedTalks() {
        return changedTalks;
    }

    public synchronized int count(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    public synchronized int newMessages() {
        return outcomes.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized int alreadySeen() {
        return alreadySeen;
    }

    public synchronized int mailboxFailures() {
        return mailboxFailures;
    }

    @Override
    public synchronized String toString() {
        StringBuilder s = new StringBuilder();
        s.append(newMessages()).append(" new messages");
        outcomes.forEach((o, n) -> s.append(", ").append(n).append(' ').append(o.label()));
        s.append(", ").append(alreadySeen).append(" already seen");
        if (mailboxFailures > 0) {
            s.append(", ").append(mailboxFailures).append(" mailbox failures");
        }
        return s.toString();
    }
}

package org.talkfeed.talk;

import java.util.List;

/**
 * What one talk of a message does to the known talks: becomes a new talk, revises the known talk it is, or changes
 * nothing, with the reason (it matches no talk with confidence, or its sender may not change the talk it matches).
 */
public final class TalkChanges {
    private TalkChanges() {
    }

    /** Who sent the message, what it replies to, and the mailbox's rules about senders. */
    public record Source(Sender sender, List<String> references, SenderRules rules) {
    }

    public sealed interface Decision {
    }

    /** A talk no known one is: stored as new. */
    public record Create(Talk talk) implements Decision {
    }

    /** The known talk {@code id}, as the message leaves it. */
    public record Revise(long id, Talk talk, boolean cancelled, boolean changed) implements Decision {
    }

    /** Nothing changes: the talk matched none with confidence ({@code refused} false) or its sender may not change it. */
    public record Skip(String reason, boolean refused) implements Decision {
    }

    public static Decision decide(Talk incoming, Kind kind, Source source, KnownTalks known) {
        TalkIdentity.Match match = TalkIdentity.match(incoming, kind, known.threaded(source.references()),
                known.near(TalkIdentity.reach(incoming, kind)));
        if (!match.found()) {
            return match.ambiguous() || kind == Kind.UPDATE || kind == Kind.CANCELLATION
                    ? new Skip(kind.label() + " of " + incoming.describe() + " matches no known talk: " + match.reason(), false)
                    : new Create(incoming);
        }
        KnownTalks.Current current = known.current(match.id());
        Talk merged = TalkMerge.merge(current.talk(), incoming, kind);
        boolean cancelled = kind == Kind.CANCELLATION || current.cancelled() && kind != Kind.UPDATE;
        boolean changed = !merged.showsAs(current.talk()) || cancelled != current.cancelled();
        if (changed) {
            String refusal = Authority.refusal(source.sender(), current, source.rules());
            if (refusal != null) {
                return new Skip(kind.label() + " of " + current.talk().describe() + " refused: " + refusal, true);
            }
        }
        return new Revise(match.id(), merged, cancelled, changed);
    }
}

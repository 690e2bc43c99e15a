package org.talkfeed.pipeline;

import org.talkfeed.mail.Checkpoint;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkChange;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Moderation;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkChanges;

import java.util.ArrayList;
import java.util.List;

/**
 * Records a message that describes talks: each becomes a new talk, revises the known talk it is, or changes nothing
 * (it matches no talk with confidence, or its sender may not change it), in one transaction with the checkpoint.
 */
public final class TalkRecorder {
    private final TalkStore store;

    public TalkRecorder(TalkStore store) {
        this.store = store;
    }

    /** What recording did: the message's outcome, why talks were left alone (null: none was), and the talks changed. */
    public record Recorded(Outcome outcome, String reason, List<TalkChange> changes) {
    }

    /**
     * Records {@code message} (its outcome and reason are decided here) with the {@code talks} it describes as
     * {@code kind} ({@code stated} is the kind the message gives itself, its outcome when it changes anything). A message
     * that changes no talk is kept under {@code keyWhenNoChange} (the hash of its bytes), so that it never holds a
     * Message-ID that a later message may need.
     */
    public Recorded record(MessageRecord message, String keyWhenNoChange, Kind stated, Kind kind, List<Talk> talks,
                           TalkChanges.Source source, Checkpoint checkpoint) {
        return record(message, keyWhenNoChange, stated, kind, talks, source, checkpoint, Moderation.OFF);
    }

    /**
     * As {@link #record(MessageRecord, String, Kind, Kind, List, TalkChanges.Source, Checkpoint)}, a new talk that
     * {@code moderation} holds being stored as pending; a known talk keeps its status, so an update to a pending talk
     * leaves it pending.
     */
    public Recorded record(MessageRecord message, String keyWhenNoChange, Kind stated, Kind kind, List<Talk> talks,
                           TalkChanges.Source source, Checkpoint checkpoint, Moderation moderation) {
        return store.write(writer -> {
            List<TalkChanges.Decision> decisions = new ArrayList<>();
            for (Talk talk : talks) {
                decisions.add(TalkChanges.decide(talk, kind, source, writer));
            }
            List<TalkChanges.Skip> skipped = decisions.stream().filter(d -> d instanceof TalkChanges.Skip)
                    .map(d -> (TalkChanges.Skip) d).toList();
            Outcome outcome = skipped.size() < decisions.size() ? Outcome.valueOf(stated.name())
                    : skipped.stream().anyMatch(TalkChanges.Skip::refused) ? Outcome.IGNORED : Outcome.UNMATCHED;
            String reason = skipped.isEmpty() ? null : String.join("; ", skipped.stream().map(TalkChanges.Skip::reason).toList());
            boolean changesTalks = skipped.size() < decisions.size();
            long row = writer.insertMessage(new MessageRecord(changesTalks ? message.messageKey() : keyWhenNoChange, message.mailbox(), message.origin(),
                    message.subject(), message.sender(), message.sentAt(), outcome, reason, message.messageId(), message.contentHash(),
                    changesTalks ? message.original() : null));
            writer.saveCheckpoint(checkpoint);
            List<TalkChange> changes = new ArrayList<>();
            for (int i = 0; i < decisions.size(); i++) {
                if (decisions.get(i) instanceof TalkChanges.Create create) {
                    changes.add(new TalkChange(writer.create(message.messageKey(), i, create.talk(), kind,
                            source.sender().address(), source.sender().vouched(), row, moderation.holdReason(create.talk())), true));
                } else if (decisions.get(i) instanceof TalkChanges.Revise revise) {
                    changes.add(new TalkChange(writer.revise(revise.id(), revise.talk(), revise.cancelled(), kind, row), false,
                            revise.changed()));
                }
            }
            return new Recorded(outcome, reason, changes);
        });
    }
}

package org.talkfeed.pipeline;

import org.talkfeed.config.MailboxConfig;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.mail.MessageSources;
import org.talkfeed.mail.PathSource;
import org.talkfeed.mail.RawMessage;
import org.talkfeed.store.StoreException;
import org.talkfeed.store.TalkStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A one-shot import of files and folders into the store, streamed one message at a time. Each message is committed
 * with its unit's checkpoint ("import:" and the unit's path, how many of its messages are done), so a run that was
 * stopped or failed resumes where it ended, passing over what was done without parsing it. A path or unit that
 * cannot be read is reported and the import goes on with the others; a message its source would not read (too
 * large) is recorded as failed. What cannot be recorded (the store cannot be written, an Error) ends the import, and
 * the summary says why.
 * <p>
 * Messages are read and extracted on one worker per core, a bounded number ahead of the one thread that records
 * them in their order; a message read ahead but not recorded when the import stops is read again on resume.
 */
public final class Importer {
    /** The total of a unit that could not be counted. */
    public static final long UNKNOWN = -1;
    /** How many messages may be read ahead of the one being recorded, per worker, and how many bytes in all. */
    private static final int AHEAD_PER_WORKER = 32;
    private static final long AHEAD_BYTES = 64L << 20;
    private final TalkStore store;
    private final MessageProcessor processor;
    private final MailboxConfig mailbox;
    private final ImportListener listener;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final int workerCount;

    public Importer(TalkStore store, MailboxConfig mailbox, ImportListener listener) {
        this(store, mailbox, listener, Runtime.getRuntime().availableProcessors());
    }

    public Importer(TalkStore store, MailboxConfig mailbox, ImportListener listener, int workerCount) {
        this.store = store;
        this.processor = new MessageProcessor(store);
        this.mailbox = mailbox.withSenders(mailbox.senders().forArchive());
        this.listener = listener;
        this.workerCount = workerCount;
    }

    private record Unit(PathSource source, long done, long total) {
    }

    public ImportSummary run(List<Path> paths) {
        ImportSummary summary = new ImportSummary();
        List<Unit> units = plan(paths, summary);
        listener.counted(units.stream().mapToLong(u -> Math.max(0, u.total() - u.done())).sum());
        AtomicInteger numbers = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(workerCount, task -> {
            Thread thread = new Thread(task, "talkfeed-import-reader-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Unit unit : units) {
                if (stopping.get()) {
                    break;
                }
                if (unit.total() == UNKNOWN || unit.done() < unit.total()) {
                    read(unit, summary, workers);
                }
            }
        } catch (RuntimeException | Error e) {
            summary.stoppedBy(e instanceof StoreException ? e.getMessage()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            workers.shutdownNow();
        }
        summary.finish(stopping.get());
        return summary;
    }

    /** Stops after the message in progress, which is committed; the summary then says the import was interrupted. */
    public void stop() {
        stopping.set(true);
    }

    private List<Unit> plan(List<Path> paths, ImportSummary summary) {
        List<Unit> units = new ArrayList<>();
        for (Path path : paths) {
            List<PathSource> sources;
            try {
                sources = MessageSources.units(path);
            } catch (IOException | UncheckedIOException e) {
                failed(path, e, summary);
                continue;
            }
            for (PathSource source : sources) {
                long done = source.source().resumesByPosition()
                        ? store.checkpoint(source.checkpointName()).map(Checkpoint::position).orElse(0L) : 0;
                long total;
                try {
                    total = source.source().count();
                } catch (IOException | UncheckedIOException e) {
                    total = UNKNOWN; // unreadable: reading it will say why
                }
                if (done > 0) {
                    listener.resuming(source.path(), done, total);
                }
                summary.unit(done);
                units.add(new Unit(source, done, total));
            }
        }
        return units;
    }

    /**
     * A message handed to a worker, with its size: how much is read ahead is bounded in messages and in bytes. A message
     * its source did not read has no reading.
     */
    private record Pending(RawMessage raw, Future<MessageProcessor.Reading> reading) {
    }

    private void read(Unit unit, ImportSummary summary, ExecutorService workers) {
        String name = unit.source().checkpointName();
        long position = unit.done();
        Stream<RawMessage> messages;
        try {
            messages = unit.source().source().messagesAfter(unit.done());
        } catch (IOException | UncheckedIOException e) {
            failed(unit.source().path(), e, summary);
            return;
        }
        Deque<Pending> pending = new ArrayDeque<>();
        long pendingBytes = 0;
        RuntimeException broken = null;
        try (messages) {
            Iterator<RawMessage> it = messages.iterator();
            while (!stopping.get()) {
                RawMessage raw;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    raw = it.next();
                } catch (RuntimeException e) {
                    broken = e; // the messages read before the break are still recorded, below
                    break;
                }
                RawMessage positioned = raw.at(new Checkpoint(name, 0, ++position));
                pending.add(new Pending(positioned, positioned.readable() ? workers.submit(() -> processor.read(positioned, mailbox)) : null));
                pendingBytes += raw.bytes().length;
                while (!pending.isEmpty() && (pending.size() >= workerCount * AHEAD_PER_WORKER || pendingBytes > AHEAD_BYTES)) {
                    pendingBytes -= record(pending.remove(), summary);
                }
            }
            while (!stopping.get() && !pending.isEmpty()) {
                record(pending.remove(), summary);
            }
        } finally {
            pending.stream().filter(p -> p.reading() != null).forEach(p -> p.reading().cancel(false));
        }
        if (broken != null) {
            failed(unit.source().path(), broken, summary);
        }
    }

    /** Records the oldest message read ahead; returns its size. */
    private long record(Pending next, ImportSummary summary) {
        RawMessage raw = next.raw();
        ProcessResult result = next.reading() == null
                ? processor.recordUnreadable(raw.origin(), "unread:" + raw.origin(), mailbox, raw.unreadable(), raw.checkpoint())
                : processor.record(join(next.reading()));
        summary.add(result);
        listener.processed(result);
        return raw.bytes().length;
    }

    private static MessageProcessor.Reading join(Future<MessageProcessor.Reading> reading) {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a message", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException problem ? problem : new IllegalStateException(e.getCause());
        }
    }

    private void failed(Path path, Exception e, ImportSummary summary) {
        String problem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        summary.sourceFailed(path, problem);
        listener.sourceFailed(path, problem);
    }
}

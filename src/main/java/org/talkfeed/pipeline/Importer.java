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
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A one-shot import of files and folders into the store, streamed one message at a time. Messages are committed in
 * batches, each with its unit's checkpoint ("import:" and the unit's path, how many of its messages are done), so a
 * run that was stopped, failed or killed resumes where its last commit ended, passing over what was done without
 * parsing it. A path or unit that cannot be read is reported and the import goes on with the others; a message its
 * source would not read (too large) is recorded as failed. What cannot be recorded (the store cannot be written, an
 * Error) ends the import, and the summary says why.
 * <p>
 * Messages are read and extracted on one worker per core, a bounded number ahead of the one thread that records
 * them in their order; a message read ahead but not committed when the import stops is read again on resume.
 */
public final class Importer {
    /** The total of a unit that could not be counted. */
    public static final long UNKNOWN = -1;
    /** How many messages may be read ahead of the one being recorded, per worker, and how many bytes in all. */
    private static final int AHEAD_PER_WORKER = 32;
    private static final long AHEAD_BYTES = 64L << 20;
    /** How many messages one transaction records at most, how many of their bytes, and how long it stays open. */
    public static final int BATCH_MESSAGES = 200;
    private static final long BATCH_BYTES = 16L << 20;
    private static final long BATCH_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
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

    /**
     * Stops after the message in progress, which is committed with those before it; the summary then says the import
     * was interrupted.
     */
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

    private void read(Unit unit, ImportSummary summary, ExecutorService workers) {
        Stream<RawMessage> messages;
        try {
            messages = unit.source().source().messagesAfter(unit.done());
        } catch (IOException | UncheckedIOException e) {
            failed(unit.source().path(), e, summary);
            return;
        }
        RuntimeException broken;
        try (messages) {
            ReadAhead ahead = new ReadAhead(messages.iterator(), unit, workers);
            try {
                recordInBatches(ahead, summary);
            } finally {
                ahead.cancel();
            }
            broken = ahead.broken();
        }
        if (broken != null) {
            failed(unit.source().path(), broken, summary); // the messages read before the break are recorded
        }
    }

    /** Records the unit's messages, a batch a transaction, until it ends or the import stops; rethrows what failed one. */
    private void recordInBatches(ReadAhead ahead, ImportSummary summary) {
        while (!stopping.get() && ahead.hasMore()) {
            Optional<RuntimeException> failure = store.write(writer -> recordBatch(ahead, summary));
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
    }

    /**
     * Records messages in their order inside the open transaction, until the batch is full or old enough, the import
     * stops, or the unit ends. A failure while recording a message ends the batch: it is returned, and the messages
     * before it commit with their checkpoint.
     */
    private Optional<RuntimeException> recordBatch(ReadAhead ahead, ImportSummary summary) {
        long started = System.nanoTime();
        long bytes = 0;
        for (int count = 0; count < BATCH_MESSAGES && bytes < BATCH_BYTES && System.nanoTime() - started < BATCH_NANOS
                && !stopping.get(); count++) {
            ReadAhead.Pending next = ahead.next();
            if (next == null) {
                break;
            }
            try {
                RawMessage raw = next.raw();
                ProcessResult result = next.reading() == null
                        ? processor.recordUnreadable(raw.origin(), "unread:" + raw.origin(), mailbox, raw.unreadable(), raw.checkpoint())
                        : processor.record(join(next.reading()));
                summary.add(result);
                listener.processed(result);
            } catch (RuntimeException e) {
                return Optional.of(e);
            }
            bytes += next.bytes();
        }
        return Optional.empty();
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

    /**
     * The messages of one unit, handed to the workers in their order, a bounded number and size ahead of the one to be
     * recorded next. A unit that breaks off ends after the messages read before the break.
     */
    private final class ReadAhead {
        /** A message handed to a worker; one its source did not read has no reading. */
        record Pending(RawMessage raw, Future<MessageProcessor.Reading> reading) {
            long bytes() {
                return raw.bytes().length;
            }
        }

        private final Iterator<RawMessage> messages;
        private final String checkpointName;
        private final ExecutorService workers;
        private final Deque<Pending> pending = new ArrayDeque<>();
        private long pendingBytes;
        private long position;
        private boolean ended;
        private RuntimeException broken;

        ReadAhead(Iterator<RawMessage> messages, Unit unit, ExecutorService workers) {
            this.messages = messages;
            this.checkpointName = unit.source().checkpointName();
            this.position = unit.done();
            this.workers = workers;
        }

        /** Whether a message may be left to record (false once the unit has ended and all was taken). */
        boolean hasMore() {
            return !pending.isEmpty() || !ended;
        }

        /** The next message in order, as a worker reads it; null when the unit has no more. */
        Pending next() {
            while (!ended && pending.size() < workerCount * AHEAD_PER_WORKER && pendingBytes <= AHEAD_BYTES) {
                handOut();
            }
            Pending next = pending.poll();
            if (next != null) {
                pendingBytes -= next.bytes();
            }
            return next;
        }

        private void handOut() {
            RawMessage raw;
            try {
                if (!messages.hasNext()) {
                    ended = true;
                    return;
                }
                raw = messages.next();
            } catch (RuntimeException e) {
                broken = e;
                ended = true;
                return;
            }
            RawMessage positioned = raw.at(new Checkpoint(checkpointName, 0, ++position));
            pending.add(new Pending(positioned, positioned.readable() ? workers.submit(() -> processor.read(positioned, mailbox)) : null));
            pendingBytes += raw.bytes().length;
        }

        /** Why the unit broke off; null when it did not. */
        RuntimeException broken() {
            return broken;
        }

        /** Leaves the messages read ahead but not taken: they are read again on resume. */
        void cancel() {
            pending.stream().filter(p -> p.reading() != null).forEach(p -> p.reading().cancel(false));
        }
    }
}

package org.talkfeed.bench;

import org.talkfeed.config.MailboxConfig;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.mail.MboxWriter;
import org.talkfeed.pipeline.ImportListener;
import org.talkfeed.pipeline.ImportSummary;
import org.talkfeed.pipeline.Importer;
import org.talkfeed.pipeline.ProcessResult;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The backfill benchmark: N generated messages written to an mbox file in a temporary folder, then imported into a
 * fresh store as `talkfeed import` does (without progress display), timed, with the heap it needed.
 */
public final class ImportBench {
    private static final double TARGET_RATE = 2000;
    private static final long TARGET_HEAP_MB = 256;

    private final int messages;
    private final long seed;
    private final PrintStream out;
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    public ImportBench(int messages, long seed, PrintStream out) {
        this.messages = messages;
        this.seed = seed;
        this.out = out;
    }

    public void run() throws IOException {
        Path dir = Files.createTempDirectory("talkfeed-bench-import");
        try {
            Path mbox = dir.resolve("bench.mbox");
            long bytes = write(mbox);
            out.printf(Locale.ROOT, "bench --import: %,d generated messages (seed %d) in one mbox file, %.1f MB; max heap %d MB%n",
                    messages, seed, bytes / 1e6, Runtime.getRuntime().maxMemory() / (1024 * 1024));
            System.gc();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            HeapSampler sampler = new HeapSampler();
            ImportSummary summary;
            long start = System.nanoTime();
            try (TalkStore store = TalkStore.open(dir.resolve("bench.db"))) {
                summary = new Importer(store, MailboxConfig.of("bench", ExtractionDefaults.NONE), sampler).run(List.of(mbox));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report(summary, seconds, sampler.maxAfterGc);
        } finally {
            deleteAll(dir);
        }
    }

    /** Writes the messages one by one as mboxrd; none is kept. Returns the file's size. */
    private long write(Path mbox) throws IOException {
        EmailGenerator generator = new EmailGenerator(seed);
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(mbox), 1 << 16)) {
            for (int i = 0; i < messages; i++) {
                MboxWriter.append(file, generator.next());
            }
        }
        return Files.size(mbox);
    }

    private void report(ImportSummary summary, double seconds, long maxAfterGc) {
        double rate = summary.processed() / seconds;
        long peak = heapPools.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
        out.printf(Locale.ROOT, "import: %,d messages in %.1f s: %,.0f msg/s (counting pass; reading and extraction on %d "
                + "threads; up to %d messages a SQLite transaction)%n", summary.processed(), seconds, rate,
                Runtime.getRuntime().availableProcessors(), Importer.BATCH_MESSAGES);
        out.printf(Locale.ROOT, "heap: peak used %d MB (sum of the heap pools' peaks during the import), at most %d MB live "
                + "after a collection; max heap %d MB%n", mb(peak), mb(maxAfterGc), mb(Runtime.getRuntime().maxMemory()));
        out.printf(Locale.ROOT, "talks: %,d new, %,d updated; not a talk %,d; failed %,d%n", summary.newTalks(),
                summary.updatedTalks(), summary.count(Outcome.NOT_TALK), summary.count(Outcome.FAILED));
        out.printf(Locale.ROOT, "target (issue 11: at least %,.0f msg/s, under %d MB heap): rate %s, heap %s%n",
                TARGET_RATE, TARGET_HEAP_MB, rate >= TARGET_RATE ? "met" : "NOT met", mb(peak) < TARGET_HEAP_MB ? "met" : "NOT met");
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Every 1,000 messages, how much of the heap was still in use after the last collection; every 5,000, a line with
     * the rate over those 5,000, so that a long run shows how the rate changes as the store fills.
     */
    private final class HeapSampler implements ImportListener {
        long maxAfterGc;
        private long seen;
        private long lapStart = System.nanoTime();

        @Override
        public void processed(ProcessResult result) {
            if (++seen % 1000 == 0) {
                long live = 0;
                for (MemoryPoolMXBean pool : heapPools) {
                    MemoryUsage afterGc = pool.getCollectionUsage();
                    live += afterGc == null ? 0 : afterGc.getUsed();
                }
                maxAfterGc = Math.max(maxAfterGc, live);
                if (seen % 5000 == 0) {
                    long now = System.nanoTime();
                    out.printf(Locale.ROOT, "  %,d done: the last 5,000 at %,.0f msg/s; %d MB live after the last collection%n",
                            seen, 5000 / ((now - lapStart) / 1e9), mb(live));
                    lapStart = now;
                }
            }
        }
    }
}

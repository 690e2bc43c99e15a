package org.talkfeed.bench;

import org.talkfeed.config.Config;
import org.talkfeed.config.ConfigException;
import org.talkfeed.config.ConfigLoader;
import org.talkfeed.mail.Checkpoint;
import org.talkfeed.pipeline.Daemon;
import org.talkfeed.pipeline.TalkRecorder;
import org.talkfeed.publish.PublishReport;
import org.talkfeed.publish.SearchIndex;
import org.talkfeed.publish.SitePublisher;
import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkChange;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Sender;
import org.talkfeed.talk.SenderRules;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;
import org.talkfeed.talk.TalkChanges;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The publishing benchmark: a fresh store in a temporary folder filled with N generated talks (recorded as messages are,
 * through {@link TalkRecorder}), then, in each round, a full publish into an empty site folder as `talkfeed publish`
 * does it, a republish with nothing changed, and the republish after one new announcement, as the daemon does them.
 */
public final class PublishBench {
    private static final String LIST_ZONE = "America/Chicago";
    private static final int YEARS_BACK = 6;
    private static final int RECORDS_PER_TRANSACTION = 500;
    private static final double TARGET_FULL_SECONDS = 2;
    private static final double TARGET_REPUBLISH_SECONDS = 0.2;
    private static final long TARGET_HEAP_MB = 256;
    private static final long TARGET_PAGE_BYTES = 300_000;
    private static final long TARGET_INDEX_BYTES = 3_000_000;
    private static final double TARGET_ARCHIVE_SECONDS = 10;

    private final int talks;
    private final long seed;
    private final int rounds;
    private final PrintStream out;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final Sender announcer = new Sender("seminars@cs.example.edu", Sender.Vouch.ENVELOPE, null);
    private final Function<Config, SitePublisher> publisher;
    private long messages;

    /** @param publisher the publisher `talkfeed publish` builds from a configuration */
    public PublishBench(int talks, long seed, int rounds, PrintStream out, Function<Config, SitePublisher> publisher) {
        this.publisher = publisher;
        this.talks = talks;
        this.seed = seed;
        this.rounds = rounds;
        this.out = out;
    }

    /** One publish measured: its wall time, what it wrote, and the heap it took. */
    private record Measured(double seconds, double cpuSeconds, PublishReport report, long peakHeapBytes) {
    }

    /** What the store was filled with. */
    private record Filled(int talks, int cancelled, int online, int series, int speakers, int hosts, int zones,
                          LocalDate first, LocalDate last) {
    }

    public void run() throws IOException, ConfigException {
        Path dir = Files.createTempDirectory("talkfeed-bench-publish");
        try {
            Config config = config(dir);
            LocalDate today = LocalDate.now(ZoneId.of(LIST_ZONE));
            TalkGenerator generator = new TalkGenerator(seed, today.minusYears(YEARS_BACK).withDayOfYear(1),
                    (int) (today.plusYears(1).toEpochDay() - today.minusYears(YEARS_BACK).withDayOfYear(1).toEpochDay()));
            try (TalkStore store = TalkStore.open(config.store())) {
                long fillStart = System.nanoTime();
                Filled filled = fill(store, generator);
                out.printf(Locale.ROOT, "bench --publish: %,d generated talks (seed %d) recorded into a fresh store in %.1f s: "
                                + "%s to %s, %d series, %,d speakers, %,d hosts, %,d online, %,d cancelled, %d zones; list zone %s%n",
                        filled.talks, seed, (System.nanoTime() - fillStart) / 1e9, filled.first, filled.last, filled.series,
                        filled.speakers, filled.hosts, filled.online, filled.cancelled, filled.zones, LIST_ZONE);
                out.printf(Locale.ROOT, "%d measured rounds (the first includes the JVM's warm-up; each adds one talk to the store); max heap %d MB%n", rounds,
                        mb(Runtime.getRuntime().maxMemory()));
                List<Measured> full = new ArrayList<>();
                List<Measured> unchanged = new ArrayList<>();
                List<Measured> afterOne = new ArrayList<>();
                for (int r = 1; r <= rounds; r++) {
                    deleteAll(config.site());
                    Daemon daemon = new Daemon(config, store, publisher.apply(config));
                    full.add(measure(daemon));
                    unchanged.add(measure(daemon));
                    recordOneAnnouncement(store, generator, today.plusDays(7));
                    afterOne.add(measure(daemon));
                    out.printf(Locale.ROOT, "round %d: full %s; nothing changed %s; after one new message %s%n", r,
                            brief(full.get(r - 1)), brief(unchanged.get(r - 1)), brief(afterOne.get(r - 1)));
                }
                archive(config.site());
                report("full publish into an empty site folder (as `talkfeed publish`)", full);
                report("republish with nothing changed (as the daemon does)", unchanged);
                report("republish after one new announcement is recorded", afterOne);
                double archiveSeconds = median(full, m -> m.report.archive().toNanos() / 1e9);
                out.printf(Locale.ROOT, "archive of %,d talks built (pages and search index, in the full publish) in %.3f s; target "
                        + "under %.0f s: %s%n", talks, archiveSeconds, TARGET_ARCHIVE_SECONDS,
                        archiveSeconds < TARGET_ARCHIVE_SECONDS ? "met" : "NOT met");
                double fullSeconds = median(full, Measured::seconds);
                double republishSeconds = median(afterOne, Measured::seconds);
                long peak = (long) Stream.of(full, unchanged, afterOne).mapToDouble(m -> median(m, Measured::peakHeapBytes))
                        .max().orElseThrow();
                out.printf(Locale.ROOT, "target (20,000 talks: full publish under %.0f s, republish after one message under %.0f ms, "
                                + "under %d MB heap): full %s, republish %s, heap %s%n", TARGET_FULL_SECONDS,
                        TARGET_REPUBLISH_SECONDS * 1000, TARGET_HEAP_MB, fullSeconds < TARGET_FULL_SECONDS ? "met" : "NOT met",
                        republishSeconds < TARGET_REPUBLISH_SECONDS ? "met" : "NOT met", mb(peak) < TARGET_HEAP_MB ? "met" : "NOT met");
            }
        } finally {
            deleteAll(dir);
        }
    }

    /** The archive's pages as the last publish left them: how many, their total size and the largest. */
    private void archive(Path site) throws IOException {
        long total = 0;
        long largest = 0;
        String largestPage = null;
        int pages = 0;
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path page : walk.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).toList()) {
                long size = Files.size(page);
                pages++;
                total += size;
                if (size > largest) {
                    largest = size;
                    largestPage = site.relativize(page).toString();
                }
            }
        }
        long index = Files.size(site.resolve(SearchIndex.PATH));
        out.printf(Locale.ROOT, "archive: %,d pages, %,d bytes of pages in all; largest page %,d bytes (%s); search index %,d bytes; "
                        + "target no page over %,d bytes: %s, search index under %,d bytes: %s%n", pages, total, largest, largestPage,
                index, TARGET_PAGE_BYTES, largest <= TARGET_PAGE_BYTES ? "met" : "NOT met", TARGET_INDEX_BYTES,
                index < TARGET_INDEX_BYTES ? "met" : "NOT met");
    }

    /** A configuration file as a user writes one, read as every command reads it, so that its defaults apply here too. */
    private static Config config(Path dir) throws IOException, ConfigException {
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(dir.resolve("mail").resolve(sub));
        }
        Path file = Files.writeString(dir.resolve("talkfeed.yaml"), """
                store: bench.db
                site: site
                calendar:
                  name: Bench talks
                mailboxes:
                  - name: bench
                    maildir: mail
                    timezone: %s
                """.formatted(LIST_ZONE));
        return new ConfigLoader().load(file);
    }

    /** Records announcements until the store holds the talks asked for, and a cancellation after some of them. */
    private Filled fill(TalkStore store, TalkGenerator generator) {
        TalkRecorder recorder = new TalkRecorder(store);
        Set<String> series = new HashSet<>();
        Set<String> speakers = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        Set<String> zones = new HashSet<>();
        int[] counts = new int[3]; // talks, cancelled, online
        LocalDate[] span = new LocalDate[2];
        int[] attempts = new int[1];
        while (counts[0] < talks) {
            store.write(writer -> {
                for (int i = 0; i < RECORDS_PER_TRANSACTION && counts[0] < talks; i++) {
                    if (++attempts[0] > 2 * talks + 100) {
                        throw new IllegalStateException("the generated talks kept matching known ones: only " + counts[0]
                                + " of " + talks + " recorded");
                    }
                    TalkGenerator.GeneratedTalk generated = generator.next();
                    Talk talk = generated.talk();
                    List<TalkChange> created = record(recorder, Kind.ANNOUNCEMENT, talk);
                    if (created.isEmpty() || !created.get(0).created()) {
                        continue; // the same speaker on the same day, or the same title and start: not a new talk
                    }
                    counts[0]++;
                    if (generated.cancelled() && record(recorder, Kind.CANCELLATION, talk).stream()
                            .anyMatch(c -> c.talk().id() == created.get(0).talk().id() && c.talk().cancelled())) {
                        counts[1]++;
                    }
                    counts[2] += talk.online() ? 1 : 0;
                    if (talk.series() != null) {
                        series.add(talk.series());
                    }
                    talk.speakers().stream().map(Speaker::name).forEach(speakers::add);
                    if (talk.host() != null) {
                        hosts.add(talk.host());
                    }
                    zones.add(talk.timezone());
                    span[0] = span[0] == null || talk.date().isBefore(span[0]) ? talk.date() : span[0];
                    span[1] = span[1] == null || talk.date().isAfter(span[1]) ? talk.date() : span[1];
                }
                return null;
            });
        }
        return new Filled(counts[0], counts[1], counts[2], series.size(), speakers.size(), hosts.size(), zones.size(),
                span[0], span[1]);
    }

    /** Records one announcement of a new talk a week from now (a generated talk that matches a known one is passed over). */
    private void recordOneAnnouncement(TalkStore store, TalkGenerator generator, LocalDate day) {
        TalkRecorder recorder = new TalkRecorder(store);
        for (int attempt = 0; attempt < 100; attempt++) {
            if (record(recorder, Kind.ANNOUNCEMENT, generator.next(day).talk()).stream().anyMatch(TalkChange::created)) {
                return;
            }
        }
        throw new IllegalStateException("100 generated talks on " + day + " all matched known ones");
    }

    /** Records one message about {@code talk}, as the pipeline does; the talks it created or changed. */
    private List<TalkChange> record(TalkRecorder recorder, Kind kind, Talk talk) {
        long n = ++messages;
        String messageId = "<bench-" + n + "@cs.example.edu>";
        MessageRecord message = new MessageRecord(messageId, "bench", "bench:" + n, talk.title(), announcer.address(),
                talk.startsAt().map(s -> s.minusDays(5)).orElse(null), Outcome.valueOf(kind.name()), null, messageId,
                "bench-content-" + n);
        return recorder.record(message, "bench-bytes-" + n, kind, kind, List.of(talk),
                new TalkChanges.Source(announcer, List.of(), SenderRules.ANYONE), new Checkpoint("bench", 0, n))
                .changes();
    }

    private Measured measure(Daemon daemon) throws IOException {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        PublishReport report = daemon.publish();
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double seconds = (System.nanoTime() - start) / 1e9;
        if (report == null) {
            throw new IOException("the publish failed (its reason is logged above)");
        }
        long peak = heapPools.stream().map(MemoryPoolMXBean::getPeakUsage).mapToLong(MemoryUsage::getUsed).sum();
        return new Measured(seconds, cpuSeconds, report, peak);
    }

    private static String brief(Measured m) {
        return String.format(Locale.ROOT, "%.3f s, %.3f s CPU (%,d written, %,d unchanged, %d MB)", m.seconds, m.cpuSeconds,
                m.report.written(),
                m.report.unchanged(), mb(m.peakHeapBytes));
    }

    private void report(String what, List<Measured> measured) {
        out.printf(Locale.ROOT, "%s: %.3f s (of which calendar files %.3f s, archive pages and search index %.3f s); %,d talks, "
                        + "%,d files written, %,d unchanged, %,d removed; peak heap used %d MB (median of %d); %.3f s CPU of the "
                        + "publishing thread%n", what, median(measured, Measured::seconds),
                median(measured, m -> m.report.calendars().toNanos() / 1e9), median(measured, m -> m.report.archive().toNanos() / 1e9),
                (long) median(measured, m -> m.report.talks()), (long) median(measured, m -> m.report.written()),
                (long) median(measured, m -> m.report.unchanged()), (long) median(measured, m -> m.report.removed()),
                mb((long) median(measured, Measured::peakHeapBytes)), measured.size(), median(measured, Measured::cpuSeconds));
    }

    /** The median; of an even count, the lower middle value, so that counts stay whole. */
    private static double median(List<Measured> measured, ToDoubleFunction<Measured> value) {
        double[] sorted = measured.stream().mapToDouble(value).sorted().toArray();
        return sorted[(sorted.length - 1) / 2];
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static void deleteAll(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

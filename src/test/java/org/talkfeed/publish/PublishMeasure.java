package org.talkfeed.publish;

import org.talkfeed.store.MessageRecord;
import org.talkfeed.store.Outcome;
import org.talkfeed.store.TalkStore;
import org.talkfeed.talk.Kind;
import org.talkfeed.talk.Speaker;
import org.talkfeed.talk.Talk;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Not a test: times publishing a store of N talks (default 20,000) into a fresh site, then with nothing changed, then
 * after one new talk, each several times, and prints the medians and the peak heap. Run with the test classpath:
 * {@code java -Xmx256m -cp target/classes:target/test-classes:DEPS org.talkfeed.publish.PublishMeasure DIR [N] [ROUNDS]}.
 */
public final class PublishMeasure {
    private static final Instant NOW = Instant.parse("2026-06-01T15:00:00Z");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Files.createDirectories(dir);
        Path storeFile = dir.resolve("store-" + count + ".db");
        boolean fresh = !Files.exists(storeFile);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Random random = new Random(13);
        try (TalkStore store = TalkStore.open(storeFile, clock)) {
            if (fresh) {
                fill(store, count, random);
            }
            FeedSettings settings = new FeedSettings("Dept talks", Duration.ofHours(1), "https://talks.example.edu", 90,
                    Duration.ofMinutes(15), Duration.ofMinutes(60));
            time("store.talks()", rounds, () -> store.talks().size());
            int[] added = {0};
            List<Long> full = new ArrayList<>();
            List<Long> none = new ArrayList<>();
            List<Long> one = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Path site = dir.resolve("site");
                deleteTree(site);
                SitePublisher publisher = new SitePublisher(site, settings, "America/Chicago", clock);
                full.add(measure(() -> publisher.publish(store), "full"));
                none.add(measure(() -> publisher.publish(store), "no change"));
                store.write(w -> {
                    String key = "<measure-" + (added[0]++) + "-" + System.nanoTime() + "@x>";
                    long row = w.insertMessage(message(key));
                    return w.create(key, 0, talk(count + added[0], random), Kind.ANNOUNCEMENT, "a@x", true, row);
                });
                one.add(measure(() -> publisher.publish(store), "one new talk"));
            }
            System.out.printf("medians over %d rounds, %d talks: full %d ms, no change %d ms, one new talk %d ms; peak heap %d MB%n",
                    rounds, count, median(full), median(none), median(one), peakHeapMegabytes());
        }
    }

    private static long measure(Publish publish, String what) throws Exception {
        long start = System.nanoTime();
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        PublishReport report = publish.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1_000_000;
        System.out.println(what + ": " + millis + " ms (" + cpuMillis + " ms on the publishing thread's CPU), " + report);
        return millis;
    }

    private interface Publish {
        PublishReport run() throws Exception;
    }

    private static void time(String what, int rounds, Supplier<Integer> work) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.get();
            times.add((System.nanoTime() - start) / 1_000_000);
        }
        System.out.println(what + ": median " + median(times) + " ms " + times);
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static long peakHeapMegabytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    private static void fill(TalkStore store, int count, Random random) {
        for (int start = 0; start < count; start += 1_000) {
            int from = start;
            store.write(w -> {
                for (int i = from; i < Math.min(count, from + 1_000); i++) {
                    String key = "<talk-" + i + "@x>";
                    long row = w.insertMessage(message(key));
                    w.create(key, 0, talk(i, random), Kind.ANNOUNCEMENT, "a@x", true, row);
                }
                return null;
            });
        }
    }

    /** Like FeedContentTest's 20,000 talks: three years around now, 2,000 speakers, 30 hosts, 10 series, long abstracts. */
    private static Talk talk(int i, Random random) {
        String[] zones = {"America/Chicago", "Europe/Berlin", "Australia/Sydney"};
        LocalDate day = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(3 * 365));
        String speaker = "Speaker " + random.nextInt(2_000);
        return new Talk("Title " + i + " on graphs, proofs and programs", List.of(new Speaker(speaker, "University " + i % 50)),
                day, LocalTime.of(9 + random.nextInt(8), 0), null, zones[i % 3], "Room " + i % 40, i % 7 == 0,
                i % 7 == 0 ? "https://zoom.example.com/j/" + i : null, "Host " + i % 30, "Series " + i % 10,
                "Abstract " + i + ". " + "We study the structure of sparse graphs and what it means for algorithms. ".repeat(12),
                null, 1.0, List.of());
    }

    private static MessageRecord message(String key) {
        return new MessageRecord(key, "measure", "measure", "Talk", "a@x", null, Outcome.ANNOUNCEMENT, null, key, null);
    }

    private static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private PublishMeasure() {
    }
}

package org.talkfeed.bench;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.extract.Extractor;
import org.talkfeed.talk.Announcement;
import org.talkfeed.talk.Kind;
import org.talkfeed.text.MessageReader;
import org.talkfeed.text.MessageText;
import org.talkfeed.text.UnreadableMessageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast talkfeed reads mail, against bare jakarta.mail parsing of the same bytes: generated messages,
 * one thread, warmup rounds first, then the median of the measured rounds.
 */
public final class ExtractionBench {
    private final int messages;
    private final long seed;
    private final int rounds;
    private final int warmup;
    private final PrintStream out;

    /** Consumes results so that the JIT cannot drop the work; printed once so it is observably used. */
    private long sink;

    public ExtractionBench(int messages, long seed, int rounds, int warmup, PrintStream out) {
        this.messages = messages;
        this.seed = seed;
        this.rounds = rounds;
        this.warmup = warmup;
        this.out = out;
    }

    public void run() {
        ModelLoadBench.report(out);
        List<byte[]> mail = new EmailGenerator(seed).generate(messages);
        long bytes = mail.stream().mapToLong(m -> m.length).sum();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "bench: %d generated messages (seed %d, %.1f MB), %d warmup + %d measured rounds, one thread%n",
                messages, seed, bytes / 1e6, warmup, rounds);
        out.printf(Locale.ROOT, "jvm: %s %s (%s), %d CPUs available, max heap %d MB%n",
                System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), System.getProperty("os.arch"),
                rt.availableProcessors(), rt.maxMemory() / (1024 * 1024));
        List<String> jvmArgs = ManagementFactory.getRuntimeMXBean().getInputArguments();
        out.println("jvm args: " + (jvmArgs.isEmpty() ? "(none)" : String.join(" ", jvmArgs)));

        for (int i = 0; i < warmup; i++) {
            baseline(mail);
            talkfeed(mail, null);
        }
        double[] baseSeconds = new double[rounds];
        double[] talkSeconds = new double[rounds];
        double[] ratios = new double[rounds];
        Counts counts = new Counts();
        for (int r = 0; r < rounds; r++) {
            baseSeconds[r] = baseline(mail);
            talkSeconds[r] = talkfeed(mail, r == 0 ? counts : null);
            ratios[r] = talkSeconds[r] / baseSeconds[r];
            out.printf(Locale.ROOT, "round %d: talkfeed %.0f msg/s (%.3f s), bare jakarta.mail %.0f msg/s (%.3f s), ratio %.2fx%n",
                    r + 1, messages / talkSeconds[r], talkSeconds[r], messages / baseSeconds[r], baseSeconds[r], ratios[r]);
        }
        out.printf(Locale.ROOT, "talkfeed: %.0f msg/s (median of %d), bare jakarta.mail: %.0f msg/s, ratio %.2fx%n",
                messages / median(talkSeconds), rounds, messages / median(baseSeconds), median(ratios));
        out.printf(Locale.ROOT, "talks: %d of %d messages became talks (%d talks in all); %s; %d unreadable%n",
                counts.talkMessages, messages, counts.talks, counts.byKind(), counts.unreadable);
        out.println("(ratio = talkfeed time / bare jakarta.mail time, median of per-round ratios; checksum " + (sink & 0xffff) + ")");
    }

    // ---- the two workloads

    /** The same session talkfeed reads with, so that both workloads parse alike. */
    private static final Session SESSION = MessageReader.session();

    /** Bare jakarta.mail: parse each message and read every text part's content as a String. Seconds taken. */
    private double baseline(List<byte[]> mail) {
        long chars = 0;
        long start = System.nanoTime();
        for (byte[] bytes : mail) {
            try {
                chars += textLength(new MimeMessage(SESSION, new ByteArrayInputStream(bytes)));
            } catch (MessagingException | IOException e) {
                chars--;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink += chars;
        return seconds;
    }

    private static long textLength(Part part) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            long n = 0;
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    n += textLength(child);
                }
            }
            return n;
        }
        if (part.isMimeType("text/*") && part.getContent() instanceof String text) {
            return text.length();
        }
        return 0;
    }

    /** talkfeed: MessageReader then Extractor on each message. Seconds taken; tallies outcomes when counts is given. */
    private double talkfeed(List<byte[]> mail, Counts counts) {
        long talks = 0;
        long start = System.nanoTime();
        MessageReader reader = new MessageReader();
        Extractor extractor = new Extractor();
        for (byte[] bytes : mail) {
            try {
                MessageText text = reader.read(bytes);
                Announcement a = extractor.extract(text, ExtractionDefaults.NONE);
                talks += a.talks().size();
                if (counts != null) {
                    counts.add(a);
                }
            } catch (UnreadableMessageException e) {
                talks--;
                if (counts != null) {
                    counts.unreadable++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink += talks;
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static final class Counts {
        final Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
        int talkMessages;
        int talks;
        int unreadable;

        void add(Announcement a) {
            kinds.merge(a.kind(), 1, Integer::sum);
            if (a.isTalk()) {
                talkMessages++;
                talks += a.talks().size();
            }
        }

        String byKind() {
            StringBuilder s = new StringBuilder();
            kinds.forEach((k, n) -> s.append(s.isEmpty() ? "" : ", ").append(k.label()).append(' ').append(n));
            return s.toString();
        }
    }
}

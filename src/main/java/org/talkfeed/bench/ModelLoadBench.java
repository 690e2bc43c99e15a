package org.talkfeed.bench;

import org.talkfeed.extract.Decisions;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long the extraction model takes to load and how much heap it keeps: the first load in this JVM (which also
 * starts the JSON reader), then the median of further reads, and the heap retained by one more copy of it.
 */
final class ModelLoadBench {
    private static final int READS = 5;

    private ModelLoadBench() {
    }

    static void report(PrintStream out) {
        long start = System.nanoTime();
        Decisions.standard();
        double firstMs = (System.nanoTime() - start) / 1e6;
        double[] readMs = new double[READS];
        for (int i = 0; i < READS; i++) {
            long t = System.nanoTime();
            read();
            readMs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(readMs);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        Decisions kept = read();
        System.gc();
        long retained = rt.totalMemory() - rt.freeMemory() - before;
        out.printf(Locale.ROOT, "model: first load %.0f ms (with the JSON reader's start), then %.1f ms (median of %d reads); "
                + "about %d KB of heap (%s)%n", firstMs, readMs[READS / 2], READS, Math.max(0, retained) / 1024,
                kept.getClass().getSimpleName());
    }

    private static Decisions read() {
        try (InputStream in = Decisions.class.getResourceAsStream(Decisions.RESOURCE)) {
            return Decisions.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

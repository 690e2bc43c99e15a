package org.talkfeed.cli;

import org.talkfeed.bench.ExtractionBench;
import org.talkfeed.bench.ImportBench;
import org.talkfeed.bench.PublishBench;
import org.talkfeed.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

/** `talkfeed bench`: the extraction benchmark, or with --import the backfill, or with --publish the publishing one. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures talkfeed's reading and extraction speed on generated talk-list mail, single-threaded, against "
                + "bare jakarta.mail parsing of the same messages (MimeMessage plus every text part's content).")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--messages", paramLabel = "N", defaultValue = "10000", description = "Messages to generate (default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rounds", paramLabel = "R", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "2", description = "Unreported warmup rounds (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--import", paramLabel = "N", description = "Instead: the backfill benchmark. Writes N generated messages "
            + "to an mbox file in a temporary folder, imports it into a fresh store, and reports messages per second and the "
            + "peak heap used.")
    Integer importMessages;

    @Option(names = "--publish", paramLabel = "N", description = "Instead: the publishing benchmark. Records N generated talks "
            + "into a fresh store in a temporary folder, then reports, as the median of --rounds, a full publish into an empty "
            + "site folder, a republish with nothing changed, and the republish after one new announcement: wall time, files "
            + "written and unchanged, and the peak heap used.")
    Integer publishTalks;

    @Override
    public Integer call() {
        if (importMessages != null) {
            return backfill();
        }
        if (publishTalks != null) {
            return publishing();
        }
        if (messages < 1 || rounds < 1 || warmup < 0) {
            System.err.println("talkfeed: bench: --messages and --rounds must be at least 1, --warmup at least 0");
            return 2;
        }
        new ExtractionBench(messages, seed, rounds, warmup, System.out).run();
        return 0;
    }

    private int backfill() {
        if (importMessages < 1) {
            System.err.println("talkfeed: bench: --import needs at least 1 message");
            return 2;
        }
        try {
            new ImportBench(importMessages, seed, System.out).run();
            return 0;
        } catch (IOException e) {
            System.err.println("talkfeed: bench: " + e.getMessage());
            return 1;
        }
    }

    private int publishing() {
        if (publishTalks < 1 || rounds < 1) {
            System.err.println("talkfeed: bench: --publish needs at least 1 talk and --rounds at least 1");
            return 2;
        }
        try {
            new PublishBench(publishTalks, seed, rounds, System.out, Parts::publisher).run();
            return 0;
        } catch (IOException | ConfigException e) {
            System.err.println("talkfeed: bench: " + e.getMessage());
            return 1;
        }
    }
}

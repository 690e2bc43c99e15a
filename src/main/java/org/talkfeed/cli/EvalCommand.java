package org.talkfeed.cli;

import org.talkfeed.eval.CmuEvaluator;
import org.talkfeed.eval.CorpusEvaluator;
import org.talkfeed.eval.EvalReport;
import org.talkfeed.eval.Miss;
import org.talkfeed.extract.ExtractionDefaults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores extraction on a labeled corpus (NNN.eml + NNN.json, the format and rules of corpus/SCHEMA.md):",
                "per-field accuracy, kind accuracy, false events, and every miss (file, field, expected, got).",
                "No configuration is used: zones are stated or inferred, as `talkfeed parse` without --config does."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "The corpus folder.")
    Path dir;

    @Option(names = "--no-misses", description = "Print only the summary.")
    boolean noMisses;

    @Option(names = "--cmu", description = "DIR holds CMU seminar announcements (.txt, fields tagged inline): score start, "
            + "end, speaker and location against the tags.")
    boolean cmu;

    @Override
    public Integer call() {
        EvalReport report;
        try {
            report = cmu ? new CmuEvaluator().evaluate(dir) : new CorpusEvaluator(ExtractionDefaults.NONE).evaluate(dir);
        } catch (IOException e) {
            System.err.println("talkfeed: " + e.getMessage());
            return 1;
        }
        if (!noMisses) {
            for (Miss miss : report.misses()) {
                System.out.println("miss " + miss.file() + " " + miss.field() + ": expected " + miss.expected() + " | got " + miss.got());
            }
            System.out.println();
        }
        System.out.println(report.emails() + " emails in " + dir);
        System.out.print(report.summary());
        return 0;
    }
}

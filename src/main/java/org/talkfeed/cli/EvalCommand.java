package org.talkfeed.cli;

import org.talkfeed.eval.ByListEvaluator;
import org.talkfeed.eval.CmuEvaluator;
import org.talkfeed.eval.CorpusEvaluator;
import org.talkfeed.eval.EvalReport;
import org.talkfeed.eval.LabeledCase;
import org.talkfeed.eval.Miss;
import org.talkfeed.extract.Decisions;
import org.talkfeed.extract.ExtractionDefaults;
import org.talkfeed.talk.Moderation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Scores extraction on a labeled corpus (NNN.eml + NNN.json, the format and rules of corpus/SCHEMA.md):",
                "per-field accuracy, kind accuracy, false events, and every miss (file, field, expected, got).",
                "No configuration is used: zones are stated or inferred, as `talkfeed parse` without --config does."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The corpus folder (with --by-list, one or more).")
    List<Path> dirs;

    @Option(names = "--by-list", description = "Leave one list out: for each list, train the learned decisions on all the "
            + "other lists and score that one; pooled scores, the confidence reliability table, and the share above the "
            + "publishing threshold.")
    boolean byList;

    @Option(names = "--no-misses", description = "Print only the summary.")
    boolean noMisses;

    @Option(names = "--cmu", description = "DIR holds CMU seminar announcements (.txt, fields tagged inline): score start, "
            + "end, speaker and location against the tags.")
    boolean cmu;

    @Override
    public Integer call() {
        EvalReport report;
        Path dir = dirs.get(0);
        try {
            if (byList) {
                return byList();
            }
            report = cmu ? new CmuEvaluator().evaluate(dir) : new CorpusEvaluator(ExtractionDefaults.NONE).evaluate(dir);
        } catch (IOException e) {
            System.err.println("talkfeed: " + e.getMessage());
            return 1;
        }
        printMisses(report);
        System.out.println(report.emails() + " emails in " + dir);
        System.out.print(report.summary());
        return 0;
    }

    private void printMisses(EvalReport report) {
        if (!noMisses) {
            for (Miss miss : report.misses()) {
                System.out.println("miss " + miss.file() + " " + miss.field() + ": expected " + miss.expected() + " | got " + miss.got());
            }
            System.out.println();
        }
    }

    private int byList() throws IOException {
        List<LabeledCase> cases = new ArrayList<>();
        for (Path dir : dirs) {
            cases.addAll(LabeledCase.read(dir));
        }
        ByListEvaluator.Result result = new ByListEvaluator().evaluate(cases);
        printMisses(result.report());
        System.out.println("leave-one-list-out over " + result.lists() + " lists, " + result.report().emails() + " emails in "
                + dirs.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(", ")));
        System.out.print(result.report().summary());
        System.out.println();
        System.out.println("confidence (each talk's, from a model that never saw its list) against fully right "
                + "(date, start, zone, speaker, title):");
        System.out.print(result.calibration().table(Decisions.PUBLISH_THRESHOLD));
        double threshold = Moderation.DEFAULT_THRESHOLD;
        System.out.printf(java.util.Locale.ROOT, "moderation at its default threshold %.2f: %.3f of the talks published at once, "
                + "%.3f of those fully right (date, start, zone, speaker, title)%n", threshold,
                result.calibration().shareAbove(threshold), result.calibration().rightAbove(threshold));
        return 0;
    }
}

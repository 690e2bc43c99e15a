package org.talkfeed.cli;

import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.talkfeed.pipeline.ImportListener;
import org.talkfeed.pipeline.Importer;
import org.talkfeed.pipeline.ProcessResult;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * An import's progress as the user sees it. On a terminal: a bar with messages done and to do, rate and time left,
 * and with {@code lines} one line per message above it. Elsewhere: one line per message unless not {@code lines}.
 * Resumed and unreadable sources are always said.
 */
final class ImportProgress implements ImportListener {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final boolean lines;
    private ProgressBar bar;
    private String shown = "";

    ImportProgress(PrintStream out, PrintStream err, boolean terminal, boolean lines) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.lines = lines;
    }

    @Override
    public void resuming(Path path, long done, long total) {
        say(out, total != Importer.UNKNOWN && done >= total
                ? String.format(Locale.ROOT, "%s: all %,d messages were imported before", path, total)
                : String.format(Locale.ROOT, "resuming %s after %,d messages", path, done));
    }

    @Override
    public void counted(long messages) {
        if (terminal) {
            bar = new ProgressBarBuilder().setTaskName("import").setInitialMax(messages).setUnit(" msg", 1).showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
                    .setConsumer(new DelegatingProgressBarConsumer(this::show)).build();
        }
    }

    @Override
    public void processed(ProcessResult result) {
        if (lines) {
            say(out, result.logLine());
        }
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void sourceFailed(Path path, String problem) {
        say(err, "talkfeed: " + path + ": " + problem);
    }

    /** Draws the bar a last time and ends its line. */
    void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
            synchronized (this) {
                out.println();
                shown = "";
            }
        }
    }

    private synchronized void show(String rendered) {
        out.print("\r" + rendered + "\u001b[K");
        out.flush();
        shown = rendered;
    }

    /** A line above the bar: the bar's line is cleared, the line printed, and the bar drawn again below it. */
    private synchronized void say(PrintStream stream, String line) {
        if (!shown.isEmpty()) {
            out.print("\r\u001b[K");
            out.flush();
        }
        stream.println(line);
        stream.flush();
        if (!shown.isEmpty()) {
            out.print(shown);
            out.flush();
        }
    }
}

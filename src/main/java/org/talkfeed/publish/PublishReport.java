package org.talkfeed.publish;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a publish did: how many talks, how many files were rewritten, left unchanged or removed, and the time spent
 * making and writing the calendar files (feeds and each talk's .ics) and the archive (its pages and search index).
 */
public record PublishReport(int talks, int written, int unchanged, int removed, Duration calendars, Duration archive) {

    /** The line logs and commands print for it. */
    public String describe(Path site) {
        return "published " + talks + " talks to " + site + " (" + written + " files written, " + unchanged + " unchanged, "
                + removed + " removed)";
    }
}

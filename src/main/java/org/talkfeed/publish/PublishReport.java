package org.talkfeed.publish;

import java.nio.file.Path;

/** What a publish did: how many talks, how many files were rewritten, left unchanged or removed. */
public record PublishReport(int talks, int written, int unchanged, int removed) {

    /** The line logs and commands print for it. */
    public String describe(Path site) {
        return "published " + talks + " talks to " + site + " (" + written + " files written, " + unchanged + " unchanged, "
                + removed + " removed)";
    }
}

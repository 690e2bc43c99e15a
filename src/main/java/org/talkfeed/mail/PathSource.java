package org.talkfeed.mail;

import java.nio.file.Path;

/**
 * A message source that an import reads as one unit, named by its file or folder (absolute and normalized):
 * an mbox file, a Maildir, a pipermail month, or the message files of one folder.
 */
public record PathSource(Path path, MessageSource source) {

    /** The name of this unit's checkpoint in the store. */
    public String checkpointName() {
        return "import:" + path;
    }
}

package org.talkfeed.pipeline;

import java.nio.file.Path;

/** Hears how an import goes, for a progress display; every method does nothing unless overridden. */
public interface ImportListener {
    ImportListener NONE = new ImportListener() {
    };

    /** A unit was read before, up to {@code done} of its {@code total} messages; those are passed over. */
    default void resuming(Path path, long done, long total) {
    }

    /** Everything is counted: {@code messages} are left to process. */
    default void counted(long messages) {
    }

    default void processed(ProcessResult result) {
    }

    /** A path or unit could not be read (further); the import goes on with the others. */
    default void sourceFailed(Path path, String problem) {
    }
}

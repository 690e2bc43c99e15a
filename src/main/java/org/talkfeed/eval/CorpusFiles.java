package org.talkfeed.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a corpus folder with one ending, in name order; none at all is an error that says what was expected. */
final class CorpusFiles {
    private CorpusFiles() {
    }

    static List<Path> list(Path dir, String ending, String whenNone) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.list(dir)) {
            found = files.filter(p -> p.getFileName().toString().endsWith(ending)).sorted().toList();
        }
        if (found.isEmpty()) {
            throw new IOException(dir + ": " + whenNone);
        }
        return found;
    }
}

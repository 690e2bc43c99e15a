package org.talkfeed;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared data (seeds, labeled corpus) beside the repository, in ../shared/. */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir(String name) {
        Path dir = Path.of("..", "shared", name).toAbsolutePath().normalize();
        Needs.that(Files.isDirectory(dir), "../shared/" + name);
        return dir;
    }
}

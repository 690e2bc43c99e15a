package org.talkfeed;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The project's shared data (seeds, labeled corpus) beside the repository in ../shared/. Tests that
 * need it are skipped where it is absent, except in CI (CI=true), where its absence fails them.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path dir(String name) {
        Path dir = Path.of("..", "shared", name).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("../shared/" + name + " is missing; CI must run beside shared/");
            }
            Assumptions.abort("../shared/" + name + " is not here");
        }
        return dir;
    }
}

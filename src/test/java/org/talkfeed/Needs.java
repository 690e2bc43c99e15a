package org.talkfeed;

import org.junit.jupiter.api.Assumptions;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a test needs from its surroundings (shared data, a program). Missing, the test is skipped on a
 * developer's machine and fails in CI (CI=true), where .ci/run must have installed it.
 */
public final class Needs {
    private Needs() {
    }

    public static void that(boolean present, String what) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(what + " is missing, and CI must provide it");
        }
        Assumptions.abort(what + " is not here");
    }
}

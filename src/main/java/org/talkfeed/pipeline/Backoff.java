package org.talkfeed.pipeline;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Waits between reconnection attempts: doubling from {@code min} up to {@code max}, each with random jitter. */
final class Backoff {
    private final Duration min;
    private final Duration max;
    private int failures;

    Backoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
    }

    /** The wait before the next attempt: between half and all of the current step, so many clients do not retry in step. */
    Duration next() {
        long step = min.toMillis() << Math.min(failures, 20);
        step = Math.min(step, max.toMillis());
        failures++;
        return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }

    void reset() {
        failures = 0;
    }
}

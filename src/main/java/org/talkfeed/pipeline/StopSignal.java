package org.talkfeed.pipeline;

import java.time.Duration;

/** A watcher's stop request, and waits that it cuts short. */
final class StopSignal {
    private volatile boolean stopped;

    boolean stopped() {
        return stopped;
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Cuts short a {@link #sleep} in progress, without stopping. */
    synchronized void wake() {
        notifyAll();
    }

    /** Waits {@code wait}, or less when stopped or woken meanwhile; an interrupt counts as a stop. */
    synchronized void sleep(Duration wait) {
        try {
            if (!stopped) {
                wait(Math.max(1, wait.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}

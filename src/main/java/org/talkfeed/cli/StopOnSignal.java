package org.talkfeed.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Ctrl-C or SIGTERM while a command works: {@code stop} is asked to end the work after the message in progress,
 * and the JVM waits until {@link #close()} says the command is done (its last words printed).
 */
final class StopOnSignal implements AutoCloseable {
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    StopOnSignal(Runnable stop, String name) {
        hook = new Thread(() -> {
            stop.run();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and returns now that the latch is released
        }
    }
}

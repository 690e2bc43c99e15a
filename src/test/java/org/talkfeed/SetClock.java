package org.talkfeed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** A clock the test sets, which counts how often it is read; a zoned view of it follows it too. */
public final class SetClock extends Clock {
    private volatile Instant now;
    private final AtomicInteger reads = new AtomicInteger();

    public SetClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
        reads.set(0);
    }

    public int readsSinceSet() {
        return reads.get();
    }

    @Override
    public Instant instant() {
        reads.incrementAndGet();
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Clock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}

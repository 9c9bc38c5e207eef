package io.jenkins.plugins.safelambdaupdate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** {@link TimeSource#system()}: the only place in core that reads the system's clocks and sleeps for real. */
enum SystemTimeSource implements TimeSource {
    INSTANCE;

    private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

    private final Clock utc = Clock.systemUTC();

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant now() {
        return utc.instant();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (duration.isNegative() || duration.isZero()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return;
        }
        // Saturated: a sleep longer than ~292 years is as good as forever.
        TimeUnit.NANOSECONDS.sleep(duration.compareTo(LONGEST) > 0 ? Long.MAX_VALUE : duration.toNanos());
    }

    @Override
    public String toString() {
        return "TimeSource.system()";
    }
}

package io.jenkins.plugins.safelambdaupdate.testing;

import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Duration;
import java.time.Instant;

/**
 * Real time whose sleeps are cut short: for tests against a simulator running on real time, where the engine's own
 * sleeps (retry backoff, the aimed first poll) only need to let some time pass. Thread-safe.
 */
public final class ShortSleeps implements TimeSource {
    /**
     * What tests against a simulator on real time use: the engine's retry backoff (up to 2 s) and a cold first poll
     * (AWS's second) cut to 250 ms; a first poll aimed at the simulator's short timings is kept.
     */
    public static final ShortSleeps FOR_SIMULATOR = new ShortSleeps(Duration.ofMillis(250));

    private final Duration longest;

    /** @param longest the longest a sleep really takes */
    public ShortSleeps(Duration longest) {
        this.longest = longest;
    }

    @Override
    public long nanoTime() {
        return TimeSource.system().nanoTime();
    }

    @Override
    public Instant now() {
        return TimeSource.system().now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        TimeSource.system().sleep(duration.compareTo(longest) > 0 ? longest : duration);
    }
}

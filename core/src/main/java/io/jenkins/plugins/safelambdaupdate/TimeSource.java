package io.jenkins.plugins.safelambdaupdate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The engine's one source of time: a monotonic clock for deadlines, timeouts and measured durations, the wall clock
 * for the times events and results report, and sleeping for the engine's own waits (retry backoff, the aimed first
 * poll of a wait, rate limiting, lock retries). The SDK waiter's polling sleeps are the SDK's own and stay real.
 * {@link #system()} is the default everywhere; tests pass a manual one, so the engine's waiting runs without
 * real time passing. Implementations must be thread-safe.
 */
public interface TimeSource {

    /**
     * @return monotonic nanoseconds, like {@link System#nanoTime()}: only the difference of two readings means anything
     */
    long nanoTime();

    /** @return the current wall-clock time, for the times events and results report */
    Instant now();

    /**
     * Sleeps, interruptibly; returns at once (after checking for an interrupt) when the duration is not positive.
     *
     * @param duration how long
     * @throws InterruptedException if the thread is or gets interrupted (the flag is then cleared, as by
     *     {@link Thread#sleep})
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * @return this source's wall-clock time ({@link #now()}) as a {@link Clock} in UTC: the one adapter for APIs that
     *     take a Clock, such as the SDK's {@code CachedSupplier} behind {@link RenewingCredentials}
     */
    default Clock asClock() {
        return new TimeSourceClock(this, ZoneOffset.UTC);
    }

    /** @return the system's time: {@link System#nanoTime()}, the UTC system clock and {@link Thread#sleep} */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}

package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.time.Clock;
import java.time.Instant;

/** A token bucket refilled at a steady rate by the injected clock; holds at most one second of tokens. */
final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double ratePerSecond;
    private final Clock clock;
    private double tokens;
    private long lastRefillNanos;

    TokenBucket(double ratePerSecond, Clock clock) {
        this.ratePerSecond = ratePerSecond;
        this.clock = clock;
        this.tokens = ratePerSecond;
        this.lastRefillNanos = nanos(clock.instant());
    }

    /** @return 0 when a token was taken, else the nanoseconds until one will be there */
    synchronized long tryAcquire() {
        long now = nanos(clock.instant());
        // A clock that steps back (NTP) must not drain the bucket.
        tokens = Math.min(ratePerSecond, tokens + Math.max(0, now - lastRefillNanos) * ratePerSecond / NANOS_PER_SECOND);
        lastRefillNanos = Math.max(now, lastRefillNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * NANOS_PER_SECOND / ratePerSecond);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}

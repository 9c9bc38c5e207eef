package io.jenkins.plugins.safelambdaupdate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * {@link TimeSource#asClock()}: a {@link TimeSource}'s wall-clock time as a {@link Clock}, for the SDK's
 * {@code CachedSupplier} (which only takes a Clock) and for a simulator that should share the engine's time.
 */
final class TimeSourceClock extends Clock {
    private final TimeSource time;
    private final ZoneId zone;

    TimeSourceClock(TimeSource time, ZoneId zone) {
        this.time = time;
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TimeSourceClock(time, other);
    }

    @Override
    public Instant instant() {
        return time.now();
    }
}

package io.jenkins.plugins.safelambdaupdate.testing;

import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link TimeSource} that only moves when told: {@link #advance} moves it, and so does every {@link #sleep}, which
 * returns at once after moving the time by the duration asked (an interrupted thread still gets its
 * InterruptedException). So a wait of ten minutes ends without real time passing, and what the code under test slept
 * can be read back ({@link #sleeps()}). The monotonic and wall clocks move together; {@link #asClock()} shows the
 * same time as a {@link Clock}, for a simulator that should share it. Thread-safe.
 */
public final class ManualTimeSource implements TimeSource {
    private final Instant start;
    private final List<Duration> sleeps = new ArrayList<>();
    private long elapsedNanos;

    /** Starts at 2026-01-01T00:00:00Z. */
    public ManualTimeSource() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public ManualTimeSource(Instant start) {
        this.start = start;
    }

    @Override
    public synchronized long nanoTime() {
        return elapsedNanos;
    }

    @Override
    public synchronized Instant now() {
        return start.plusNanos(elapsedNanos);
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before sleeping " + duration);
        }
        synchronized (this) {
            sleeps.add(duration);
            if (!duration.isNegative()) {
                elapsedNanos += duration.toNanos();
            }
        }
    }

    /** Moves the time forward. */
    public synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + duration);
        }
        elapsedNanos += duration.toNanos();
    }

    /** @return the time moved since the start, by sleeps and advances */
    public synchronized Duration elapsed() {
        return Duration.ofNanos(elapsedNanos);
    }

    /** @return every sleep asked for, in order */
    public synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** @return the sum of all sleeps asked for */
    public synchronized Duration slept() {
        return sleeps.stream().filter(d -> !d.isNegative()).reduce(Duration.ZERO, Duration::plus);
    }
}

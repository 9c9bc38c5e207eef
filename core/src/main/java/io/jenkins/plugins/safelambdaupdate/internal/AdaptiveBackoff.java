package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The waiter's backoff for one wait. The SDK waiter polls once at once, then asks this strategy for the delay before
 * each further poll ({@link FunctionWaits} starts the waiter at the expected completion, so that immediate poll is
 * the aimed one). With an expected duration (learned from this function's earlier updates) it aims the next poll
 * at the expected completion, then polls densely (every {@code minInterval}) for a few polls, then backs off
 * exponentially. Without an expectation it polls every 250 ms for the first 3 s after submission (where updates of
 * a zip end, so the first duration learned is exact to 125 ms), then grows by half each time. Never above 1 s (5 s
 * while still well before an expected completion), never below 20 ms. Delays are computed from the time since the
 * operation was submitted, not from the attempt number.
 */
final class AdaptiveBackoff implements BackoffStrategy {
    static final long FIRST_UNKNOWN_NANOS = Duration.ofMillis(250).toNanos();
    static final long MAX_NANOS = Duration.ofSeconds(1).toNanos();
    static final long MAX_BEFORE_EXPECTED_NANOS = Duration.ofSeconds(5).toNanos();
    static final long MIN_NANOS = Duration.ofMillis(20).toNanos();
    static final long UNKNOWN_EVEN_NANOS = Duration.ofSeconds(3).toNanos();
    static final int DENSE_POLLS = 4;
    static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Long expectedNanos;
    private final long minIntervalNanos;
    private final Consumer<Duration> progress;

    private long previousDelay;
    private int densePolls;
    private long lastNotDoneNanos = -1;
    private long nextProgressNanos = PROGRESS_EVERY_NANOS;

    /**
     * @param nanoTime the time source
     * @param startNanos when the awaited operation was submitted
     * @param expected the expected duration, or null when unknown
     * @param minInterval the dense polling interval
     * @param progress told the elapsed time every 5 s of waiting
     */
    AdaptiveBackoff(LongSupplier nanoTime, long startNanos, Duration expected, Duration minInterval,
                    Consumer<Duration> progress) {
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
        this.expectedNanos = expected == null ? null : expected.toNanos();
        this.minIntervalNanos = minInterval.toNanos();
        this.progress = progress;
    }

    @Override
    public Duration computeDelay(int attempt) {
        long now = nanoTime.getAsLong();
        lastNotDoneNanos = now;
        long elapsed = now - startNanos;
        if (elapsed >= nextProgressNanos) {
            nextProgressNanos = (elapsed / PROGRESS_EVERY_NANOS + 1) * PROGRESS_EVERY_NANOS;
            progress.accept(Duration.ofNanos(elapsed));
        }
        long delay;
        if (expectedNanos != null) {
            long target = expectedNanos;
            if (elapsed < target && densePolls == 0) {
                delay = Math.min(MAX_BEFORE_EXPECTED_NANOS, target - elapsed);
            } else if (densePolls < DENSE_POLLS) {
                densePolls++;
                delay = minIntervalNanos;
            } else {
                delay = previousDelay < minIntervalNanos ? minIntervalNanos * 3 / 2 : previousDelay * 3 / 2;
            }
        } else {
            // Nothing learned yet: poll evenly through the first seconds, then back off.
            long step = Math.max(FIRST_UNKNOWN_NANOS, minIntervalNanos);
            delay = elapsed < UNKNOWN_EVEN_NANOS ? step : Math.max(step, previousDelay) * 3 / 2;
        }
        delay = Math.max(MIN_NANOS, delay);
        if (delay > MAX_NANOS && !(expectedNanos != null && densePolls == 0)) {
            delay = MAX_NANOS;
        }
        previousDelay = delay;
        return Duration.ofNanos(delay);
    }

    /**
     * @param doneNanos when the completed state was read
     * @return how long the operation took: measured as the middle between the last poll that saw it unfinished and
     *     the poll that saw it finished, or only bounded when the first poll, aimed at the expected completion, saw
     *     it finished already (it may have been finished long before)
     */
    ObservedDuration observedDuration(long doneNanos) {
        long upper = Math.max(0, doneNanos - startNanos);
        if (lastNotDoneNanos < 0) {
            // Without an expectation the first poll came right after submission: as exact as any measurement.
            return expectedNanos == null ? ObservedDuration.measured(Duration.ofNanos(upper))
                    : ObservedDuration.atMost(Duration.ofNanos(upper));
        }
        long lower = lastNotDoneNanos - startNanos;
        long middle = Math.max(0, (lower + upper) / 2);
        if (expectedNanos == null || densePolls > 0 || upper - lower <= 2 * minIntervalNanos) {
            // Completion lies in (lower, upper]: exact to half a dense interval when the dense polls saw it.
            return ObservedDuration.measured(Duration.ofNanos(middle));
        }
        // A long jump before the expected completion saw it done: it ended somewhere in between.
        return ObservedDuration.atMost(Duration.ofNanos(upper));
    }
}

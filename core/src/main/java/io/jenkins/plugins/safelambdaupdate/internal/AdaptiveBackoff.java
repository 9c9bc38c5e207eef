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
 * exponentially. With only a guess (a {@link WaitPlan} made before anything was learned about this function and
 * phase) it polls at the guess, then, when the plan brackets the completion (this deployment's previous update of the
 * function ended in an interval), evenly through that interval in four steps, then on a ladder whose rungs are half
 * the time elapsed apart (each poll at 1.5 × the previous one's elapsed time, at most 2 s apart): few polls whatever
 * the duration, and an interval of a third of it around completion. Without either (someone else's update) it polls
 * every 250 ms for the first 3 s after submission, then grows by half each time. Never above 1 s (2 s on a guess's
 * ladder, 5 s while still well before an expected completion), never below 20 ms. Delays are computed from the time
 * since the operation was submitted, not from the attempt number.
 */
final class AdaptiveBackoff implements BackoffStrategy {
    static final long FIRST_UNKNOWN_NANOS = Duration.ofMillis(250).toNanos();
    static final long MAX_NANOS = Duration.ofSeconds(1).toNanos();
    static final long MAX_BEFORE_EXPECTED_NANOS = Duration.ofSeconds(5).toNanos();
    static final long MIN_NANOS = Duration.ofMillis(20).toNanos();
    static final long UNKNOWN_EVEN_NANOS = Duration.ofSeconds(3).toNanos();
    static final int DENSE_POLLS = 4;
    static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    static final long MAX_LADDER_NANOS = Duration.ofSeconds(2).toNanos();

    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Long expectedNanos;
    private final long minIntervalNanos;
    private final Consumer<Duration> progress;
    private final WaitPlan guess;

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
        this(nanoTime, startNanos, expected, null, minInterval, progress);
    }

    /**
     * A backoff that starts from a guess, not from a learned duration.
     *
     * @param guess where to poll first and, optionally, the interval to poll evenly through; not learned
     */
    static AdaptiveBackoff guessing(LongSupplier nanoTime, long startNanos, WaitPlan guess, Duration minInterval,
                                    Consumer<Duration> progress) {
        return new AdaptiveBackoff(nanoTime, startNanos, null, guess, minInterval, progress);
    }

    private AdaptiveBackoff(LongSupplier nanoTime, long startNanos, Duration expected, WaitPlan guess,
                            Duration minInterval, Consumer<Duration> progress) {
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
        this.expectedNanos = expected == null ? null : expected.toNanos();
        this.guess = guess;
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
        if (guess != null) {
            delay = guessDelay(elapsed);
        } else if (expectedNanos != null) {
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
        if (delay > MAX_NANOS && guess == null && !(expectedNanos != null && densePolls == 0)) {
            delay = MAX_NANOS;
        }
        previousDelay = delay;
        return Duration.ofNanos(delay);
    }

    /** Before the guess: up to it; in the bracket: its even steps; after: the ladder (1.5 × elapsed, at most 2 s). */
    private long guessDelay(long elapsed) {
        long first = guess.firstPoll().toNanos();
        if (elapsed < first) {
            return Math.min(MAX_BEFORE_EXPECTED_NANOS, first - elapsed);
        }
        if (guess.step() != null && elapsed < guess.bracketEnd().toNanos()) {
            return Math.max(minIntervalNanos, guess.step().toNanos());
        }
        return Math.min(MAX_LADDER_NANOS, Math.max(minIntervalNanos, elapsed / 2));
    }

    /**
     * @param doneNanos when the completed state was read
     * @return how long the operation took: measured as the middle between the last poll that saw it unfinished and
     *     the poll that saw it finished, or only bounded when the first poll, aimed at the expected completion, saw
     *     it finished already (it may have been finished long before)
     */
    ObservedDuration observedDuration(long doneNanos) {
        long upper = Math.max(0, doneNanos - startNanos);
        if (guess != null) {
            // A guess was no expectation: the first poll seeing it done only bounds it; later ones measure it.
            return lastNotDoneNanos < 0 ? ObservedDuration.atMost(Duration.ofNanos(upper))
                    : ObservedDuration.measured(Duration.ofNanos((lastNotDoneNanos - startNanos + upper) / 2));
        }
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

    /**
     * @param doneNanos when the completed state was read
     * @return the interval in which the operation ended: after the last poll that saw it unfinished (or, when none
     *     did, after half the time to the poll that saw it finished) and no later than that poll
     */
    Interval completedWithin(long doneNanos) {
        long upper = Math.max(0, doneNanos - startNanos);
        long lower = lastNotDoneNanos < 0 ? upper / 2 : Math.min(upper, lastNotDoneNanos - startNanos);
        return new Interval(Duration.ofNanos(lower), Duration.ofNanos(upper));
    }

    /** Where an operation ended, as durations since its submission: in {@code (lower, upper]}. */
    record Interval(Duration lower, Duration upper) {
    }
}

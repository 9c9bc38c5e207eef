package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The waiter's backoff for one wait. The SDK waiter polls once at once, then asks this strategy for the delay before
 * each further poll ({@link FunctionWaits} starts the waiter at the plan's first poll, so that immediate poll is the
 * aimed one). With a learned {@link WaitPlan} (this function's recent waits of this phase) a first poll that was a
 * probe and saw it unfinished is followed by one at the plan's upper bound, and one there that saw it unfinished by
 * one {@link WaitPlan#PRECISION} later; after that it polls densely (every {@code minInterval}) for a few polls, then
 * backs off exponentially. With only a guess (a plan made
 * before anything was learned about this function and phase) it polls at the guess, then, when the plan brackets the
 * completion (this deployment's previous update of the function ended in an interval), evenly through that interval
 * in three steps, then on a ladder whose rungs are half the time elapsed apart (each poll at 1.5 × the time the previous
 * one was sent, at most 2 s apart): few polls whatever the duration, and an interval of a third of it around
 * completion. Without a plan (someone else's update) it polls every 250 ms for the first 3 s after submission, then
 * grows by half each time. Never above 1 s (2 s on a guess's ladder, 5 s while still before a planned poll), never
 * below 20 ms. Delays are computed from the time since the operation was submitted, not from the attempt number.
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
    private final WaitPlan plan;
    private final long minIntervalNanos;
    private final Consumer<Duration> progress;

    private long previousDelay;
    private int densePolls;
    /** A learned plan's polls after its first: 1 after the poll at the upper bound, 2 after the one just after it. */
    private int retargets;
    /** When the poll now answered was sent: the waiter sends its first one as soon as this backoff is made. */
    private long pollSentNanos;
    private long lastNotDoneSentNanos = -1;
    private long nextProgressNanos = PROGRESS_EVERY_NANOS;

    /**
     * @param nanoTime    the time source
     * @param startNanos  when the awaited operation was submitted
     * @param plan        where to poll (learned or guessed), or null for someone else's update
     * @param minInterval the dense polling interval
     * @param progress    told the elapsed time every 5 s of waiting
     */
    AdaptiveBackoff(LongSupplier nanoTime, long startNanos, WaitPlan plan, Duration minInterval,
                    Consumer<Duration> progress) {
        this.nanoTime = nanoTime;
        this.startNanos = startNanos;
        this.plan = plan;
        this.minIntervalNanos = minInterval.toNanos();
        this.progress = progress;
        this.pollSentNanos = nanoTime.getAsLong();
    }

    @Override
    public Duration computeDelay(int attempt) {
        long now = nanoTime.getAsLong();
        lastNotDoneSentNanos = pollSentNanos;
        long elapsed = now - startNanos;
        if (elapsed >= nextProgressNanos) {
            nextProgressNanos = (elapsed / PROGRESS_EVERY_NANOS + 1) * PROGRESS_EVERY_NANOS;
            progress.accept(Duration.ofNanos(elapsed));
        }
        long delay;
        boolean beforePlanned = false;
        if (plan != null && !plan.learned()) {
            delay = guessDelay(elapsed);
            beforePlanned = true; // a guess's ladder has its own bound
        } else if (plan != null && elapsed < plan.firstPoll().toNanos() && densePolls == 0) {
            // The sleep before the waiter was cut short (by the deadline): approach the planned poll in steps.
            delay = Math.min(MAX_BEFORE_EXPECTED_NANOS, plan.firstPoll().toNanos() - elapsed);
            beforePlanned = true;
        } else if (plan != null && retargets < 2) {
            long sent = lastNotDoneSentNanos - startNanos;
            long upper = plan.bracketEnd().toNanos();
            if (retargets == 0 && sent < upper - MIN_NANOS) {
                // The probe saw it unfinished: straight to the upper bound, where it finished every recent time.
                retargets = 1;
                delay = upper - elapsed;
            } else {
                // The upper bound missed, by a hair most likely (a request's travel varies): once more, a bit later.
                retargets = 2;
                delay = sent + WaitPlan.PRECISION.toNanos() - elapsed;
            }
            delay = Math.min(MAX_BEFORE_EXPECTED_NANOS, delay);
            beforePlanned = true;
        } else if (plan != null) {
            if (densePolls < DENSE_POLLS) {
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
        if (delay > MAX_NANOS && !beforePlanned) {
            delay = MAX_NANOS;
        }
        previousDelay = delay;
        pollSentNanos = now + delay;
        return Duration.ofNanos(delay);
    }

    /**
     * Before the guess: up to it; in the bracket: its even steps; after: the ladder (1.5 × the elapsed time, at most
     * 2 s on). Steps and rungs count from when the poll just answered was sent, so a slow answer does not push every
     * later poll back; two polls are never sent closer than {@code minInterval}.
     */
    private long guessDelay(long elapsed) {
        long first = plan.firstPoll().toNanos();
        if (elapsed < first) {
            return Math.min(MAX_BEFORE_EXPECTED_NANOS, first - elapsed);
        }
        long sent = Math.max(0, lastNotDoneSentNanos - startNanos);
        long next;
        if (plan.step() != null && sent < plan.bracketEnd().toNanos() - plan.step().toNanos() / 2) {
            next = sent + plan.step().toNanos();
        } else {
            next = sent + Math.min(MAX_LADDER_NANOS, sent / 2);
        }
        return Math.max(next - elapsed, sent + minIntervalNanos - elapsed);
    }

    /**
     * @return where the operation ended, as send times of this wait's polls: after the last poll that saw it
     *     unfinished was sent (unknown when none did), and by the time the poll that saw it finished was sent. Send
     *     times, not answer times, so that a later wait aimed at them sees it finished as this one did, without the
     *     answer's delay creeping into the aim
     */
    ObservedDuration observedDuration() {
        Duration by = Duration.ofNanos(Math.max(0, pollSentNanos - startNanos));
        return lastNotDoneSentNanos < 0 ? ObservedDuration.atMost(by)
                : ObservedDuration.between(Duration.ofNanos(Math.max(0, lastNotDoneSentNanos - startNanos)), by);
    }

    /**
     * @return the interval in which the operation ended, as send times of this wait's polls: after the last poll
     *     that saw it unfinished (or, when none did, after half the time to the poll that saw it finished) and no
     *     later than that poll
     */
    Interval completedWithin() {
        long upper = Math.max(0, pollSentNanos - startNanos);
        long lower = lastNotDoneSentNanos < 0 ? upper / 2
                : Math.max(0, Math.min(upper, lastNotDoneSentNanos - startNanos));
        return new Interval(Duration.ofNanos(lower), Duration.ofNanos(upper));
    }

    /** Where an operation ended, as durations since its submission: in {@code (lower, upper]}. */
    record Interval(Duration lower, Duration upper) {
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveBackoffTest {
    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<Duration> progress = new ArrayList<>();

    private AdaptiveBackoff backoff(Duration expected) {
        return new AdaptiveBackoff(now::get, now.get(), expected == null ? null
                : WaitPlan.learned(ObservedDuration.between(expected.minus(Duration.ofMillis(10)), expected),
                Duration.ofMillis(80)), Duration.ofMillis(100), progress::add);
    }

    /** Simulates the waiter: poll, then sleep the computed delay. */
    private long poll(AdaptiveBackoff backoff) {
        long delay = backoff.computeDelay(3).toNanos();
        now.addAndGet(delay);
        return delay / MS;
    }

    @Test
    void withoutExpectationPollsEvery250MillisForThreeSecondsThenGrows() {
        AdaptiveBackoff b = backoff(null);
        now.addAndGet(5 * MS);
        for (int i = 0; i < 12; i++) {
            assertThat(poll(b)).isEqualTo(250); // polls at 5, 255, ... 2755 ms after submission
        }
        assertThat(poll(b)).isEqualTo(375); // at 3005 ms: past the even stretch
        assertThat(poll(b)).isEqualTo(562);
        long last = 0;
        for (int i = 0; i < 20; i++) {
            last = poll(b);
        }
        assertThat(last).isEqualTo(1000);
    }

    @Test
    void withTightBoundsPollsAtTheUpperOneThenOnceMoreThenDenselyThenBacksOff() {
        AdaptiveBackoff b = backoff(Duration.ofMillis(1000));
        now.addAndGet(5 * MS); // the waiter's immediate first poll took 5 ms
        assertThat(poll(b)).isEqualTo(995); // next poll at the expected 1000 ms after submission
        assertThat(poll(b)).as("missed by a hair? once more 40 ms later").isEqualTo(40);
        assertThat(poll(b)).isEqualTo(100);
        assertThat(poll(b)).isEqualTo(100);
        assertThat(poll(b)).isEqualTo(100);
        assertThat(poll(b)).isEqualTo(100);
        assertThat(poll(b)).isEqualTo(150);
        assertThat(poll(b)).isEqualTo(225);
    }

    @Test
    void longExpectationsAreApproachedInSteps() {
        AdaptiveBackoff b = backoff(Duration.ofSeconds(25));
        assertThat(poll(b)).isEqualTo(5000);
        assertThat(poll(b)).isEqualTo(5000);
    }

    @Test
    void reportsProgressEveryFiveSeconds() {
        AdaptiveBackoff b = backoff(null);
        for (int i = 0; i < 30; i++) {
            poll(b);
        }
        assertThat(progress).isNotEmpty();
        assertThat(progress.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void observedDurationIsBetweenTheSendingOfTheLastUnfinishedPollAndOfTheFinishedOne() {
        AdaptiveBackoff b = backoff(null); // the waiter's first poll is sent now, at 0 ms
        now.addAndGet(10 * MS);
        poll(b); // answered unfinished at 10 ms, next poll sent at 260 ms and answered finished at 265 ms
        now.addAndGet(5 * MS);
        assertThat(b.observedDuration()).as("send times, not the answer's")
                .isEqualTo(ObservedDuration.between(Duration.ZERO, Duration.ofMillis(260)));
    }

    @Test
    void aFirstPollThatSeesItDoneOnlyBoundsTheDurationFromAbove() {
        long submitted = now.get();
        now.addAndGet(1000 * MS); // slept until the planned poll; the waiter's first poll, sent then, sees it done
        AdaptiveBackoff b = new AdaptiveBackoff(now::get, submitted, WaitPlan.guess(Duration.ofSeconds(1)),
                Duration.ofMillis(100), progress::add);
        now.addAndGet(10 * MS);
        assertThat(b.observedDuration()).isEqualTo(ObservedDuration.atMost(Duration.ofMillis(1000)));
    }

    @Test
    void aProbeThatSeesItUnfinishedIsFollowedByAPollAtTheUpperBoundThenDensePolls() {
        long submitted = now.get();
        WaitPlan plan = WaitPlan.learned(ObservedDuration.between(Duration.ofMillis(1400), Duration.ofMillis(1500)),
                Duration.ofMillis(80));
        assertThat(plan.firstPoll()).as("half-way through bounds 100 ms wide").isEqualTo(Duration.ofMillis(1450));
        now.addAndGet(1450 * MS);
        AdaptiveBackoff b = new AdaptiveBackoff(now::get, submitted, plan, Duration.ofMillis(100), progress::add);
        now.addAndGet(5 * MS);
        assertThat(poll(b)).isEqualTo(45); // the probe, answered at 1455 ms: next at the upper bound, 1500 ms
        assertThat(poll(b)).as("missed by a hair? once more 40 ms later").isEqualTo(40);
        assertThat(poll(b)).isEqualTo(100); // it took longer than ever before: dense polls
        assertThat(b.observedDuration()).isEqualTo(ObservedDuration.between(Duration.ofMillis(1540),
                Duration.ofMillis(1640)));
    }

    @Test
    void tightBoundsAreAimedAtTheirUpperEndWithoutAProbe() {
        WaitPlan plan = WaitPlan.learned(ObservedDuration.between(Duration.ofMillis(1480), Duration.ofMillis(1510)),
                Duration.ofMillis(80));
        assertThat(plan).isEqualTo(new WaitPlan(Duration.ofMillis(1510), true, null, Duration.ofMillis(1510)));
        WaitPlan onlyAnUpperBound = WaitPlan.learned(ObservedDuration.atMost(Duration.ofMillis(1510)),
                Duration.ofMillis(160));
        assertThat(onlyAnUpperBound.firstPoll()).as("a probe reaches at most 160 ms below")
                .isEqualTo(Duration.ofMillis(1350));
        assertThat(onlyAnUpperBound.bracketEnd()).isEqualTo(Duration.ofMillis(1510));
    }

    /** As FunctionWaits: sleeps until the plan's first poll, then starts the waiter (which sends it at once). */
    private AdaptiveBackoff guessing(WaitPlan plan) {
        long submitted = now.get();
        now.addAndGet(plan.firstPoll().toNanos());
        return new AdaptiveBackoff(now::get, submitted, plan, Duration.ofMillis(100), progress::add);
    }

    @Test
    void aGuessIsFollowedByALadderOfHalfTheTimeElapsedCountedFromWhenEachPollWasSent() {
        AdaptiveBackoff b = guessing(WaitPlan.guess(Duration.ofSeconds(1)));
        now.addAndGet(40 * MS); // the first poll, sent at 1000 ms, is answered unfinished 40 ms later
        assertThat(poll(b)).as("the next one is sent at 1500 ms").isEqualTo(460);
        assertThat(poll(b)).isEqualTo(750);
        assertThat(poll(b)).isEqualTo(1125);
        assertThat(poll(b)).isEqualTo(1687);
        assertThat(poll(b)).as("at most 2 s apart").isEqualTo(2000);
    }

    @Test
    void aBracketIsPolledEvenlyThenTheLadderTakesOver() {
        AdaptiveBackoff b = guessing(WaitPlan.through(new AdaptiveBackoff.Interval(Duration.ofMillis(1000),
                Duration.ofMillis(1900))));
        now.addAndGet(10 * MS); // the first poll, a step into the bracket at 1300 ms, answered 10 ms later
        assertThat(poll(b)).isEqualTo(290);
        assertThat(poll(b)).isEqualTo(300); // the last poll of the bracket at 1900 ms
        assertThat(poll(b)).isEqualTo(950);
    }

    @Test
    void aGuessBoundsTheCompletionBetweenItsPollsAndHalvesTheTimeWhenTheFirstPollSeesItDone() {
        long submitted = now.get();
        now.addAndGet(1000 * MS); // slept until the guess
        AdaptiveBackoff first = new AdaptiveBackoff(now::get, submitted, WaitPlan.guess(Duration.ofSeconds(1)),
                Duration.ofMillis(100), progress::add);
        assertThat(first.observedDuration()).isEqualTo(ObservedDuration.atMost(Duration.ofMillis(1000)));
        assertThat(first.completedWithin()).isEqualTo(new AdaptiveBackoff.Interval(Duration.ofMillis(500),
                Duration.ofMillis(1000)));

        submitted = now.get();
        now.addAndGet(1000 * MS);
        AdaptiveBackoff later = new AdaptiveBackoff(now::get, submitted, WaitPlan.guess(Duration.ofSeconds(1)),
                Duration.ofMillis(100), progress::add);
        poll(later); // sent at 1000 ms, unfinished; the next, at 1500 ms, sees it done
        assertThat(later.observedDuration()).isEqualTo(ObservedDuration.between(Duration.ofMillis(1000),
                Duration.ofMillis(1500)));
        assertThat(later.completedWithin()).isEqualTo(new AdaptiveBackoff.Interval(Duration.ofMillis(1000),
                Duration.ofMillis(1500)));
    }
}

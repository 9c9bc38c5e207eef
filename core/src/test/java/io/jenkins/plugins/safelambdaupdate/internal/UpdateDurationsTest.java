package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The estimator behind the waits' first poll, driven the way waits drive it: a plan, a sleep until its first poll,
 * then an {@link AdaptiveBackoff} per wait, on a manual clock, against functions whose real durations the test
 * decides (each poll is answered {@value #ANSWER_MS} ms after it was sent, and sees what was true when sent).
 */
class UpdateDurationsTest {
    private static final long MS = 1_000_000L;
    private static final long ANSWER_MS = 5;
    private static final String SLOW = "arn:aws:lambda:us-east-1:123456789012:function:slow";
    private static final String FAST = "arn:aws:lambda:us-east-1:123456789012:function:fast";

    private final UpdateDurations durations = new UpdateDurations();
    private final AtomicLong now = new AtomicLong();

    /** One wait's outcome: when it saw the update done, and how many polls it made. */
    private record Wait(long seenMillis, int polls) {
    }

    /**
     * One wait, as FunctionWaits runs it: sleep until the plan's first poll, then the waiter polls (at once, then by
     * the backoff) until the update, which really takes {@code actualMillis}, is seen done.
     */
    private Wait deploy(String function, long actualMillis) {
        long submitted = now.addAndGet(1000 * MS);
        WaitPlan plan = durations.learned(function, Phase.CODE).orElseGet(() -> FirstGuesses.plan(Phase.CODE, null,
                durations.prior(Phase.CODE).orElse(null), 0));
        long sent = now.addAndGet(plan.firstPoll().toNanos());
        AdaptiveBackoff backoff = new AdaptiveBackoff(now::get, submitted, plan, Duration.ofMillis(100),
                elapsed -> { });
        int polls = 1;
        now.addAndGet(ANSWER_MS * MS);
        while (sent - submitted < actualMillis * MS) {
            sent = now.addAndGet(backoff.computeDelay(polls).toNanos());
            now.addAndGet(ANSWER_MS * MS);
            polls++;
        }
        durations.record(function, Phase.CODE, backoff.observedDuration());
        return new Wait((now.get() - submitted) / MS, polls);
    }

    private List<Wait> deploy(String function, long actualMillis, int times) {
        List<Wait> waits = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            waits.add(deploy(function, actualMillis));
        }
        return waits;
    }

    @Test
    void aSteadyFunctionIsSeenDoneByOnePollMostTimesAndAlwaysSoonAfterItEnded() {
        List<Wait> waits = deploy(FAST, 1500, 30);
        List<Wait> learned = waits.subList(5, waits.size());
        assertThat(learned).as("%s", waits).allSatisfy(w -> assertThat(w.seenMillis()).isBetween(1500L, 1560L));
        long singlePolls = learned.stream().filter(w -> w.polls() == 1).count();
        assertThat(singlePolls).as("waits of one poll: %s", waits).isGreaterThanOrEqualTo(learned.size() * 2 / 3);
        assertThat(learned).allSatisfy(w -> assertThat(w.polls()).isLessThanOrEqualTo(2));
    }

    @Test
    void aFastFunctionAfterASlowOneStartsFromTheCappedPriorAndIsTightBySecondDeployment() {
        deploy(SLOW, 8000, 3);
        assertThat(durations.prior(Phase.CODE)).as("prior of a function that has shown nothing")
                .contains(UpdateDurations.PRIOR_CAP);
        deploy(FAST, 2000);
        assertThat(deploy(FAST, 2000).seenMillis()).isLessThanOrEqualTo(3000L);
    }

    @Test
    void aFunctionThatTurnedFasterIsFoundByProbesThatReachDoublingDistances() {
        deploy(SLOW, 8000, 8);
        List<Wait> fast = deploy(SLOW, 2000, 24);
        assertThat(fast.get(0).seenMillis()).as("aimed at what it knew").isGreaterThan(7000L);
        assertThat(fast.subList(20, 24)).as("%s", fast)
                .allSatisfy(w -> assertThat(w.seenMillis()).isBetween(2000L, 2100L));
    }

    @Test
    void aFunctionThatTurnedSlowerIsFollowedOnceTwoWaitsAgree() {
        deploy(FAST, 1000, 6);
        List<Wait> slower = deploy(FAST, 3000, 2);
        assertThat(slower.get(1).polls()).as("the first slower wait was taken for an outlier: %s", slower)
                .isEqualTo(slower.get(0).polls());
        Wait third = deploy(FAST, 3000);
        assertThat(third.polls()).as("two agree: aimed within their bounds").isLessThanOrEqualTo(2);
        assertThat(third.seenMillis()).isLessThanOrEqualTo(slower.get(1).seenMillis());
        List<Wait> later = deploy(FAST, 3000, 10);
        assertThat(later.get(9).seenMillis()).as("%s", later).isBetween(3000L, 3060L);
    }

    @Test
    void oneSlowOutlierDoesNotMoveTheEstimate() {
        deploy(FAST, 2000, 6);
        Wait outlier = deploy(FAST, 30_000);
        assertThat(deploy(FAST, 2000).seenMillis()).as("after %s", outlier).isLessThanOrEqualTo(2060L);
    }

    @Test
    void phasesAreLearnedApartAndOtherFunctionsGetTheFastestMeasuredMiddleAsPrior() {
        durations.record(FAST, Phase.CODE, ObservedDuration.between(Duration.ofMillis(690), Duration.ofMillis(710)));
        assertThat(durations.learned(FAST, Phase.CODE)).contains(new WaitPlan(Duration.ofMillis(710), true, null,
                Duration.ofMillis(710)));
        assertThat(durations.learned(FAST, Phase.PUBLISH)).isEmpty();
        assertThat(durations.learned(SLOW, Phase.CODE)).isEmpty();
        assertThat(durations.prior(Phase.CODE)).contains(Duration.ofMillis(700));
        assertThat(durations.prior(Phase.PUBLISH)).isEmpty();
        durations.record(SLOW, Phase.PUBLISH, ObservedDuration.atMost(Duration.ofMillis(300)));
        assertThat(durations.prior(Phase.PUBLISH)).as("an upper bound alone measures nothing").isEmpty();
    }

    @Test
    void implausibleSamplesAreIgnored() {
        durations.record(FAST, Phase.CODE, ObservedDuration.atMost(Duration.ofHours(3)));
        durations.record(FAST, Phase.CODE, ObservedDuration.atMost(Duration.ofMillis(-5)));
        durations.record(FAST, Phase.CODE, ObservedDuration.between(Duration.ofMillis(900), Duration.ofMillis(800)));
        assertThat(durations.learned(FAST, Phase.CODE)).isEmpty();
    }

    @Test
    void whatIsSavedIsVersionedAndADamagedOrAbsurdEntryIsIgnoredOnItsOwn() {
        durations.record(FAST, Phase.CODE, ObservedDuration.between(Duration.ofMillis(1200), Duration.ofMillis(1300)));
        durations.record(FAST, Phase.CODE, ObservedDuration.atMost(Duration.ofMillis(1290)));
        Properties saved = new Properties();
        durations.writeTo(saved);
        assertThat(saved.getProperty("format")).isEqualTo(UpdateDurations.FORMAT);
        assertThat(saved.getProperty(FAST + "|code")).isEqualTo("1200:1300,:1290");

        saved.setProperty(SLOW + "|code", ":36000000"); // ten hours: absurd
        saved.setProperty(SLOW + "|publish", "-4:10");
        saved.setProperty(SLOW + "|configuration", "12x");
        saved.setProperty(SLOW + "|nonsense", ":100");
        UpdateDurations restored = new UpdateDurations();
        restored.readFrom(saved);
        assertThat(restored.learned(FAST, Phase.CODE)).as("a probe 40 ms below the upper bound")
                .contains(new WaitPlan(Duration.ofMillis(1250), true, null, Duration.ofMillis(1290)));
        assertThat(restored.learned(SLOW, Phase.PUBLISH)).isEmpty();
        assertThat(restored.learned(SLOW, Phase.CONFIGURATION)).isEmpty();
        assertThat(restored.learned(SLOW, Phase.CODE)).isEmpty();

        Properties oldFormat = new Properties();
        oldFormat.setProperty("format", "2");
        oldFormat.setProperty(FAST + "|code", "30000");
        UpdateDurations fromOldFormat = new UpdateDurations();
        fromOldFormat.readFrom(oldFormat);
        assertThat(fromOldFormat.learned(FAST, Phase.CODE)).isEmpty();
    }
}

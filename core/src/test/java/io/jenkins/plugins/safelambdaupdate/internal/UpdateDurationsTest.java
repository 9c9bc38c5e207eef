package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The estimator behind the waits' first poll, driven the way waits drive it: an {@link AdaptiveBackoff} per wait,
 * on a manual clock, against functions whose real durations the test decides.
 */
class UpdateDurationsTest {
    private static final long MS = 1_000_000L;
    private static final String SLOW = "arn:aws:lambda:us-east-1:123456789012:function:slow";
    private static final String FAST = "arn:aws:lambda:us-east-1:123456789012:function:fast";

    private final UpdateDurations durations = new UpdateDurations();
    private final AtomicLong now = new AtomicLong();

    /**
     * One wait, as FunctionWaits runs it: sleep until the estimate, then the waiter polls (at once, then by the
     * backoff) until the update, which really takes {@code actualMillis}, is seen done.
     *
     * @return when the wait saw it done, in milliseconds after submission
     */
    private long deploy(String function, long actualMillis) {
        long submitted = now.addAndGet(1000 * MS);
        Optional<Duration> expected = durations.estimate(function, Phase.CODE);
        AdaptiveBackoff backoff = new AdaptiveBackoff(now::get, submitted, expected.orElse(null),
                Duration.ofMillis(50), elapsed -> { });
        expected.ifPresent(e -> now.addAndGet(e.toNanos()));
        while (now.get() - submitted < actualMillis * MS) {
            now.addAndGet(backoff.computeDelay(1).toNanos());
        }
        durations.record(function, Phase.CODE, backoff.observedDuration(now.get()));
        return (now.get() - submitted) / MS;
    }

    @Test
    void aFastFunctionAfterASlowOneIsConfirmedWithinOneAndAHalfTimesItsDurationByItsSecondDeployment() {
        deploy(SLOW, 8000);
        assertThat(deploy(SLOW, 8000)).isBetween(8000L, 8500L);

        assertThat(durations.estimate(FAST, Phase.CODE)).as("prior of a function that has shown nothing")
                .contains(UpdateDurations.PRIOR_CAP);
        deploy(FAST, 2000);
        assertThat(deploy(FAST, 2000)).isLessThanOrEqualTo(3000L);
    }

    @Test
    void anEstimateThatIsTooHighComesDownAsFastAsItWentUp() {
        for (int i = 0; i < 5; i++) {
            deploy(SLOW, 8000);
        }
        // The function became fast: each aimed poll that sees it done halves the next aim.
        long[] seen = new long[5];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = deploy(SLOW, 2000);
        }
        assertThat(seen[0]).as("aimed at what it knew").isGreaterThan(7000L);
        assertThat(seen[3]).as("by the fourth fast deployment: %s", java.util.Arrays.toString(seen))
                .isLessThanOrEqualTo(3000L);
        assertThat(seen[4]).isLessThanOrEqualTo(2200L);
    }

    @Test
    void oneSlowOutlierDoesNotMoveTheEstimate() {
        for (int i = 0; i < 4; i++) {
            deploy(FAST, 2000);
        }
        deploy(FAST, 30_000); // one outlier
        assertThat(deploy(FAST, 2000)).isLessThanOrEqualTo(2200L);
    }

    @Test
    void aFasterFunctionMovesTheEstimateAtOnce() {
        for (int i = 0; i < 4; i++) {
            deploy(FAST, 2000);
        }
        deploy(FAST, 1000);
        assertThat(durations.estimate(FAST, Phase.CODE).orElseThrow()).isLessThanOrEqualTo(Duration.ofMillis(1050));
    }

    @Test
    void phasesAreLearnedApart() {
        durations.record(FAST, Phase.CODE, ObservedDuration.measured(Duration.ofMillis(700)));
        assertThat(durations.estimate(FAST, Phase.CODE)).contains(Duration.ofMillis(700));
        assertThat(durations.estimate(FAST, Phase.PUBLISH)).isEmpty();
        assertThat(durations.estimate(SLOW, Phase.CODE)).as("prior from any function").contains(Duration.ofMillis(700));
    }

    @Test
    void implausibleSamplesAreIgnored() {
        durations.record(FAST, Phase.CODE, ObservedDuration.measured(Duration.ofHours(3)));
        durations.record(FAST, Phase.CODE, ObservedDuration.measured(Duration.ofMillis(-5)));
        assertThat(durations.estimate(FAST, Phase.CODE)).isEmpty();
    }

    @Test
    void whatIsSavedIsVersionedAndADamagedOrAbsurdEntryIsIgnoredOnItsOwn() {
        durations.record(FAST, Phase.CODE, ObservedDuration.measured(Duration.ofMillis(1200)));
        durations.record(FAST, Phase.CODE, ObservedDuration.measured(Duration.ofMillis(1300)));
        Properties saved = new Properties();
        durations.writeTo(saved);
        assertThat(saved.getProperty("format")).isEqualTo(UpdateDurations.FORMAT);
        assertThat(saved.getProperty(FAST + "|code")).isEqualTo("1200,1300");

        saved.setProperty(SLOW + "|code", "36000000"); // ten hours: absurd
        saved.setProperty(SLOW + "|publish", "-4");
        saved.setProperty(SLOW + "|configuration", "12x");
        saved.setProperty(SLOW + "|nonsense", "100");
        UpdateDurations restored = new UpdateDurations();
        restored.readFrom(saved);
        assertThat(restored.estimate(FAST, Phase.CODE)).contains(Duration.ofMillis(1200));
        assertThat(restored.estimate(SLOW, Phase.PUBLISH)).isEmpty();
        assertThat(restored.estimate(SLOW, Phase.CONFIGURATION)).isEmpty();
        assertThat(restored.estimate(SLOW, Phase.CODE)).as("prior, not the absurd ten hours")
                .contains(Duration.ofMillis(1000));

        Properties oldFormat = new Properties();
        oldFormat.setProperty(FAST + "|code", "30000");
        UpdateDurations fromOldFormat = new UpdateDurations();
        fromOldFormat.readFrom(oldFormat);
        assertThat(fromOldFormat.estimate(FAST, Phase.CODE)).isEmpty();
    }

    @Test
    void anUpperBoundAloneIsSavedAsTheNextAimAndRestored() {
        durations.record(FAST, Phase.CODE, ObservedDuration.atMost(Duration.ofMillis(1000)));
        Properties saved = new Properties();
        durations.writeTo(saved);
        assertThat(saved.getProperty(FAST + "|code")).isEmpty();
        assertThat(saved.getProperty(FAST + "|code|aim")).isEqualTo("900");

        UpdateDurations restored = new UpdateDurations();
        restored.readFrom(saved);
        assertThat(restored.learned(FAST, Phase.CODE)).contains(Duration.ofMillis(900));
    }

    @Test
    void whatAFunctionLearnedItselfIsToldApartFromThePriorOfOthers() {
        durations.record(SLOW, Phase.CODE, ObservedDuration.measured(Duration.ofMillis(800)));
        assertThat(durations.learned(SLOW, Phase.CODE)).contains(Duration.ofMillis(800));
        assertThat(durations.learned(FAST, Phase.CODE)).isEmpty();
        assertThat(durations.prior(Phase.CODE)).contains(Duration.ofMillis(800));
        assertThat(durations.prior(Phase.PUBLISH)).isEmpty();
    }
}

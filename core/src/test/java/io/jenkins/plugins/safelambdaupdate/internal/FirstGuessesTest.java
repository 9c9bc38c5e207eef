package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FirstGuessesTest {
    private static final AdaptiveBackoff.Interval CODE_ENDED = new AdaptiveBackoff.Interval(Duration.ofMillis(3000),
            Duration.ofMillis(4500));

    @Test
    void withNothingKnownAnUpdateIsGuessedFromTheKindOfChangeAndThePackageSize() {
        assertThat(FirstGuesses.plan(Phase.CODE, null, null, 0)).isEqualTo(WaitPlan.guess(Duration.ofSeconds(1)));
        assertThat(FirstGuesses.plan(Phase.CODE, null, null, 30L * 1024 * 1024))
                .isEqualTo(WaitPlan.guess(Duration.ofSeconds(4)));
        assertThat(FirstGuesses.plan(Phase.PUBLISH, null, null, 0)).isEqualTo(WaitPlan.guess(Duration.ofMillis(500)));
    }

    @Test
    void theConfigurationAfterACodeUpdateIsPolledThroughTheIntervalWhereThatEnded() {
        WaitPlan plan = FirstGuesses.plan(Phase.CONFIGURATION, CODE_ENDED, Duration.ofMillis(700), 0);
        assertThat(plan.learned()).isFalse();
        assertThat(plan.firstPoll()).isEqualTo(Duration.ofMillis(3500));
        assertThat(plan.step()).isEqualTo(Duration.ofMillis(500));
        assertThat(plan.bracketEnd()).isEqualTo(Duration.ofMillis(4500));
    }

    @Test
    void aPublishIsGuessedAtHalfTheUpdateJustSeenElseFromOtherFunctions() {
        assertThat(FirstGuesses.plan(Phase.PUBLISH, CODE_ENDED, null, 0)).isEqualTo(WaitPlan.guess(
                Duration.ofMillis(1875)));
        assertThat(FirstGuesses.plan(Phase.PUBLISH, null, Duration.ofMillis(300), 0)).isEqualTo(WaitPlan.guess(
                Duration.ofMillis(300)));
        assertThat(FirstGuesses.plan(Phase.CODE, null, Duration.ofMillis(700), 0)).isEqualTo(WaitPlan.guess(
                Duration.ofMillis(700)));
    }
}

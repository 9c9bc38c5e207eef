package io.jenkins.plugins.safelambdaupdate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementsTest {
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void peakPerSecondSlidesOverOneSecond() {
        List<Instant> times = List.of(T0, ms(100), ms(900), ms(999), ms(1000), ms(1500), ms(1600), ms(1700),
                ms(1800));
        // [0.9 s, 1.9 s) holds 900, 999, 1000, 1500, 1600, 1700, 1800
        assertThat(Measurements.peakPerSecond(times)).isEqualTo(7);
        assertThat(Measurements.peakPerSecond(List.of())).isZero();
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> values = List.of(5L, 1L, 4L, 2L, 3L);
        assertThat(Measurements.median(values)).isEqualTo(3L);
        assertThat(Measurements.percentile(values, 95)).isEqualTo(5L);
        assertThat(Measurements.median(List.of())).isNull();
    }

    @Test
    void quotaTimeCountsTheInitialBurst() {
        assertThat(Measurements.quotaTime(15, 15)).isEqualTo(Duration.ZERO);
        assertThat(Measurements.quotaTime(160, 15).toMillis()).isEqualTo(9666);
    }

    @Test
    void lowerBoundIsSerialForOneFunctionAndQuotaBoundForManyFunctions() {
        ScenarioRunner runner = new ScenarioRunner(Duration.ofMillis(1500), Duration.ofMillis(500), null, 1);
        assertThat(runner.lowerBound(Strategies.named("engine"), Scenario.sameFunction(16)))
                .isEqualTo(Duration.ofSeconds(56));
        assertThat(runner.lowerBound(Strategies.named("naive"), Scenario.sameFunction(1)))
                .isEqualTo(Duration.ofMillis(3500));
        // 32 x 3 calls on the 15 req/s quota: (96 - 15) / 15 s = 5.4 s > 3.5 s
        assertThat(runner.lowerBound(Strategies.named("naive"), Scenario.distinctFunctions(32)))
                .isEqualTo(Duration.ofMillis(5400));
        assertThat(runner.lowerBound(Strategies.named("engine"), Scenario.distinctFunctions(32)).toMillis())
                .isEqualTo(9666);
        // 200 functions x 2 deployments x 5 calls: (2000 - 15) / 15 s = 132.3 s > 2 x 3.5 s
        assertThat(runner.lowerBound(Strategies.named("engine"), Scenario.fleet(200, 2, 1)).toMillis())
                .isEqualTo(132333);
        // Two deployments of one function one after another: 7 s > (10 - 15) / 15 s
        assertThat(runner.lowerBound(Strategies.named("engine"), Scenario.fleet(1, 2, 4)))
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void handOffGapsFollowTheOrderOfAcquisition() {
        LockTimeline first = new LockTimeline("fn", null, ms(0), ms(3500));
        LockTimeline second = new LockTimeline("fn", ms(10), ms(3502), ms(7000));
        // Released is stamped a hair after the lock let go: the next holder may be earlier still.
        LockTimeline third = new LockTimeline("fn", ms(12), ms(6999), ms(9000));
        LockTimeline other = new LockTimeline("other", null, ms(0), ms(100));
        assertThat(ScenarioRunner.handOffGaps(List.of(third, other, first, second))).containsExactlyInAnyOrder(2L, 0L);
    }

    private static Instant ms(long millis) {
        return T0.plus(Duration.ofMillis(millis));
    }
}

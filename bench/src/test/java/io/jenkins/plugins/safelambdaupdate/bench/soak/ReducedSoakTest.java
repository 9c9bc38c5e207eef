package io.jenkins.plugins.safelambdaupdate.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small soak inside the build: 8 deployers on 2 functions for 2 rounds with the full soak's fault mix (throttling,
 * 5xx, latency, failed updates, an outside writer, interrupts) and short simulator timings. Every invariant count must
 * be zero, and the faults must actually have happened, so that the test can fail. No timing assertions.
 */
class ReducedSoakTest {
    /** The full soak's rates; failed updates and the outside writer more often, as the run is short. */
    private static final SoakSettings SETTINGS = new SoakSettings(8, 2, 2, 7, 0.10, 0.02, Duration.ofMillis(20),
            Duration.ofMillis(2500), Duration.ofMillis(1500), 0.3, 0.10, Duration.ofSeconds(60), Duration.ofSeconds(5),
            Duration.ofMillis(100), Duration.ofMillis(50));

    private static SoakReport report;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void runSoak() throws Exception {
        report = new Soak(SETTINGS, progress::add).run();
    }

    @Test
    void noInvariantIsViolated() {
        assertThat(report.invariantViolations().total()).as(SoakSummary.render(report)).isZero();
        assertThat(report.violationDetails()).isEmpty();
    }

    @Test
    void everyDeploymentEndedWithAResultOrAClearCause() {
        SoakReport.Deployments d = report.deployments();
        assertThat(d.attempted()).isEqualTo(SETTINGS.deployments());
        assertThat(d.succeeded() + d.failed()).as(SoakSummary.render(report)).isEqualTo(d.attempted());
        assertThat(d.failedByCause().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(d.failed());
        assertThat(d.succeeded()).as("some deployments must get through the faults").isPositive();
    }

    @Test
    void theFaultsActuallyHappened() {
        SoakReport.Injected injected = report.injected();
        assertThat(injected.throttledCalls()).as("throttled calls").isPositive();
        assertThat(injected.outsideWrites()).as("changes by the outside writer").isPositive();
        assertThat(injected.interruptsDelivered()).as("interrupted deployments").isPositive();
        assertThat(injected.failedUpdatesArmed()).as("updates made to fail").isPositive();
        assertThat(report.retries().sdk()).as("SDK retries").containsKey("THROTTLED");
    }

    @Test
    void theChecksCoveredWhatTheyClaim() {
        SoakReport.Checks checks = report.checks();
        assertThat(checks.publishedVersionsChecked() + checks.latestChecked() + checks.latestNotCheckable())
                .isEqualTo(report.deployments().succeeded());
        assertThat(checks.publishedVersionsChecked()).isPositive();
        assertThat(checks.interruptedChecked()).isEqualTo(report.injected().interruptsDelivered());
        assertThat(checks.locksChecked()).isEqualTo(SETTINGS.functions());
        assertThat(report.apiCalls().deployerAttempts()).containsKeys("GetFunction", "UpdateFunctionCode",
                "PublishVersion");
    }

    @Test
    void jsonHasTheInvariantsAsIntegerFieldsOfOneObject() {
        JsonNode json = SoakJson.toJson(report);
        JsonNode invariants = json.path("invariantViolations");
        assertThat(invariants.isObject()).isTrue();
        assertThat(invariants.size()).isGreaterThanOrEqualTo(6);
        for (Iterator<Map.Entry<String, JsonNode>> it = invariants.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            assertThat(field.getValue().isInt()).as(field.getKey()).isTrue();
            assertThat(field.getValue().asInt()).as(field.getKey()).isZero();
        }
        assertThat(json.path("deployments").path("attempted").asInt()).isEqualTo(SETTINGS.deployments());
        assertThat(json.path("apiCalls").path("byOperation").path("UpdateFunctionCode").asLong()).isPositive();
        assertThat(json.path("settings").path("deployers").asInt()).isEqualTo(8);
    }
}

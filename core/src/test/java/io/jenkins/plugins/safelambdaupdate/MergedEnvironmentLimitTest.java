package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * The request's environment is within Lambda's limit, but merged into the function's existing variables it is not:
 * refused before UpdateFunctionConfiguration, naming sizes and names, never a value (AWS's own refusal quotes them).
 */
class MergedEnvironmentLimitTest extends SimulatorTestSupport {
    private static final String EXISTING = "Existing-7c2d9e" + "e".repeat(2500);
    private static final String ADDED = "Added-31f0b8" + "a".repeat(2000);

    @Test
    void aMergedEnvironmentOverTheLimitIsRefusedBeforeTheUpdateWithoutQuotingAValue() {
        start(Duration.ofMillis(100));
        String arn = createFunction("fn");
        foreign.updateFunctionConfiguration(b -> b.functionName("fn")
                .environment(e -> e.variables(Map.of("EXISTING_SECRET", EXISTING))));
        try (LambdaWaiter waiter = LambdaWaiter.builder().client(foreign).build()) {
            waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("fn"));
        }
        long updatesBefore = sim.stats().calls("UpdateFunctionConfiguration");
        Events events = new Events();

        assertThatThrownBy(() -> deployer.deploy(DeploymentRequest.builder().functionName("fn")
                .environment(Map.of("ADDED_SECRET", ADDED)).build(), events))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("environment");
                    assertThat(e.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("over Lambda's limit of 4096 bytes")
                            .contains("EXISTING_SECRET");
                    assertThat(e.getCause()).isNull();
                    StringWriter trace = new StringWriter();
                    e.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).doesNotContain("Existing-7c2d9e").doesNotContain("Added-31f0b8");
                });

        assertThat(sim.stats().calls("UpdateFunctionConfiguration")).isEqualTo(updatesBefore);
        assertThat(events.of(DeploymentEvent.Submitted.class)).isEmpty();
        assertThat(events.of(DeploymentEvent.Failed.class)).singleElement()
                .satisfies(f -> assertThat(f.toString()).contains("environment")
                        .doesNotContain("Existing-7c2d9e").doesNotContain("Added-31f0b8"));
        assertThat(events.all()).allSatisfy(event -> assertThat(event.toString())
                .doesNotContain("Existing-7c2d9e").doesNotContain("Added-31f0b8"));
        assertThat(locks.isFree(arn)).isTrue();
        assertThat(sim.function("fn").orElseThrow().latest().environment()).containsOnlyKeys("EXISTING_SECRET");
    }

    @Test
    void replacingInsteadOfMergingFitsAndIsApplied() {
        start(Duration.ofMillis(100));
        createFunction("fn");
        foreign.updateFunctionConfiguration(b -> b.functionName("fn")
                .environment(e -> e.variables(Map.of("EXISTING_SECRET", EXISTING))));
        try (LambdaWaiter waiter = LambdaWaiter.builder().client(foreign).build()) {
            waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("fn"));
        }

        deployer.deploy(DeploymentRequest.builder().functionName("fn").environment(Map.of("ADDED_SECRET", ADDED))
                .environmentMode(EnvironmentMode.REPLACE).build(), DeploymentListener.NONE);

        assertThat(sim.function("fn").orElseThrow().latest().environment()).isEqualTo(Map.of("ADDED_SECRET", ADDED));
    }
}

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
                    assertThat(e.parameter().engineName()).isEqualTo("environment");
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

    /**
     * Lambda measures the JSON of the variables map against 4 KB, quotes, separators and escapes included: an
     * environment of exactly 4096 such bytes is accepted by the simulator (which measures as Lambda does) and by the
     * engine; one byte more, and 60 variables of 3,807 bytes of names and values (4,168 as JSON), are refused before
     * UpdateFunctionConfiguration.
     */
    @Test
    void theEnvironmentIsMeasuredAsLambdaMeasuresIt() {
        start(Duration.ofMillis(100));
        createFunction("fn");
        Map<String, String> exact = new java.util.TreeMap<>(Map.of("QUOTED", "say \"hi\"\n"));
        exact.put("FILL", "x".repeat(4096 - RequestValidator.environmentBytes(exact) - "\"FILL\":\"\",".length()));
        assertThat(RequestValidator.environmentBytes(exact)).isEqualTo(4096);

        deployer.deploy(DeploymentRequest.builder().functionName("fn").environment(exact)
                .environmentMode(EnvironmentMode.REPLACE).build(), DeploymentListener.NONE);
        assertThat(sim.function("fn").orElseThrow().latest().environment()).isEqualTo(exact);

        long updatesBefore = sim.stats().calls("UpdateFunctionConfiguration");
        Map<String, String> oneMore = new java.util.TreeMap<>(exact);
        oneMore.put("FILL", exact.get("FILL") + "x");
        Map<String, String> sixty = new java.util.TreeMap<>();
        for (int i = 0; i < 60; i++) {
            sixty.put(String.format("V%02d", i), "v".repeat(i < 27 ? 61 : 60)); // 60 * 3 + 27 * 61 + 33 * 60
        }
        assertThat(sixty.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum())
                .isEqualTo(3807);
        for (Map<String, String> tooLarge : java.util.List.of(oneMore, sixty)) {
            assertThatThrownBy(() -> deployer.deploy(DeploymentRequest.builder().functionName("fn")
                    .environment(tooLarge).environmentMode(EnvironmentMode.REPLACE).build(), DeploymentListener.NONE))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.parameter().engineName()).isEqualTo("environment"));
        }
        assertThat(sim.stats().calls("UpdateFunctionConfiguration")).isEqualTo(updatesBefore);
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

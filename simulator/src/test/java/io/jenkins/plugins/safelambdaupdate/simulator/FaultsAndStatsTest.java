package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/** Fault injection from Java, its seeded randomness, and the counters and call log. */
class FaultsAndStatsTest extends ManualClockTest {

    @Test
    void callsAndRefusalsAreCountedPerOperationTypeAndStatus() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        lambda.getFunction(r -> r.functionName("orders"));
        lambda.getFunction(r -> r.functionName("arn:aws:lambda:us-east-1:123456789012:function:orders"));
        lambda.updateFunctionCode(r -> r.functionName("orders").zipFile(SdkBytes.fromByteArray(TestZips.zip("v2"))));
        assertThatThrownBy(() -> lambda.updateFunctionCode(r -> r.functionName("orders")
                .zipFile(SdkBytes.fromByteArray(TestZips.zip("v3"))))).isInstanceOf(ResourceConflictException.class);

        SimulatorStats stats = simulator.stats();
        assertThat(stats.calls("GetFunction")).isEqualTo(2);
        assertThat(stats.calls("UpdateFunctionCode")).isEqualTo(2);
        assertThat(stats.calls("PublishVersion")).isZero();
        assertThat(stats.totalCalls()).isEqualTo(4);
        assertThat(stats.refusals("ResourceConflictException")).isEqualTo(1);
        assertThat(stats.refusalsWithStatus(409)).isEqualTo(1);
        assertThat(stats.totalRefusals()).isEqualTo(1);

        List<CallRecord> log = simulator.callLog();
        assertThat(log).extracting(CallRecord::operation)
                .containsExactly("GetFunction", "GetFunction", "UpdateFunctionCode", "UpdateFunctionCode");
        assertThat(log).extracting(CallRecord::functionName).containsOnly("orders");
        assertThat(log).extracting(CallRecord::status).containsExactly(200, 200, 200, 409);
        assertThat(log.get(3).errorType()).isEqualTo("ResourceConflictException");
        assertThat(log.get(0).time()).isEqualTo(clock.instant());

        simulator.reset();
        assertThat(simulator.stats().totalCalls()).isZero();
        assertThat(simulator.callLog()).isEmpty();
        assertThat(simulator.function("orders")).as("reset keeps the functions").isPresent();
    }

    @Test
    void theCallLogKeepsOnlyTheMostRecentCalls() {
        try (LambdaSimulator small = LambdaSimulator.builder().callLogCapacity(3).start();
             LambdaClient client = SdkClients.noRetries(small)) {
            small.createFunction("orders", TestZips.zip("v1"));
            for (int i = 0; i < 4; i++) {
                client.getFunction(r -> r.functionName("orders"));
            }
            client.listVersionsByFunction(r -> r.functionName("orders"));

            assertThat(small.callLog()).extracting(CallRecord::operation)
                    .containsExactly("GetFunction", "GetFunction", "ListVersionsByFunction");
            assertThat(small.stats().totalCalls()).isEqualTo(5);
        }
    }

    @Test
    void aSeededSimulatorThrowsTheSameDice() {
        List<Integer> first = statuses(7);
        List<Integer> second = statuses(7);

        assertThat(first).isEqualTo(second);
        assertThat(first).contains(200, 429);
    }

    @Test
    void clearRemovesEveryFault() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        simulator.faults().throttleRate(1).errorRate(1).failNextUpdate("orders", "InternalError");
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("orders"))).isInstanceOf(LambdaException.class);

        simulator.faults().clear();
        lambda.getFunction(r -> r.functionName("orders"));
        lambda.updateFunctionConfiguration(r -> r.functionName("orders").timeout(10));
        clock.advance(UPDATE);
        assertThat(simulator.function("orders").orElseThrow().lastUpdateStatus()).isEqualTo("Successful");
    }

    @Test
    void addedLatencyHoldsTheAnswerBack() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        simulator.faults().latency(Duration.ofSeconds(5));
        try (LambdaClient impatient = LambdaClient.builder().endpointOverride(simulator.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider.create())
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMillis(200)).retryStrategy(b -> b.maxAttempts(1)))
                .build()) {
            assertThatThrownBy(() -> impatient.getFunction(r -> r.functionName("orders")))
                    .isInstanceOfAny(ApiCallTimeoutException.class, ApiCallAttemptTimeoutException.class);
        }
    }

    @Test
    void faultSettingsAreChecked() {
        Faults faults = simulator.faults();
        assertThatThrownBy(() -> faults.throttleRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.errorRate(0.1, 502)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.latency(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.failNextUpdate(null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void closeReleasesThePortEvenWhenTheCallerIsInterrupted() {
        // Without care the port closes a moment after close() returns: repeat to catch that race.
        for (int i = 0; i < 30; i++) {
            LambdaSimulator closing = LambdaSimulator.builder().threads(2).start();
            java.net.URI endpoint = closing.endpoint();

            Thread.currentThread().interrupt();
            closing.close();

            assertThat(Thread.interrupted()).as("the caller's interrupt flag is kept").isTrue();
            assertThatThrownBy(() -> new java.net.Socket(endpoint.getHost(), endpoint.getPort()).close())
                    .as("round %d", i).isInstanceOf(java.net.ConnectException.class);
        }
    }

    private static List<Integer> statuses(long seed) {
        try (LambdaSimulator seeded = LambdaSimulator.builder().seed(seed).start();
             LambdaClient client = SdkClients.noRetries(seeded)) {
            seeded.createFunction("orders", TestZips.zip("v1"));
            seeded.faults().throttleRate(0.5);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                try {
                    client.getFunction(r -> r.functionName("orders"));
                    statuses.add(200);
                } catch (LambdaException e) {
                    statuses.add(e.statusCode());
                }
            }
            return statuses;
        }
    }
}

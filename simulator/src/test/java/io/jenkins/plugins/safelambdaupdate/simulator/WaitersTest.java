package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * The SDK's own waiters against the simulator on the real clock with short delays. Where they check
 * time, they only check that a waiter did not return before the simulated transition could be over.
 */
class WaitersTest {
    private static final Duration DELAY = Duration.ofMillis(300);

    private LambdaSimulator simulator;
    private LambdaClient lambda;
    private LambdaWaiter waiter;

    @BeforeEach
    void start() {
        simulator = LambdaSimulator.builder().createDelay(DELAY).updateDelay(DELAY).publishDelay(DELAY).start();
        lambda = SdkClients.client(simulator);
        waiter = SdkClients.fastWaiter(lambda);
    }

    @AfterEach
    void stop() {
        waiter.close();
        lambda.close();
        simulator.close();
    }

    @Test
    void functionActiveV2ReturnsOnceTheCreateDelayIsOver() {
        long start = System.nanoTime();
        lambda.createFunction(SdkClients.create("orders", TestZips.zip("v1")).build());

        WaiterResponse<GetFunctionResponse> done = waiter.waitUntilFunctionActiveV2(r -> r.functionName("orders"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
        assertThat(done.matched().response()).hasValueSatisfying(
                r -> assertThat(r.configuration().state()).isEqualTo(State.ACTIVE));
    }

    @Test
    void functionUpdatedV2ReturnsOnceTheUpdateDelayIsOver() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        byte[] v2 = TestZips.zip("v2");
        long start = System.nanoTime();
        lambda.updateFunctionCode(r -> r.functionName("orders").zipFile(SdkBytes.fromByteArray(v2)));

        WaiterResponse<GetFunctionResponse> done = waiter.waitUntilFunctionUpdatedV2(r -> r.functionName("orders"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
        assertThat(done.matched().response()).hasValueSatisfying(r -> {
            assertThat(r.configuration().lastUpdateStatus()).isEqualTo(LastUpdateStatus.SUCCESSFUL);
            assertThat(r.configuration().codeSha256()).isEqualTo(TestZips.sha256(v2));
        });
        assertThat(done.attemptsExecuted()).isEqualTo((int) simulator.stats().calls("GetFunction"));
    }

    @Test
    void aFailedUpdateEndsTheWaiterWithTheFailureAcceptor() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        simulator.faults().failNextUpdate("orders", "InvalidConfiguration", "The handler does not exist.");
        lambda.updateFunctionConfiguration(r -> r.functionName("orders").handler("missing.handler"));

        assertThatThrownBy(() -> waiter.waitUntilFunctionUpdatedV2(r -> r.functionName("orders")))
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessage("A waiter acceptor with the matcher (path) was matched on parameter "
                        + "(Configuration.LastUpdateStatus=Failed) and transitioned the waiter to failure state");
        FunctionSnapshot failed = simulator.function("orders").orElseThrow();
        assertThat(failed.lastUpdateStatus()).isEqualTo("Failed");
        assertThat(failed.latest().lastUpdateStatusReasonCode()).isEqualTo("InvalidConfiguration");
        assertThat(failed.latest().handler()).as("the previous configuration stays live").isEqualTo("index.handler");
    }

    @Test
    void publishedVersionActiveReturnsOnceThePublishDelayIsOver() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        long start = System.nanoTime();
        String version = lambda.publishVersion(r -> r.functionName("orders")).version();

        WaiterResponse<GetFunctionConfigurationResponse> done = waiter.waitUntilPublishedVersionActive(
                r -> r.functionName("orders").qualifier(version));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DELAY);
        assertThat(done.matched().response()).hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(State.ACTIVE));
    }

    @Test
    void anUnknownFunctionEndsTheV2WaiterAtOnce() {
        assertThatThrownBy(() -> waiter.waitUntilFunctionActiveV2(r -> r.functionName("missing")))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("did not match any waiter acceptors");
        assertThat(simulator.stats().calls("GetFunction")).isEqualTo(1);
    }
}

package io.jenkins.plugins.safelambdaupdate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.SampleZips;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** The recorder over the real SDK client and the simulator: one call per SDK call, its attempts inside. */
class CallRecorderTest {
    private static final String FUNCTION = "recorded";

    private LambdaSimulator simulator;
    private LambdaClient client;
    private final CallRecorder recorder = new CallRecorder();

    @BeforeEach
    void start() {
        simulator = LambdaSimulator.builder().updateDelay(Duration.ofMillis(50))
                .function(FUNCTION, SampleZips.pythonHandler("initial")).start();
        client = LambdaClients.builder().region(simulator.region()).endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3).build())
                .addExecutionInterceptor(recorder)
                .build();
    }

    @AfterEach
    void stop() {
        recorder.unbind();
        client.close();
        simulator.close();
    }

    @Test
    void anSdkCallIsOneCallWithEachOfItsAttemptsInside() {
        CallTrace trace = new CallTrace();
        recorder.bind(trace);
        simulator.faults().errorRate(1.0);
        assertThatThrownBy(() -> client.getFunction(b -> b.functionName(FUNCTION)))
                .isInstanceOf(LambdaException.class);
        simulator.faults().clear();
        client.updateFunctionCode(b -> b.functionName(FUNCTION)
                .zipFile(SdkBytes.fromByteArray(SampleZips.pythonHandler("next"))));

        List<CallTrace.Call> calls = trace.calls();
        assertThat(calls).extracting(CallTrace.Call::operation).containsExactly("GetFunction", "UpdateFunctionCode");
        CallTrace.Call failed = calls.get(0);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.errorType()).isEqualTo("ServiceException");
        assertThat(failed.attempts()).hasSize(3).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(500);
            assertThat(a.mayHaveBeenSent()).isTrue();
            assertThat(a.isMutation()).isFalse();
        });
        CallTrace.Call update = calls.get(1);
        assertThat(update.succeeded()).isTrue();
        assertThat(update.lastModified()).isNotBlank();
        assertThat(update.attempts()).singleElement().satisfies(a -> assertThat(a.isMutation()).isTrue());
        assertThat(update.startedAt()).isBeforeOrEqualTo(update.endedAt());

        assertThat(recorder.attemptsByOperation()).isEqualTo(Map.of("GetFunction", 3L, "UpdateFunctionCode", 1L));
        assertThat(recorder.sdkRetriesByCause()).isEqualTo(Map.of("SERVER_ERROR", 2L));
        assertThat(simulator.stats().totalCalls()).isEqualTo(4L);
    }

    @Test
    void callsOfAThreadWithoutATraceAreCountedButNotTraced() {
        CallTrace trace = new CallTrace();
        recorder.bind(trace);
        recorder.unbind();
        client.getFunction(b -> b.functionName(FUNCTION));

        assertThat(trace.calls()).isEmpty();
        assertThat(recorder.attemptsByOperation()).isEqualTo(Map.of("GetFunction", 1L));
    }
}

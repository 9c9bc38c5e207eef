package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** The account quotas, on a clock that stands still so that the buckets refill only when the test says. */
class QuotasTest extends ManualClockTest {

    @Override
    LambdaSimulator.Builder configure(LambdaSimulator.Builder builder) {
        return builder.quotas(true);
    }

    @Test
    void aBurstBeyondFifteenControlPlaneCallsPerSecondIsThrottled() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        // Every call but GetFunction shares one bucket of 15, whatever its outcome.
        for (int i = 0; i < 5; i++) {
            lambda.getFunctionConfiguration(r -> r.functionName("orders"));
            lambda.listVersionsByFunction(r -> r.functionName("orders"));
            catchThrowableOfType(ResourceNotFoundException.class,
                    () -> lambda.getAlias(r -> r.functionName("orders").name("none")));
        }

        TooManyRequestsException throttled = catchThrowableOfType(TooManyRequestsException.class,
                () -> lambda.getFunctionConfiguration(r -> r.functionName("orders")));

        assertThat(throttled).isNotNull();
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
        assertThat(throttled.retryAfterSeconds()).isEqualTo("1");
        // What AWS sends with a 429 (botocore service-2.json, TooManyRequestsException: Retry-After header, Type,
        // message, Reason; values as recorded in reference §2).
        assertThat(throttled.reasonAsString()).isEqualTo("CallerRateLimitExceeded");
        assertThat(throttled.type()).isEqualTo("User");
        assertThat(throttled.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")).hasValue("1");
        assertThat(simulator.stats().refusals("TooManyRequestsException")).isEqualTo(1);

        clock.advance(Duration.ofMillis(1000 / 15 + 1));
        lambda.getFunctionConfiguration(r -> r.functionName("orders"));
    }

    @Test
    void getFunctionHasItsOwnBucketOfOneHundred() {
        simulator.createFunction("orders", TestZips.zip("v1"));
        for (int i = 0; i < 15; i++) {
            lambda.getFunctionConfiguration(r -> r.functionName("orders"));
        }
        for (int i = 0; i < 100; i++) {
            lambda.getFunction(r -> r.functionName("orders"));
        }

        assertThat(catchThrowableOfType(TooManyRequestsException.class,
                () -> lambda.getFunction(r -> r.functionName("orders")))).isNotNull();
        assertThat(simulator.stats().calls("GetFunction")).isEqualTo(101);
        assertThat(simulator.stats().refusalsWithStatus(429)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 100; i++) {
            lambda.getFunction(r -> r.functionName("orders"));
        }
    }

    @Test
    void quotasAreOffByDefault() {
        try (LambdaSimulator unlimited = LambdaSimulator.builder().clock(clock).start();
             var client = SdkClients.noRetries(unlimited)) {
            unlimited.createFunction("orders", TestZips.zip("v1"));
            for (int i = 0; i < 40; i++) {
                client.getFunctionConfiguration(r -> r.functionName("orders"));
            }
            assertThat(unlimited.stats().totalRefusals()).isZero();
            assertThat(unlimited.quotasEnabled()).isFalse();
        }
    }
}

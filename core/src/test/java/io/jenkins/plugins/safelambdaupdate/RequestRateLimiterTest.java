package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** 429s the limiter did not cause (another process spends the account's quota) slow it down; its own quota stays. */
@Timeout(30)
class RequestRateLimiterTest {

    @Test
    void aThrottledBucketSlowsDownOncePerCongestionAndTheOtherBucketKeepsItsRate() {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 15);
        limiter.throttled("UpdateFunctionCode");
        assertThat(limiter.currentRate("UpdateFunctionCode")).isEqualTo(15 * 0.7);
        limiter.throttled("PublishVersion"); // the same congestion, within the same second: no second decrease
        assertThat(limiter.currentRate("UpdateAlias")).isEqualTo(15 * 0.7);
        assertThat(limiter.currentRate("GetFunction")).isEqualTo(100);
    }

    @Test
    void neverSlowsDownToNothing() {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 0.6);
        limiter.throttled("UpdateAlias");
        assertThat(limiter.currentRate("UpdateAlias")).isEqualTo(RequestRateLimiter.SLOWEST);
    }

    @Test
    void aClientBuiltWithTheLimiterTellsItOfEvery429() {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 15);
        try (LambdaSimulator sim = LambdaSimulator.builder().function("fn", SimulatedAws.zip("x")).start();
             LambdaClient client = LambdaClients.builder().region(sim.region()).endpointOverride(sim.endpoint())
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                     .retryStrategy(AwsRetryStrategy.doNotRetry())
                     .requestRateLimit(limiter)
                     .build()) {
            sim.faults().throttleRate(1.0);
            assertThatThrownBy(() -> client.listVersionsByFunction(b -> b.functionName("fn")))
                    .as("throttled, as injected").isInstanceOf(SdkException.class);
            assertThat(limiter.currentRate("ListVersionsByFunction")).isLessThan(15);
        }
    }
}

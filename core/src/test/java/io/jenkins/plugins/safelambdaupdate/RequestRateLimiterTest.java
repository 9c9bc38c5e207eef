package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private final ManualTimeSource time = new ManualTimeSource();

    @Test
    void aThrottledBucketSlowsDownOncePerCongestionAndTheOtherBucketKeepsItsRate() {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 15, time);
        limiter.throttled("UpdateFunctionCode");
        assertThat(limiter.currentRate("UpdateFunctionCode")).isEqualTo(15 * 0.7);
        time.advance(Duration.ofMillis(999));
        limiter.throttled("PublishVersion"); // the same congestion, within the same second: no second decrease
        assertThat(limiter.currentRate("UpdateAlias")).isEqualTo(15 * 0.7);
        assertThat(limiter.currentRate("GetFunction")).isEqualTo(100);
        time.advance(Duration.ofMillis(1));
        limiter.throttled("PublishVersion"); // a second later: another congestion
        assertThat(limiter.currentRate("UpdateAlias")).isCloseTo((15 * 0.7 + 0.5) * 0.7, within(1e-9));
    }

    @Test
    void aSlowedBucketRegainsHalfARequestPerSecondUpToItsRate() {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 15, time);
        limiter.throttled("UpdateAlias");
        time.advance(Duration.ofSeconds(1));
        assertThat(limiter.currentRate("UpdateAlias")).isCloseTo(15 * 0.7 + 0.5, within(1e-9));
        time.advance(Duration.ofSeconds(4));
        assertThat(limiter.currentRate("UpdateAlias")).isCloseTo(15 * 0.7 + 2.5, within(1e-9));
        time.advance(Duration.ofMinutes(10));
        assertThat(limiter.currentRate("UpdateAlias")).as("never above the configured rate").isEqualTo(15);
    }

    @Test
    void callersWaitForTheirTokenOnTheInjectedTimeAndAnIdleSecondRefillsTheBurst() throws Exception {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 2, time); // a token every 500 ms, a burst of 2
        List<Duration> waited = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waited.add(limiter.acquire("UpdateFunctionCode"));
        }
        assertThat(waited).containsExactly(Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(500),
                Duration.ofMillis(500));
        assertThat(time.elapsed()).as("slept on the manual time").isEqualTo(Duration.ofMillis(1500));

        time.advance(Duration.ofSeconds(10));
        assertThat(limiter.acquire("UpdateAlias")).isZero();
        assertThat(limiter.acquire("UpdateAlias")).as("the burst").isZero();
        assertThat(limiter.acquire("UpdateAlias")).isEqualTo(Duration.ofMillis(500));
        assertThat(limiter.acquire("GetFunction")).as("its own bucket").isZero();

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> limiter.acquire("GetFunction")).isInstanceOf(InterruptedException.class);
    }

    @Test
    void neverSlowsDownToNothing() {
        RequestRateLimiter limiter = RequestRateLimiter.of(100, 0.6, time);
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

package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SharedRateLimitsTest {

    @Test
    void oneLimiterPerAccountAndRegionForEveryThreadThatAsks() throws Exception {
        SharedRateLimits limits = new SharedRateLimits();
        Set<RequestRateLimiter> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> builds = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Thread build = new Thread(() -> {
                try {
                    start.await();
                    seen.add(limits.forAccountAndRegion("aws-deploy", "eu-west-1"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            build.start();
            builds.add(build);
        }
        start.countDown();
        for (Thread build : builds) {
            build.join(10_000);
        }
        assertThat(seen).as("16 concurrent builds of one account and region share one limit").hasSize(1);
        assertThat(limits.forAccountAndRegion("aws-deploy", "us-east-1")).isNotIn(seen);
        assertThat(limits.forAccountAndRegion("aws-other", "eu-west-1")).isNotIn(seen);
    }
}

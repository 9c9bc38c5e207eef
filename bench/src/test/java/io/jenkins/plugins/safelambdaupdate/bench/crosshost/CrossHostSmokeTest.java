package io.jenkins.plugins.safelambdaupdate.bench.crosshost;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.testing.Dynalite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs a tiny cross-host scenario (2 processes x 1 deployer, short durations) against dynalite and checks what does
 * not depend on timing: one record per lock kind, every deployment accounted for, and through the DynamoDB lock
 * every deployment succeeded, with its DynamoDB calls counted. (Whether a host meets a 409 or 412 depends on timing:
 * one that read the function just before another host's whole deployment re-applies its change.)
 */
@Order(1) // the longest test of the module: first, so that it never waits for a thread
class CrossHostSmokeTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @Test
    void measuresEveryLockKind() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        CrossHost crossHost = new CrossHost(2, 1, Duration.ofMillis(200), Duration.ofMillis(100), DYNALITE.endpoint(),
                progress::add);
        // The lock kinds side by side (the benchmark runs them one after the other): only outcomes are checked here.
        ExecutorService kinds = Executors.newFixedThreadPool(CrossHost.LOCKS.size());
        List<CrossHostRecord> records = new ArrayList<>();
        try {
            List<Future<CrossHostRecord>> running = new ArrayList<>();
            for (String lock : CrossHost.LOCKS) {
                running.add(kinds.submit(() -> crossHost.run(lock)));
            }
            for (Future<CrossHostRecord> kind : running) {
                records.add(kind.get(5, TimeUnit.MINUTES));
            }
        } finally {
            kinds.shutdownNow();
        }

        assertThat(records).extracting(CrossHostRecord::lock).containsExactlyElementsOf(CrossHost.LOCKS);
        assertThat(progress).hasSize(CrossHost.LOCKS.size());
        for (CrossHostRecord r : records) {
            assertThat(r.succeeded() + r.failures().values().stream().mapToInt(Integer::intValue).sum())
                    .as(r.lock()).isEqualTo(2);
            assertThat(r.lowerBoundMs()).isEqualTo(2 * (2 * 200 + 100));
        }
        CrossHostRecord dynamoDb = records.get(0);
        assertThat(dynamoDb.succeeded()).isEqualTo(2);
        assertThat(dynamoDb.dynamoDbCallsPerDeployment()).isGreaterThanOrEqualTo(3.0); // get, put, delete at least
        assertThat(CrossHostOptions.markdown(records)).contains("| dynamodb | 2 × 1 | 2/2 |");
        assertThat(records.get(1).dynamoDbCallsPerDeployment()).isNull();
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The per-run state of runs that make no AWS call (retries of a change found by a read, budgets spent directly), on
 * manual time, over a real client whose endpoint nothing listens on.
 */
final class OfflineRuns implements AutoCloseable {
    private final LambdaClient client = LambdaClient.builder().region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .endpointOverride(URI.create("http://127.0.0.1:9")).build();

    /** @return a new run of one minute, each phase with {@code retriesPerPhase} retries */
    PhaseSupport start(DeploymentListener listener, int retriesPerPhase, ForeignChangePolicy policy) {
        return PhaseSupport.forRun(new RunSettings(client, new ManualTimeSource(), Duration.ofMillis(10),
                new UpdateDurations()), listener, Duration.ofMinutes(1), retriesPerPhase, policy);
    }

    @Override
    public void close() {
        client.close();
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.RetryCause;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The run's retries own their state: a retry counts against the phase it names (not the one under way), and only a
 * deadline that passes in a phase that retried says why it retried.
 */
class RetriesTest {

    @Test
    void aRetryCountsAgainstThePhaseItNamesAndExplainsOnlyThatPhasesDeadline() {
        List<DeploymentEvent> events = new ArrayList<>();
        // A real client that this test never calls: a foreign change found by a read is retried without AWS.
        try (LambdaClient client = LambdaClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .endpointOverride(URI.create("http://127.0.0.1:9")).build()) {
            PhaseSupport run = PhaseSupport.forRun(new RunSettings(client, Clock.systemUTC(), delay -> { },
                    Duration.ofMillis(10), new UpdateDurations()), events::add, Duration.ofMinutes(1), 3,
                    ForeignChangePolicy.REAPPLY);
            run.ledger().begin(Phase.CONFIGURATION);

            run.retries().foreignChange(Phase.CODE, null, "code replaced by another writer");

            assertThat(events).singleElement().isInstanceOfSatisfying(DeploymentEvent.Retrying.class, e -> {
                assertThat(e.phase()).isEqualTo(Phase.CODE);
                assertThat(e.cause()).isEqualTo(RetryCause.STALE_REVISION);
                assertThat(e.errorCode()).as("found by a read, not refused by AWS").isNull();
            });
            assertThat(run.ctx().phase()).as("the phase under way is the ledger's, untouched").isEqualTo(Phase.CONFIGURATION);
            DeploymentException inConfiguration = new DeploymentException(FailureKind.DEADLINE_EXCEEDED,
                    "Deadline of 1.0 s exceeded during the configuration phase");
            assertThat(run.retries().explained(inConfiguration)).isSameAs(inConfiguration);

            run.ledger().begin(Phase.CODE);
            DeploymentException inCode = new DeploymentException(FailureKind.DEADLINE_EXCEEDED,
                    "Deadline of 1.0 s exceeded during the code phase");
            assertThat(run.retries().explained(inCode).getMessage()).isEqualTo("Deadline of 1.0 s exceeded during the"
                    + " code phase (after retries because of changes by another writer (last: code replaced by another"
                    + " writer))");
            DeploymentException interrupted = new DeploymentException(FailureKind.INTERRUPTED, "Interrupted");
            assertThat(run.retries().explained(interrupted)).isSameAs(interrupted);
        }
    }
}

package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import io.jenkins.plugins.safelambdaupdate.testing.CuttableProxy;
import io.jenkins.plugins.safelambdaupdate.testing.Dynalite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The lock serves efficiency, not safety. Host A holds the lock, has read the function's RevisionId, and loses the
 * network to DynamoDB: its heartbeats stop, its lease expires, host B takes the lock and deploys. When A then sends
 * its update, Lambda refuses it on the stale RevisionId (412) and A reports a foreign change: B's deployment is not
 * lost, and A changed nothing.
 */
class DynamoDbLeaseExpiryFencingTest {
    private static final String FUNCTION = "fenced-fn";

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @TempDir
    Path tmp;

    @Test
    void aHolderWhoseLeaseExpiredIsRefusedByTheRevisionIdPrecondition() throws Exception {
        String table = DYNALITE.newLockTable();
        try (LambdaSimulator simulator = LambdaSimulator.builder().updateDelay(Duration.ofMillis(300))
                .publishDelay(Duration.ofMillis(100)).function(FUNCTION, SimulatedAws.zip("original")).start();
             LambdaClient lambda = SimulatedAws.client(simulator);
             CuttableProxy networkOfA = new CuttableProxy(DYNALITE.endpoint());
             DynamoDbClient dynamoDbOfA = DynamoDbClients.builder().region("us-east-1")
                     .endpointOverride(networkOfA.endpoint()).environment(java.util.Map.of(
                             "AWS_ACCESS_KEY_ID", "AKIDTEST", "AWS_SECRET_ACCESS_KEY", "secret")).build();
             DynamoDbClient dynamoDbOfB = DYNALITE.client()) {
            Path codeOfA = SimulatedAws.zipFile(tmp, "host a");
            Path codeOfB = SimulatedAws.zipFile(tmp, "host b");
            SafeLambdaDeployer hostA = deployer(lambda, dynamoDbOfA, table, "host a");
            SafeLambdaDeployer hostB = deployer(lambda, dynamoDbOfB, table, "host b");

            CountDownLatch aSettled = new CountDownLatch(1);
            CountDownLatch bDone = new CountDownLatch(1);
            CompletableFuture<DeploymentResult> deploymentOfA = CompletableFuture.supplyAsync(() ->
                    hostA.deploy(request(codeOfA), event -> {
                        if (event instanceof DeploymentEvent.Settled) {
                            // A has read the RevisionId it will write with; now it loses the network to DynamoDB.
                            networkOfA.cut();
                            aSettled.countDown();
                            awaitQuietly(bDone);
                        }
                    }));
            assertThat(aSettled.await(2, TimeUnit.MINUTES)).isTrue();

            SimulatorTestSupport.Events eventsOfB = new SimulatorTestSupport.Events();
            DeploymentResult resultOfB;
            try {
                resultOfB = hostB.deploy(request(codeOfB), eventsOfB);
            } finally {
                bDone.countDown();
            }

            assertThat(eventsOfB.of(DeploymentEvent.LockWaiting.class)).extracting(DeploymentEvent.LockWaiting::holder)
                    .containsExactly("host a");
            assertThatThrownBy(() -> deploymentOfA.get(2, TimeUnit.MINUTES)).hasCauseInstanceOf(
                    DeploymentException.class).cause().satisfies(e ->
                    assertThat(((DeploymentException) e).failure()).isEqualTo(FailureKind.FOREIGN_CHANGE));
            assertThat(simulator.stats().refusalsWithStatus(412)).isEqualTo(1);
            assertThat(simulator.stats().calls("UpdateFunctionCode")).isEqualTo(2); // B's, and A's refused one
            assertThat(simulator.function(FUNCTION).orElseThrow().versions()).extracting(VersionSnapshot::codeSha256)
                    .containsExactly(SimulatedAws.sha256(codeOfB));
            assertThat(resultOfB.codeSha256()).isEqualTo(SimulatedAws.sha256(codeOfB));
            assertThat(simulator.function(FUNCTION).orElseThrow().codeSha256()).isEqualTo(SimulatedAws.sha256(codeOfB));
        }
    }

    private static SafeLambdaDeployer deployer(LambdaClient lambda, DynamoDbClient dynamoDb, String table,
                                               String owner) {
        return SafeLambdaDeployer.builder().client(lambda)
                .lockProvider(LockProviders.dynamoDb(dynamoDb, DynamoDbDeployerMain.settings(table, owner))).build();
    }

    private static DeploymentRequest request(Path zip) {
        return DeploymentRequest.builder().functionName(FUNCTION).code(CodeSource.zipFile(zip)).publish(true)
                .onForeignChange(ForeignChangePolicy.FAIL).deadline(Duration.ofMinutes(2)).build();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

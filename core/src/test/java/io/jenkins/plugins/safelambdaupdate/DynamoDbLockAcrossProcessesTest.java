package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.simulator.VersionSnapshot;
import io.jenkins.plugins.safelambdaupdate.testing.ChildJvm;
import io.jenkins.plugins.safelambdaupdate.testing.Dynalite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Separate JVMs (hosts) deploy one function of the simulator through the DynamoDB lock on dynalite: they take turns,
 * Lambda never refuses anything, every published version holds its own deployment's code; and a holder killed with
 * SIGKILL frees the function when its lease runs out.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own lock table, simulator and processes
class DynamoDbLockAcrossProcessesTest {
    private static final String FUNCTION = "shared-fn";
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION;
    private static final Duration LONG = Duration.ofMinutes(2);

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    @TempDir
    Path tmp;

    private record Hold(String host, long acquired, long released) {
    }

    @Test
    void threeProcessesTakeTurnsAndEachVersionHoldsItsOwnCode() throws Exception {
        int processes = 3;
        String table = DYNALITE.newLockTable();
        try (LambdaSimulator simulator = LambdaSimulator.builder().updateDelay(Duration.ofMillis(300))
                .publishDelay(Duration.ofMillis(100)).function(FUNCTION, SimulatedAws.zip("original")).start();
             DynamoDbClient dynamoDb = DYNALITE.client()) {
            List<ChildJvm> hosts = new ArrayList<>();
            List<String> shas = new ArrayList<>();
            // This test holds the lock until every host waits for it, so that they truly contend.
            FunctionLock held = LockProviders.dynamoDb(dynamoDb, DynamoDbDeployerMain.settings(table, "the test"))
                    .acquire(ARN, Duration.ofSeconds(10), h -> { });
            try {
                for (int i = 1; i <= processes; i++) {
                    Path zip = SimulatedAws.zipFile(tmp, "host " + i);
                    shas.add(SimulatedAws.sha256(zip));
                    hosts.add(ChildJvm.start(tmp, "host" + i, DynamoDbDeployerMain.class, "deploy",
                            simulator.endpoint().toString(), DYNALITE.endpoint().toString(), table, FUNCTION,
                            zip.toString(), "host " + i));
                }
                for (ChildJvm host : hosts) {
                    assertThat(host.awaitLine("WAITING", LONG)).as(host.output()).hasValue("WAITING the test");
                }
                assertThat(simulator.stats().calls("UpdateFunctionCode")).isZero();
            } finally {
                held.close();
            }

            List<Hold> holds = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                ChildJvm host = hosts.get(i);
                String sha = shas.get(i);
                assertThat(host.waitFor(LONG)).as(host.output()).isZero();
                assertThat(host.awaitLine("RESULT", LONG)).as(host.output()).isPresent()
                        .hasValueSatisfying(r -> assertThat(r).endsWith(" " + sha));
                holds.add(new Hold("host " + (i + 1), millis(host, "LOCKED"), millis(host, "RELEASED")));
            }
            holds.sort(Comparator.comparingLong(Hold::acquired));
            for (int i = 1; i < holds.size(); i++) {
                assertThat(holds.get(i).acquired()).as("%s starts after %s ends", holds.get(i), holds.get(i - 1))
                        .isGreaterThanOrEqualTo(holds.get(i - 1).released());
            }
            assertThat(simulator.stats().refusalsWithStatus(409)).isZero();
            assertThat(simulator.stats().refusalsWithStatus(412)).isZero();
            assertThat(simulator.stats().calls("UpdateFunctionCode")).isEqualTo(processes);
            assertThat(simulator.function(FUNCTION).orElseThrow().versions()).extracting(VersionSnapshot::codeSha256)
                    .containsExactlyInAnyOrderElementsOf(shas);
        }
    }

    @Test
    void aHolderKilledWithSigkillFreesTheFunctionWhenItsLeaseRunsOut() throws Exception {
        String table = DYNALITE.newLockTable();
        ChildJvm holder = ChildJvm.start(tmp, "holder", DynamoDbDeployerMain.class, "hold",
                DYNALITE.endpoint().toString(), table, ARN, "killed host");
        try (DynamoDbClient dynamoDb = DYNALITE.client()) {
            assertThat(holder.awaitLine("LOCKED", LONG)).as(holder.output()).isPresent();
            LockProvider next = LockProviders.dynamoDb(dynamoDb, DynamoDbDeployerMain.settings(table, "next host"));
            List<String> told = new ArrayList<>();

            holder.kill(); // SIGKILL: the item stays, no heartbeat renews it

            try (FunctionLock lock = next.acquire(ARN, LONG, told::add)) {
                assertThat(lock.name()).isEqualTo(ARN);
            }
            assertThat(told).containsExactly("killed host");
        } finally {
            holder.kill();
        }
    }

    private static long millis(ChildJvm host, String event) {
        String line = host.lines().stream().filter(l -> l.startsWith(event + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + event + " in " + host.output()));
        return Long.parseLong(line.split(" ")[1]);
    }
}

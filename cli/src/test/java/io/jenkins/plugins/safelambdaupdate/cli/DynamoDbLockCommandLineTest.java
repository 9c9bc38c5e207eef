package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.testing.Dynalite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code deploy --lock dynamodb} and {@code lock-table create} against the simulator and dynalite; and malformed lock
 * options, each refused with exit code 2 naming its flag before any call to Lambda or DynamoDB.
 */
class DynamoDbLockCommandLineTest {
    private static final Duration UPDATE = Duration.ofMillis(100);
    private static final Duration PUBLISH = Duration.ofMillis(50);
    private static final String FUNCTION = "ddb-locked-fn";
    private static final Map<String, String> AWS = Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY", "LockSecretKey-5d2e91", "AWS_REGION", "us-east-1");

    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();

    private static LambdaSimulator simulator;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSimulator() {
        simulator = LambdaSimulator.builder().updateDelay(UPDATE).publishDelay(PUBLISH)
                .function(FUNCTION, DemoZip.of("original").bytes()).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    private CliHarness cli(Map<String, String> extra) {
        Map<String, String> environment = new HashMap<>(AWS);
        environment.putAll(extra);
        return new CliHarness(environment, tmp.resolve("home")).knowing(UPDATE, PUBLISH);
    }

    private List<String> deploy(String... lockArgs) throws IOException {
        Path zip = Files.write(tmp.resolve("code.zip"), DemoZip.of("through dynamodb " + lockArgs.length).bytes());
        List<String> args = new ArrayList<>(List.of("deploy", "--function", FUNCTION, "--zip", zip.toString(),
                "--publish", "--endpoint-url", simulator.endpoint().toString()));
        args.addAll(List.of(lockArgs));
        return args;
    }

    @Test
    void createsTheTableOnceThenDeploysThroughIt() throws IOException {
        String endpoint = DYNALITE.endpoint().toString();
        CliHarness.Run created = cli(Map.of()).run("lock-table", "create", "--table", "cli-locks",
                "--lock-endpoint-url", endpoint);
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("Created DynamoDB lock table cli-locks");
        CliHarness.Run again = cli(Map.of()).run("lock-table", "create", "--table", "cli-locks",
                "--lock-endpoint-url", endpoint);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("already exists");

        CliHarness.Run deployed = cli(Map.of()).run(deploy("--lock", "dynamodb", "--lock-table", "cli-locks",
                "--lock-endpoint-url", endpoint, "--lock-owner", "pipeline 7").toArray(String[]::new));
        assertThat(deployed.exitCode()).as(deployed.all()).isZero();
        try (DynamoDbClient client = DYNALITE.client()) {
            assertThat(client.scan(r -> r.tableName("cli-locks")).items()).as("the lock item is deleted on release")
                    .isEmpty();
        }
        assertThat(deployed.all()).doesNotContain("LockSecretKey-5d2e91");
    }

    @Test
    void theDynamoDbEndpointComesFromItsOwnVariableNeverFromLambdas() throws IOException {
        String table = DYNALITE.newLockTable();
        // AWS_ENDPOINT_URL names the simulator (Lambda); the lock must not go there.
        CliHarness.Run deployed = cli(Map.of("AWS_ENDPOINT_URL_DYNAMODB", DYNALITE.endpoint().toString(),
                "AWS_ENDPOINT_URL", simulator.endpoint().toString()))
                .run(deploy("--lock", "dynamodb", "--lock-table", table).toArray(String[]::new));
        assertThat(deployed.exitCode()).as(deployed.all()).isZero();
    }

    @Test
    void aMissingTableIsNamedWithTheCommandThatCreatesItAndNothingIsChanged() throws IOException {
        long updates = simulator.stats().calls("UpdateFunctionCode");
        CliHarness.Run run = cli(Map.of()).run(deploy("--lock", "dynamodb", "--lock-table", "missing-locks",
                "--lock-endpoint-url", DYNALITE.endpoint().toString()).toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isEqualTo(5);
        assertThat(run.err()).contains("Lock unavailable: DynamoDB lock table 'missing-locks' does not exist")
                .contains("lock-table create --table missing-locks").doesNotContain("\tat ");
        assertThat(simulator.stats().calls("UpdateFunctionCode")).isEqualTo(updates);
    }

    static Stream<Arguments> badLockOptions() {
        return Stream.of(
                Arguments.of("--lock-table", Map.of(), List.of("--lock", "dynamodb")),
                Arguments.of("--lock-table", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "a b")),
                Arguments.of("--lock-table", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "ab")),
                Arguments.of("--lock-lease", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-lease", "500ms")),
                Arguments.of("--lock-lease", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-lease", "2h")),
                Arguments.of("--lock-heartbeat", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-lease", "10s", "--lock-heartbeat", "6s")),
                Arguments.of("--lock-refresh", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-refresh", "0")),
                Arguments.of("--lock-owner", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-owner", " ")),
                Arguments.of("--lock-region", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-region", "moon-base-1")),
                Arguments.of("--lock-endpoint-url", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-endpoint-url", "ftp://127.0.0.1:1")),
                Arguments.of("AWS_ENDPOINT_URL_DYNAMODB", Map.of("AWS_ENDPOINT_URL_DYNAMODB", "not a url"),
                        List.of("--lock", "dynamodb", "--lock-table", "t-1")),
                Arguments.of("--lock", Map.of(), List.of("--lock-table", "t-1")),
                Arguments.of("--lock", Map.of(), List.of("--lock", "none", "--lock-lease", "30s")),
                Arguments.of("--lock-dir", Map.of(), List.of("--lock", "dynamodb", "--lock-table", "t-1",
                        "--lock-dir", "/tmp")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badLockOptions")
    void badLockOptionsAreRefusedBeforeAnyCall(String flag, Map<String, String> environment, List<String> lockArgs)
            throws IOException {
        long calls = simulator.stats().totalCalls();
        try (ServerSocket dynamoDb = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL_DYNAMODB",
                    "http://127.0.0.1:" + dynamoDb.getLocalPort()));
            env.putAll(environment);
            CliHarness.Run run = cli(env).run(deploy(lockArgs.toArray(String[]::new)).toArray(String[]::new));
            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains(flag).doesNotContain("\tat ");
            assertNoConnection(dynamoDb);
        }
        assertThat(simulator.stats().totalCalls()).isEqualTo(calls);
    }

    static Stream<Arguments> badCreateOptions() {
        return Stream.of(
                Arguments.of("--table", Map.of(), List.of("--table", "ab")),
                Arguments.of("--table", Map.of(), List.of("--table", "locks:prod")),
                Arguments.of("--lock-region", Map.of(), List.of("--table", "t-1", "--lock-region", "x")),
                Arguments.of("--region", Map.of("AWS_REGION", ""), List.of("--table", "t-1")),
                Arguments.of("--lock-endpoint-url", Map.of(), List.of("--table", "t-1", "--lock-endpoint-url", "x")));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badCreateOptions")
    void badCreateOptionsAreRefusedBeforeAnyCall(String flag, Map<String, String> environment, List<String> args)
            throws IOException {
        try (ServerSocket dynamoDb = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>(Map.of("AWS_ENDPOINT_URL_DYNAMODB",
                    "http://127.0.0.1:" + dynamoDb.getLocalPort()));
            env.putAll(environment);
            List<String> command = new ArrayList<>(List.of("lock-table", "create"));
            command.addAll(args);
            CliHarness.Run run = cli(env).run(command.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains("Invalid " + flag).doesNotContain("\tat ");
            assertNoConnection(dynamoDb);
        }
    }

    /** Nothing connected to the stand-in DynamoDB endpoint. */
    private static void assertNoConnection(ServerSocket endpoint) throws IOException {
        endpoint.setSoTimeout(1);
        assertThatThrownBy(endpoint::accept).isInstanceOf(SocketTimeoutException.class);
    }
}

package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.testing.ManualTimeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** {@code status} and {@code wait} against the simulator. */
class StatusAndWaitCommandTest {
    @TempDir
    Path tmp;

    private LambdaSimulator simulator;
    private LambdaClient lambda;
    private CliHarness cli;

    @BeforeEach
    void setUp() {
        simulator = LambdaSimulator.builder().createDelay(Duration.ZERO).updateDelay(Duration.ofSeconds(1))
                .function("fn", DemoZip.of("original").bytes()).start();
        lambda = client(simulator);
        cli = new CliHarness(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "example-secret",
                "AWS_DEFAULT_REGION", "us-east-1"), tmp);
    }

    @AfterEach
    void tearDown() {
        lambda.close();
        simulator.close();
    }

    private static LambdaClient client(LambdaSimulator simulator) {
        return LambdaClients.builder().region("us-east-1").endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b"))).build();
    }

    private CliHarness.Run run(LambdaSimulator target, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--endpoint-url",
                target.endpoint().toString()));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void statusShowsTheStateAlignedForPeople() {
        FunctionSnapshot fn = simulator.function("fn").orElseThrow();

        CliHarness.Run run = run(simulator, "status", "--function", "fn");

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().lines()).contains(
                "Function          arn:aws:lambda:us-east-1:123456789012:function:fn",
                "State             Active",
                "LastUpdateStatus  Successful",
                "CodeSha256        " + fn.codeSha256(),
                "RevisionId        " + fn.revisionId());
        assertThat(run.out()).contains("LastModified");
    }

    @Test
    void statusAsJson() {
        CliHarness.Run run = run(simulator, "status", "--function", "fn", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.jsonLines()).singleElement().satisfies(status -> {
            assertThat(status.path("type").asText()).isEqualTo("status");
            assertThat(status.path("state").asText()).isEqualTo("Active");
            assertThat(status.path("lastUpdateStatus").asText()).isEqualTo("Successful");
            assertThat(status.path("codeSha256").asText()).isEqualTo(DemoZip.of("original").codeSha256());
            assertThat(status.path("revisionId").asText()).isEqualTo(simulator.function("fn").orElseThrow().revisionId());
            assertThat(status.path("settled").asBoolean()).isTrue();
        });
    }

    @Test
    void statusOfAnUnknownFunctionExitsThree() {
        CliHarness.Run run = run(simulator, "status", "--function", "nope");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).containsOnlyOnce("not found").doesNotContain("\tat ");
    }

    @Test
    void waitReturnsZeroOnceAnUpdateInProgressSucceeded() throws Exception {
        // The simulator on a manual clock: the update stays in progress, however slow the machine, until the test
        // moves the time on, once the wait command has read it in progress (the command itself runs on real time).
        ManualTimeSource time = new ManualTimeSource();
        try (LambdaSimulator manual = LambdaSimulator.builder().clock(time.asClock()).createDelay(Duration.ZERO)
                .updateDelay(Duration.ofSeconds(1)).function("fn", DemoZip.of("original").bytes()).start();
             LambdaClient manualLambda = client(manual)) {
            manualLambda.updateFunctionConfiguration(b -> b.functionName("fn").memorySize(512));
            CompletableFuture<CliHarness.Run> waiting = CompletableFuture.supplyAsync(
                    () -> run(manual, "wait", "--function", "fn", "--timeout", "30s"));
            // Resolved, then polled by the waiter at least once: both reads saw the update in progress.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (manual.stats().calls("GetFunction") < 2 && System.nanoTime() - giveUp < 0) {
                Thread.sleep(10);
            }
            assertThat(waiting).as("still waiting for the update").isNotDone();
            time.advance(Duration.ofSeconds(1));

            CliHarness.Run run = waiting.get(30, TimeUnit.SECONDS);
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).contains("LastUpdateStatus  Successful");
            assertThat(manual.function("fn").orElseThrow().latest().memorySize()).isEqualTo(512);
        }
    }

    @Test
    void waitExitsOneWhenTheUpdateEndsFailed() {
        simulator.faults().failNextUpdate("fn", "InvalidConfiguration", "The handler does not exist");
        lambda.updateFunctionConfiguration(b -> b.functionName("fn").memorySize(512));

        CliHarness.Run run = run(simulator, "wait", "--function", "fn", "--timeout", "30s", "--json");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        JsonNode status = run.jsonLines().get(0);
        assertThat(status.path("lastUpdateStatus").asText()).isEqualTo("Failed");
        assertThat(status.path("lastUpdateStatusReasonCode").asText()).isEqualTo("InvalidConfiguration");
        assertThat(run.err()).contains("Failed");

        CliHarness.Run shown = run(simulator, "status", "--function", "fn");
        assertThat(shown.exitCode()).isZero();
        assertThat(shown.out()).contains(
                "LastUpdateStatus  Failed (InvalidConfiguration: The handler does not exist)");
    }

    @Test
    void waitExitsFourWhenNotSettledInTime() {
        try (LambdaSimulator slow = LambdaSimulator.builder().updateDelay(Duration.ofMinutes(5))
                .function("slow-fn", DemoZip.of("original").bytes()).start();
             LambdaClient slowLambda = client(slow)) {
            slowLambda.updateFunctionConfiguration(b -> b.functionName("slow-fn").memorySize(512));

            CliHarness.Run run = run(slow, "wait", "--function", "slow-fn", "--timeout", "1s");

            assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
            assertThat(run.err()).doesNotContain("\tat ");
            assertThat(slow.function("slow-fn").orElseThrow().lastUpdateStatus()).isEqualTo("InProgress");
        }
    }

    @Test
    void waitForAnUnknownFunctionExitsThree() {
        CliHarness.Run run = run(simulator, "wait", "--function", "nope", "--timeout", "5s");

        assertThat(run.exitCode()).isEqualTo(3);
    }

    @Test
    void persistentThrottlingOnStatusEndsAtItsDeadlineNotAsAFailedDeployment() {
        simulator.faults().throttleRate(1.0);

        CliHarness.Run run = run(simulator, "status", "--function", "fn", "--deadline", "5s");

        // The SDK's throttling backoff outlasts 5 s: the deadline ends it (4), never "deployment failed" (1).
        assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
        assertThat(run.err()).contains("Deadline of 5.0 s exceeded during the resolve phase")
                .doesNotContain("Deployment failed").doesNotContain("CONFLICT_RETRIES_EXHAUSTED");
    }

    @Test
    void aStatusDeadlineThatPassesExitsFour() {
        simulator.faults().latency(Duration.ofMillis(800), Duration.ofMillis(800));

        CliHarness.Run run = run(simulator, "status", "--function", "fn", "--deadline", "300ms");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
        assertThat(run.err()).contains("Deadline of 300 ms exceeded");
    }

    @Test
    void theHelpOfStatusAndWaitDocumentsTheirExitCodesAndDeadline() {
        for (String command : List.of("status", "wait")) {
            CliHarness.Run help = cli.run(command, "--help");
            assertThat(help.out()).contains("--deadline").contains("Exit codes:")
                    .containsPattern("(?m)^\\s+3\\s+function not found").contains("persistent throttling")
                    .containsPattern("(?m)^\\s+4\\s+(interrupted|not settled)");
        }
    }

    /** A broken shared config file and a failing credential_process are credentials errors: exit 3, not 1 or 2. */
    @Test
    void brokenAwsConfigurationIsACredentialsErrorExitingThree() throws Exception {
        Path garbled = Files.writeString(tmp.resolve("garbled-config"), "[profile ci\nregion = us-east-1\n");
        Path failing = Files.writeString(tmp.resolve("failing-config"), "[profile ci]\ncredential_process = false\n");
        // The four processes run side by side: a JVM start each, not four in a row.
        Map<CliProcess, Path> processes = new LinkedHashMap<>();
        for (Path config : List.of(garbled, failing)) {
            for (String command : List.of("status", "deploy")) {
                List<String> args = new ArrayList<>(List.of(command, "--function", "fn", "--profile", "ci",
                        "--endpoint-url", simulator.endpoint().toString()));
                if (command.equals("deploy")) {
                    args.addAll(List.of("--memory", "256", "--lock-dir", tmp.resolve("locks").toString()));
                }
                processes.put(CliProcess.start(tmp, command + "-" + config.getFileName(), Map.of(
                        "AWS_CONFIG_FILE", config.toString(), "AWS_SHARED_CREDENTIALS_FILE",
                        tmp.resolve("none").toString(), "AWS_REGION", "us-east-1", "HOME", tmp.toString()), args),
                        config);
            }
        }
        for (Map.Entry<CliProcess, Path> started : processes.entrySet()) {
            CliProcess process = started.getKey();
            assertThat(process.waitFor(Duration.ofSeconds(60))).as(process.err()).isEqualTo(3);
            assertThat(process.err()).contains(started.getValue() == garbled ? "AWS configuration cannot be read"
                    : "AWS credentials cannot be loaded").doesNotContain("\tat ");
        }
        assertThat(simulator.function("fn").orElseThrow().latest().memorySize()).isNotEqualTo(256);
    }
}

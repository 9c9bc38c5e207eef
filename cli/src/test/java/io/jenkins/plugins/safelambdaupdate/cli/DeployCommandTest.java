package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.safelambdaupdate.simulator.FunctionSnapshot;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code deploy} in this JVM against the simulator over HTTP with the real SDK. */
class DeployCommandTest {
    private static final Duration UPDATE = Duration.ofMillis(150);
    private static final Duration PUBLISH = Duration.ofMillis(50);
    private static final AtomicInteger FUNCTIONS = new AtomicInteger();
    private static LambdaSimulator simulator;

    @TempDir
    Path tmp;

    private CliHarness cli;
    private String function;
    private Path zip;
    private DemoZip code;

    @BeforeAll
    static void startSimulator() {
        simulator = LambdaSimulator.builder().createDelay(Duration.ZERO).updateDelay(UPDATE)
                .publishDelay(PUBLISH).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        simulator.faults().clear();
        function = "deploy-test-" + FUNCTIONS.incrementAndGet();
        simulator.createFunction(function, DemoZip.of("original").bytes());
        code = DemoZip.of("new code of " + function);
        zip = Files.write(tmp.resolve("function.zip"), code.bytes());
        cli = new CliHarness(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "example-secret",
                "AWS_REGION", "us-east-1"), tmp.resolve("home")).knowing(UPDATE, PUBLISH);
        simulator.reset();
    }

    private String[] deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--endpoint-url", simulator.endpoint().toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void deploysCodeAndConfigurationPublishesAndMovesTheAliasThenExitsZero() {
        CliHarness.Run run = cli.run(deploy("--function", function, "--zip", zip.toString(), "--env", "STAGE=prod",
                "--memory", "256", "--description", "release 7", "--publish", "--alias", "live"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        FunctionSnapshot after = simulator.function(function).orElseThrow();
        assertThat(after.codeSha256()).isEqualTo(code.codeSha256());
        assertThat(after.latest().environment()).containsEntry("STAGE", "prod");
        assertThat(after.latest().memorySize()).isEqualTo(256);
        assertThat(after.versions()).hasSize(1);
        assertThat(after.versions().get(0).codeSha256()).isEqualTo(code.codeSha256());
        assertThat(after.aliases()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("live");
            assertThat(a.functionVersion()).isEqualTo(after.versions().get(0).version());
        });
        assertThat(run.out()).contains("Deployed arn:aws:lambda:us-east-1:123456789012:function:" + function)
                .contains("Lock acquired").contains("Lock released").contains(code.codeSha256());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void takesTheFileLockInTheDefaultPerUserDirectory() {
        CliHarness.Run run = cli.run(deploy("--function", function, "--zip", zip.toString()));

        assertThat(run.exitCode()).as(run.all()).isZero();
        Path locks = tmp.resolve("home").resolve(".cache").resolve("safe-lambda-update").resolve("locks");
        assertThat(locks).isDirectory();
        assertThat(locks.toFile().list()).singleElement().asString().contains(function).endsWith(".lock");
    }

    @Test
    void remembersHowLongUpdatesTookForTheNextRun() throws Exception {
        CliHarness.Run run = cli.run(deploy("--function", function, "--zip", zip.toString(), "--memory", "256"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        Path learned = tmp.resolve("home").resolve(".cache").resolve("safe-lambda-update")
                .resolve(DeployCommand.LEARNED_DURATIONS_FILE);
        Properties saved = new Properties();
        try (var in = Files.newBufferedReader(learned)) {
            saved.load(in);
        }
        assertThat(saved.stringPropertyNames()).anyMatch(key -> key.endsWith(":function:" + function + "|code"));
    }

    static Stream<Arguments> invalidInput() {
        return Stream.of(
                Arguments.of(List.of("--zip", "ZIP", "--image-uri",
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag"), List.of("--zip", "--image-uri")),
                Arguments.of(List.of("--zip", "ZIP", "--s3-bucket", "bucket", "--s3-key", "key.zip"),
                        List.of("--zip", "--s3-bucket")),
                Arguments.of(List.of("--s3-key", "key.zip"), List.of("--s3-bucket")),
                Arguments.of(List.of("--zip", "does-not-exist.zip"), List.of("--zip")),
                Arguments.of(List.of("--memory", "64"), List.of("--memory")),
                Arguments.of(List.of("--memory", "lots"), List.of("--memory")),
                Arguments.of(List.of("--timeout", "0"), List.of("--timeout")),
                Arguments.of(List.of("--env", "NO_EQUALS_SIGN"), List.of("--env")),
                Arguments.of(List.of("--env", "1BAD=x"), List.of("--env")),
                Arguments.of(List.of("--env-mode", "replace"), List.of("--env-mode")),
                Arguments.of(List.of("--env-mode", "sideways", "--env", "A=b"), List.of("--env-mode")),
                Arguments.of(List.of("--alias", "live"), List.of("--alias")),
                Arguments.of(List.of("--layer", "not-a-layer-arn"), List.of("--layer")),
                Arguments.of(List.of("--role", "admin"), List.of("--role")),
                Arguments.of(List.of("--runtime", "Java 21"), List.of("--runtime")),
                Arguments.of(List.of("--conflict-retries", "-1"), List.of("--conflict-retries")),
                Arguments.of(List.of("--on-foreign-change", "ignore"), List.of("--on-foreign-change")),
                Arguments.of(List.of("--lock", "none", "--lock-dir", "locks"), List.of("--lock-dir")),
                Arguments.of(List.of("--lock", "sometimes"), List.of("--lock")),
                Arguments.of(List.of("--lock-dir", "ZIP"), List.of("--lock-dir")),
                Arguments.of(List.of("--region", "moon-base-1a"), List.of("--region")));
    }

    @ParameterizedTest
    @MethodSource("invalidInput")
    void invalidInputExitsTwoNamingTheParameterWithoutCallingAws(List<String> options, List<String> named) {
        List<String> args = new ArrayList<>(List.of("--function", function));
        options.forEach(o -> args.add(o.equals("ZIP") ? zip.toString() : o));

        CliHarness.Run run = cli.run(deploy(args.toArray(String[]::new)));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains(named).doesNotContain("\tat ");
        assertThat(simulator.stats().totalCalls()).isZero();
        assertThat(simulator.function(function).orElseThrow().codeSha256())
                .isEqualTo(DemoZip.of("original").codeSha256());
    }

    @Test
    void malformedFunctionNameExitsTwoWithoutCallingAws() {
        CliHarness.Run run = cli.run(deploy("--function", "not a function!", "--zip", zip.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--function");
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    @Test
    void missingRegionExitsTwoNamingRegionWithoutCallingAws() {
        CliHarness noRegion = new CliHarness(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "example-secret"), tmp.resolve("home"));

        CliHarness.Run run = noRegion.run(deploy("--function", function, "--zip", zip.toString()));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--region");
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    @Test
    void malformedEndpointExitsTwoNamingIt() {
        CliHarness.Run run = cli.run("deploy", "--function", function, "--endpoint-url", "not a url");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--endpoint-url");
    }

    @Test
    void regionComesFromAFullArnWhenNotGivenOtherwise() {
        CliHarness noRegion = new CliHarness(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "example-secret"), tmp.resolve("home"));

        CliHarness.Run run = noRegion.run(deploy("--function",
                "arn:aws:lambda:us-east-1:123456789012:function:" + function, "--zip", zip.toString()));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(simulator.function(function).orElseThrow().codeSha256()).isEqualTo(code.codeSha256());
    }

    @Test
    void unknownFunctionExitsThree() {
        CliHarness.Run run = cli.run(deploy("--function", "no-such-function", "--zip", zip.toString()));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("not found").contains("no-such-function").doesNotContain("\tat ");
    }

    @Test
    void updateThatEndsFailedExitsOneAndReportsTheReason() {
        simulator.faults().failNextUpdate(function, "InvalidConfiguration", "The handler does not exist");

        CliHarness.Run run = cli.run(deploy("--function", function, "--zip", zip.toString()));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).contains("UPDATE_FAILED").contains("InvalidConfiguration").doesNotContain("\tat ");
        assertThat(run.out()).contains("Lock released");
        assertThat(simulator.function(function).orElseThrow().lastUpdateStatus()).isEqualTo("Failed");
    }

    @Test
    void jsonOutputIsExactlyTheResultAndEventsStreamAsJsonLinesOnRequest() {
        CliHarness.Run run = cli.run(deploy("--function", function, "--zip", zip.toString(), "--env", "A=b",
                "--publish", "--json", "--json-events"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        JsonNode result = run.result();
        assertThat(result.path("type").asText()).isEqualTo("result");
        assertThat(result.path("outcome").asText()).isEqualTo("succeeded");
        assertThat(result.path("exitCode").asInt()).isZero();
        assertThat(result.path("functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + function);
        assertThat(result.path("codeSha256").asText()).isEqualTo(code.codeSha256());
        assertThat(result.path("version").asText()).isEqualTo("1");
        assertThat(result.path("apiCalls").path("UpdateFunctionCode").asInt()).isEqualTo(1);
        assertThat(result.path("durations").isObject()).isTrue();

        List<JsonNode> events = run.eventLines();
        assertThat(events).extracting(l -> l.path("type").asText())
                .containsSubsequence("resolved", "lock-acquired", "submitted", "confirmed", "published", "verified",
                        "lock-released");
        JsonNode acquired = events.stream().filter(l -> l.path("type").asText().equals("lock-acquired")).findFirst()
                .orElseThrow();
        assertThat(acquired.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(acquired.path("waitedMillis").isNumber()).isTrue();
    }

    @Test
    void jsonEventLinesCarryTypedFieldsNotProse() {
        CliHarness.Run first = cli.run(deploy("--function", function, "--zip", zip.toString(), "--env", "A=b",
                "--memory", "256", "--publish", "--alias", "live", "--json", "--json-events"));
        assertThat(first.exitCode()).as(first.all()).isZero();

        List<JsonNode> submitted = first.eventLines().stream()
                .filter(l -> l.path("type").asText().equals("submitted")).toList();
        assertThat(submitted).extracting(l -> l.path("phase").asText())
                .containsExactly("CODE", "CONFIGURATION", "PUBLISH", "ALIAS");
        assertThat(submitted.get(0).path("code").path("source").asText()).isEqualTo("ZIP_FILE");
        assertThat(submitted.get(0).path("codeSha256").asText()).isEqualTo(code.codeSha256());
        assertThat(submitted.get(1).path("settings")).extracting(JsonNode::asText)
                .containsExactly("ENVIRONMENT", "MEMORY_SIZE");
        assertThat(submitted.get(2).path("codeSha256").asText()).isEqualTo(code.codeSha256());
        assertThat(submitted.get(3).path("alias").asText()).isEqualTo("live");
        assertThat(submitted.get(3).path("fromVersion").isNull()).as("created").isTrue();
        assertThat(submitted.get(3).path("toVersion").asText()).isEqualTo("1");
        assertThat(submitted).allSatisfy(l -> assertThat(l.has("what")).as("no prose").isFalse());

        CliHarness.Run again = cli.run(deploy("--function", function, "--zip", zip.toString(), "--env", "A=b",
                "--memory", "256", "--json", "--json-events"));
        assertThat(again.exitCode()).as(again.all()).isZero();
        List<JsonNode> skipped = again.eventLines().stream()
                .filter(l -> l.path("type").asText().equals("skipped")).toList();
        assertThat(skipped).extracting(l -> l.path("phase").asText() + " " + l.path("reason").asText())
                .containsExactly("CODE CODE_UNCHANGED", "CONFIGURATION CONFIGURATION_UNCHANGED",
                        "PUBLISH NOT_REQUESTED", "ALIAS NOT_REQUESTED");
        assertThat(skipped.get(0).path("codeSha256").asText()).isEqualTo(code.codeSha256());
    }

    @Test
    void withJsonTheProgressGoesToStandardErrorAndStandardOutputHoldsOnlyTheResult() {
        CliHarness.Run run = cli.run(deploy("--function", function, "--memory", "512", "--json"));

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.result().path("outcome").asText()).isEqualTo("succeeded");
        assertThat(run.err()).contains("Lock acquired").contains("Verified code and configuration");
    }

    @Test
    void jsonOutputOfAFailureIsTheFailedResult() {
        simulator.faults().failNextUpdate(function, "InvalidConfiguration", "The handler does not exist");

        CliHarness.Run run = cli.run(deploy("--function", function, "--zip", zip.toString(), "--json"));

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode result = run.result();
        assertThat(result.path("type").asText()).isEqualTo("result");
        assertThat(result.path("outcome").asText()).isEqualTo("failed");
        assertThat(result.path("failure").asText()).isEqualTo("UPDATE_FAILED");
        assertThat(result.path("exitCode").asInt()).isEqualTo(1);
        assertThat(result.path("stateLeft").path("lastUpdateStatus").asText()).isEqualTo("Failed");
        assertThat(run.err()).contains("UPDATE_FAILED");
    }

    @Test
    void jsonOutputOfInvalidInputNamesTheParameter() {
        CliHarness.Run run = cli.run(deploy("--function", function, "--memory", "64", "--json"));

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode result = run.result();
        assertThat(result.path("outcome").asText()).isEqualTo("failed");
        assertThat(result.path("failure").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(result.path("parameter").asText()).isEqualTo("--memory");
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    /**
     * Every way a run can fail before or outside the engine still gives a script its result object: a bad option
     * value, an unknown option, a lock file that cannot be used, a broken profile.
     */
    @Test
    void everyFailureUnderJsonPrintsExactlyOneResultObject() throws Exception {
        java.nio.file.Path lockDir = java.nio.file.Files.createDirectories(tmp.resolve("hostile-locks"));
        String arn = "arn:aws:lambda:us-east-1:123456789012:function:" + function;
        java.nio.file.Files.createSymbolicLink(new io.jenkins.plugins.safelambdaupdate.internal.lock
                .FileLockProvider(lockDir).lockFile(arn), tmp.resolve("target"));
        List<List<String>> failures = List.of(
                List.of("--memory", "lots"),
                List.of("--no-such-option"),
                List.of("--memory", "512", "--lock-dir", lockDir.toString()));
        for (List<String> extra : failures) {
            List<String> args = new java.util.ArrayList<>(List.of("--function", function));
            args.addAll(extra);
            args.add("--json");
            CliHarness.Run run = cli.run(deploy(args.toArray(String[]::new)));
            JsonNode result = run.result();
            assertThat(result.path("outcome").asText()).as(run.all()).isEqualTo("failed");
            assertThat(result.path("exitCode").asInt()).isEqualTo(run.exitCode()).isNotZero();
        }
    }
}

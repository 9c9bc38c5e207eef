package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The real AWS CLI (Debian package {@code awscli}) against the simulator. Without the CLI the test is
 * skipped on a developer machine, and fails on CI (environment variable {@code CI} set), which installs it.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own simulator, clock and directory
class AwsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:cli-fn";
    private static Path aws;

    private final MutableClock clock = new MutableClock();
    private LambdaSimulator simulator;
    @TempDir
    Path dir;

    @BeforeAll
    static void findAwsCli() {
        aws = locate();
        if (aws == null && System.getenv("CI") != null) {
            fail("the AWS CLI (aws) is not installed; CI must install the Debian package awscli");
        }
        assumeTrue(aws != null, "the AWS CLI (aws) is not installed");
    }

    @BeforeEach
    void start() {
        simulator = LambdaSimulator.builder().clock(clock).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void createReadUpdateWaitAndConflictThroughTheCli() throws Exception {
        Path v1 = write("v1.zip", TestZips.zip("print('v1')"));
        Path v2 = write("v2.zip", TestZips.zip("print('v2')"));

        Result created = aws("lambda", "create-function", "--function-name", "cli-fn", "--runtime", "python3.12",
                "--role", SdkClients.ROLE, "--handler", "index.handler", "--zip-file", "fileb://" + v1);
        JsonNode function = created.json();
        assertThat(function.get("FunctionArn").asText()).isEqualTo(ARN);
        assertThat(function.get("State").asText()).isEqualTo("Pending");
        assertThat(function.get("CodeSha256").asText()).isEqualTo(TestZips.sha256(Files.readAllBytes(v1)));

        Result whilePending = aws("lambda", "update-function-code", "--function-name", "cli-fn",
                "--zip-file", "fileb://" + v2);
        assertThat(whilePending.exitCode).isNotZero();
        assertThat(whilePending.stderr).contains("ResourceConflictException")
                .contains("is currently in the following state: 'Pending'");

        clock.advance(LambdaSimulator.DEFAULT_CREATE_DELAY);
        Result read = aws("lambda", "get-function-configuration", "--function-name", "cli-fn");
        assertThat(read.json().get("State").asText()).isEqualTo("Active");

        Result updated = aws("lambda", "update-function-code", "--function-name", ARN, "--zip-file", "fileb://" + v2);
        assertThat(updated.json().get("LastUpdateStatus").asText()).isEqualTo("InProgress");

        Result conflict = aws("lambda", "update-function-code", "--function-name", "cli-fn",
                "--zip-file", "fileb://" + v1);
        assertThat(conflict.exitCode).isNotZero();
        assertThat(conflict.stderr).contains("ResourceConflictException")
                .contains("An update is in progress for resource: " + ARN);

        // The CLI's waiter polls GetFunction every second; let it see InProgress before the update ends.
        Running waiting = start("lambda", "wait", "function-updated-v2", "--function-name", "cli-fn");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (simulator.stats().calls("GetFunction") < 1 && System.nanoTime() < deadline
                && waiting.process().isAlive()) {
            Thread.sleep(20);
        }
        assertThat(waiting.process().isAlive()).as("the waiter keeps waiting while the update is InProgress")
                .isTrue();
        clock.advance(LambdaSimulator.DEFAULT_UPDATE_DELAY);
        Result waited = waiting.finish();
        assertThat(waited.exitCode).as(waited.stderr).isZero();
        assertThat(simulator.stats().calls("GetFunction")).isGreaterThanOrEqualTo(2);

        FunctionSnapshot settled = simulator.function("cli-fn").orElseThrow();
        assertThat(settled.lastUpdateStatus()).isEqualTo("Successful");
        assertThat(settled.codeSha256()).isEqualTo(TestZips.sha256(Files.readAllBytes(v2)));
    }

    /**
     * The facts of issue #12 as the CLI sees them. Sources, as in the SDK tests: responses recorded against AWS in
     * localstack's tests/aws/services/lambda_/test_lambda_api.snapshot.json, botocore's Lambda service model, the
     * AWS documentation on environment variables, and the refusal texts quoted in PublishedVersionsAndRefusalsTest.
     */
    @Test
    void listsAliasesAndPublishedVersionsBehaveAsOnAwsThroughTheCli() throws Exception {
        simulator.createFunction("cli-fn", TestZips.zip("print('v1')"));
        JsonNode published = aws("lambda", "publish-version", "--function-name", "cli-fn").json();
        assertThat(published.get("Version").asText()).isEqualTo("1");
        assertThat(published.get("TracingConfig").get("Mode").asText()).isEqualTo("PassThrough");
        assertThat(published.get("EphemeralStorage").get("Size").asInt()).isEqualTo(512);
        assertThat(published.get("SnapStart").get("ApplyOn").asText()).isEqualTo("None");

        JsonNode versions = aws("lambda", "list-versions-by-function", "--function-name", "cli-fn").json();
        assertThat(versions.get("Versions").get(0).get("FunctionArn").asText()).isEqualTo(ARN + ":$LATEST");
        assertThat(versions.get("Versions").get(1).get("FunctionArn").asText()).isEqualTo(ARN + ":1");
        assertThat(versions.get("Versions").get(0).has("State")).isFalse();
        assertThat(versions.get("Versions").get(0).has("LastUpdateStatus")).isFalse();

        aws("lambda", "create-alias", "--function-name", "cli-fn", "--name", "live", "--function-version", "1").json();
        aws("lambda", "create-alias", "--function-name", "cli-fn", "--name", "beta", "--function-version", "$LATEST")
                .json();
        JsonNode onVersion1 = aws("lambda", "list-aliases", "--function-name", "cli-fn", "--function-version", "1")
                .json();
        assertThat(onVersion1.get("Aliases")).hasSize(1);
        assertThat(onVersion1.get("Aliases").get(0).get("Name").asText()).isEqualTo("live");
        Result deleted = aws("lambda", "delete-alias", "--function-name", "cli-fn", "--name", "beta");
        assertThat(deleted.exitCode).as(deleted.stderr).isZero();
        assertThat(aws("lambda", "list-aliases", "--function-name", "cli-fn").json().get("Aliases")).hasSize(1);
        assertThat(aws("lambda", "list-functions").json().get("Functions").get(0).get("FunctionArn").asText())
                .isEqualTo(ARN);

        Result onVersion = aws("lambda", "update-function-configuration", "--function-name", ARN + ":1",
                "--timeout", "9");
        assertThat(onVersion.exitCode).isNotZero();
        assertThat(onVersion.stderr).contains("InvalidParameterValueException")
                .contains("Current operation does not support versions other than $LATEST.");
        Result reserved = aws("lambda", "update-function-configuration", "--function-name", "cli-fn",
                "--environment", "Variables={AWS_REGION=eu-west-1}");
        assertThat(reserved.exitCode).isNotZero();
        assertThat(reserved.stderr).contains("InvalidParameterValueException")
                .contains("Reserved keys used in this request: AWS_REGION");
        Result missingAlias = aws("lambda", "update-alias", "--function-name", "cli-fn", "--name", "gone");
        assertThat(missingAlias.exitCode).isNotZero();
        assertThat(missingAlias.stderr).contains("ResourceNotFoundException").contains("Alias not found: " + ARN + ":gone");
        Result noSuchVersion = aws("lambda", "delete-function", "--function-name", "cli-fn", "--qualifier", "99");
        assertThat(noSuchVersion.exitCode).as(noSuchVersion.stderr).isZero();
        assertThat(simulator.function("cli-fn").orElseThrow().latest().timeout()).isEqualTo(3);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Result aws(String... args) throws IOException, InterruptedException {
        return start(args).finish();
    }

    private Running start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(aws.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", simulator.endpoint().toString(), "--output", "json"));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        // Keep the user's own profiles out of the test.
        env.put("AWS_CONFIG_FILE", dir.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString());
        env.remove("AWS_PROFILE");
        env.remove("AWS_SESSION_TOKEN");
        return new Running(builder.start(), out, err);
    }

    /** A CLI process and the files its output goes to. */
    private record Running(Process process, Path out, Path err) {
        Result finish() throws IOException, InterruptedException {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the AWS CLI did not finish within " + TIMEOUT + ": " + Files.readString(err));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
    }

    private record Result(int exitCode, String stdout, String stderr) {
        /** @return stdout as JSON, after checking that the CLI succeeded and printed an object */
        JsonNode json() throws IOException {
            assertThat(exitCode).as("exit code; stderr: %s", stderr).isZero();
            JsonNode node = JSON.readTree(stdout);
            assertThat(node != null && node.isObject()).as("JSON object on stdout: '%s'; stderr: %s", stdout, stderr)
                    .isTrue();
            return node;
        }
    }

    /** @return the Debian CLI, else the first {@code aws} on the PATH, else null */
    private static Path locate() {
        Path debian = Path.of("/usr/bin/aws");
        if (Files.isExecutable(debian)) {
            return debian;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(entry, "aws");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}

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

/**
 * The real AWS CLI (Debian package {@code awscli}) against the simulator. Without the CLI the test is
 * skipped on a developer machine, and fails on CI (environment variable {@code CI} set), which installs it.
 */
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

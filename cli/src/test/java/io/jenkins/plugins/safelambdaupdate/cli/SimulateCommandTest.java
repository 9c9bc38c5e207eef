package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** {@code simulate} run in this JVM on a thread, driven with the real SDK, stopped by an interrupt. */
class SimulateCommandTest {
    private static final Pattern ENDPOINT = Pattern.compile("Lambda simulator listening at (http://\\S+)");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exitCode = new AtomicInteger(-1);
    private Thread running;

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null && running.isAlive()) {
            running.interrupt();
            running.join(10_000);
        }
    }

    @Test
    void servesTheSdkUntilInterruptedAndPrintsHowToReachIt() throws Exception {
        URI endpoint = start("--function", "orders", "--function", "billing", "--update-delay", "2m");

        assertThat(out.toString()).contains("  region us-east-1, account 123456789012")
                .contains("  delays: create 1s, update 2m, publish 500ms")
                .contains("  quotas: on (GetFunction 100 req/s, other calls 15 req/s; 429 beyond)")
                .contains("  functions (Active): orders, billing")
                .contains("  aws lambda get-function --function-name orders --endpoint-url " + endpoint
                        + " --region us-east-1");
        try (LambdaClient lambda = client(endpoint)) {
            GetFunctionConfigurationResponse orders = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
            assertThat(orders.state()).isEqualTo(State.ACTIVE);
            assertThat(lambda.getFunction(r -> r.functionName("billing")).configuration().handler())
                    .isEqualTo("index.handler");
            lambda.updateFunctionConfiguration(r -> r.functionName("orders").timeout(10));
            assertThatThrownBy(() -> lambda.updateFunctionConfiguration(r -> r.functionName("orders").timeout(11)))
                    .isInstanceOf(ResourceConflictException.class);
        }

        running.interrupt();
        running.join(10_000);

        assertThat(running.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
        assertThat(out.toString()).endsWith("Lambda simulator stopped." + System.lineSeparator());
        assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                .as("the server is closed").isInstanceOf(ConnectException.class);
    }

    @Test
    void faultFlagsReachTheSimulator() throws Exception {
        URI endpoint = start("--no-quotas", "--function", "orders", "--update-delay", "0",
                "--fail-next-update", "orders=InvalidConfiguration", "--region", "eu-west-1", "--seed", "3");

        assertThat(out.toString()).contains("  quotas: off").contains("failing next update {orders=InvalidConfiguration}");
        try (LambdaClient lambda = client(endpoint, Region.EU_WEST_1)) {
            lambda.updateFunctionCode(r -> r.functionName("orders")
                    .zipFile(SdkBytes.fromByteArray(SimulateCommand.tinyZip("v2"))));
            GetFunctionConfigurationResponse failed = lambda.getFunctionConfiguration(r -> r.functionName("orders"));
            assertThat(failed.lastUpdateStatus()).isEqualTo(LastUpdateStatus.FAILED);
            assertThat(failed.lastUpdateStatusReasonCodeAsString()).isEqualTo("InvalidConfiguration");
            assertThat(failed.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:orders");
        }
    }

    @Test
    void throttleRateOneThrottlesEveryCall() throws Exception {
        URI endpoint = start("--throttle-rate", "1", "--latency", "10ms..20ms");

        try (LambdaClient lambda = client(endpoint)) {
            assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("any")))
                    .isInstanceOf(TooManyRequestsException.class);
        }
    }

    @Test
    void badValuesAreUsageErrorsNamingTheFlag() {
        assertUsageError("Invalid --throttle-rate: probability must be between 0 and 1, was 2.0",
                "--throttle-rate", "2");
        assertUsageError("--create-delay': '***' is not a duration", "--create-delay", "5x"); // values are never echoed
        assertUsageError("Invalid --latency:", "--latency", "1s..2s..3s");
        assertUsageError("Invalid --region: not a region: moon", "--region", "moon");
        assertUsageError("Invalid --function:", "--function", "bad name!");
        assertUsageError("FUNCTION=REASONCODE", "--fail-next-update", "orders");
    }

    @Test
    void aPortInUseIsReportedInOneLine() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = execute("simulate", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).startsWith("Error: cannot start the Lambda simulator on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\tat ");
        }
    }

    @Test
    void theTopCommandAloneShowsUsage() {
        assertThat(execute()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: safe-lambda-update").contains("simulate");
        assertThat(execute("--version")).isZero();
        assertThat(out.toString()).startsWith("safe-lambda-update ");
    }

    private void assertUsageError(String message, String... simulateArgs) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] args = new String[simulateArgs.length + 3];
        args[0] = "simulate";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(simulateArgs, 0, args, 3, simulateArgs.length);

        assertThat(execute(args)).as(String.join(" ", simulateArgs)).isEqualTo(2);
        assertThat(err.toString()).as(String.join(" ", simulateArgs)).contains(message);
        assertThat(out.toString()).doesNotContain("listening at");
    }

    /** Starts {@code simulate --port 0 ARGS} on a thread and returns the endpoint it prints. */
    private URI start(String... simulateArgs) throws InterruptedException {
        String[] args = new String[simulateArgs.length + 3];
        args[0] = "simulate";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(simulateArgs, 0, args, 3, simulateArgs.length);
        running = new Thread(() -> exitCode.set(execute(args)), "simulate-command");
        running.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher printed = ENDPOINT.matcher(out.toString());
            if (printed.find() && out.toString().contains("Press Ctrl+C to stop.")) {
                return URI.create(printed.group(1));
            }
            assertThat(running.isAlive()).as("simulate stopped early: %s", err).isTrue();
            Thread.sleep(10);
        }
        throw new AssertionError("no endpoint printed; out: " + out + " err: " + err);
    }

    private int execute(String... args) {
        CommandLine commandLine = SafeLambdaUpdateCli.commandLine(CommandLine.defaultFactory());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static LambdaClient client(URI endpoint) {
        return client(endpoint, Region.US_EAST_1);
    }

    private static LambdaClient client(URI endpoint, Region region) {
        return LambdaClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }
}

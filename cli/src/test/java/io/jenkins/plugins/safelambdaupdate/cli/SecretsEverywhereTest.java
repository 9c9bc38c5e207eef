package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.AwsEnvironment;
import io.jenkins.plugins.safelambdaupdate.CodeSource;
import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.EventRenderer;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.LambdaClients;
import io.jenkins.plugins.safelambdaupdate.LockProviders;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.RequestParameters;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import io.jenkins.plugins.safelambdaupdate.testing.ShortSleeps;
import io.jenkins.plugins.safelambdaupdate.testing.SimulatorPriors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Recognisable secrets in the credentials (access key id, secret key, session token) and in environment variable
 * values, through the engine directly and through {@code deploy} with and without {@code --json}, on success and on
 * every failure path (throttling and 5xx, an update that ends Failed, invalid input, an interrupt, a deadline, a
 * foreign change, an unknown function): none appears in any log record (java.util.logging, the project's loggers at
 * every level), anything written to standard output or error, any event (its toString and its rendered line), any
 * result, or any exception (message, toString and full stack trace, causes included).
 */
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class SecretsEverywhereTest {
    private static final Duration UPDATE = Duration.ofMillis(100);
    private static final Duration PUBLISH = Duration.ofMillis(50);
    private static final String ACCESS_KEY = "AKIASECRETKEYID7Q3Z";
    private static final String SECRET_KEY = "SecretKey-d9f01b7e55";
    private static final String SESSION_TOKEN = "SessionToken-0aa4c3e2b9";
    private static final String PASSWORD = "DbPassword-61ce0f2a";
    private static final String API_TOKEN = "ApiToken-4b7d90e1c3";
    private static final List<String> SECRETS = List.of(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, PASSWORD, API_TOKEN);
    private static final Map<String, String> SECRET_ENVIRONMENT = Map.of("DB_PASSWORD", PASSWORD, "API_TOKEN",
            API_TOKEN);

    @TempDir
    Path tmp;

    private LambdaSimulator simulator;
    private Path zip;
    /** Everything a user or an operator could see, gathered as text. */
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final Handler logCapture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            seen.add("log: " + formatter.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger projectLogger = Logger.getLogger("io.jenkins.plugins.safelambdaupdate");
    private Level projectLevel;
    private PrintStream savedOut;
    private PrintStream savedErr;
    private final ByteArrayOutputStream processOutput = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        simulator = LambdaSimulator.builder().createDelay(Duration.ZERO).updateDelay(UPDATE)
                .publishDelay(PUBLISH).function("secret-fn", DemoZip.of("original").bytes()).start();
        zip = Files.write(tmp.resolve("f.zip"), DemoZip.of("new code").bytes());
        Logger.getLogger("").addHandler(logCapture);
        projectLevel = projectLogger.getLevel();
        projectLogger.setLevel(Level.ALL);
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(new Tee(processOutput, savedOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(processOutput, savedErr), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        Logger.getLogger("").removeHandler(logCapture);
        projectLogger.setLevel(projectLevel);
        simulator.close();
    }

    // ------------------------------------------------------------------------------------------------ the engine

    @Test
    void engineOnSuccessAndEveryFailurePath() throws Exception {
        try (LambdaClient client = LambdaClients.builder().region("us-east-1").endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)))
                .build()) {
            SafeLambdaDeployer deployer = SafeLambdaDeployer.builder().client(client)
                    .lockProvider(LockProviders.inProcess()).timeSource(ShortSleeps.FOR_SIMULATOR)
                    .learnedDurations(SimulatorPriors.of(tmp, UPDATE, PUBLISH)).build();
            DeploymentRequest base = DeploymentRequest.builder().functionName("secret-fn")
                    .code(CodeSource.zipFile(zip)).environment(SECRET_ENVIRONMENT).build();
            List<Object> outcomes = new ArrayList<>();

            // success, published and aliased
            outcomes.add(deploy(deployer, base.toBuilder().publish(true).alias("live").build(), null));
            // throttling and server errors: retried by the SDK and the engine
            simulator.faults().throttleRate(0.2).errorRate(0.1);
            outcomes.add(deploy(deployer, base.toBuilder().environment(Map.of("DB_PASSWORD", PASSWORD + "-2",
                    "API_TOKEN", API_TOKEN)).publish(true).build(), null));
            // every call fails with 500: the engine gives up
            simulator.faults().clear().errorRate(1.0);
            outcomes.add(deploy(deployer, base.toBuilder().conflictRetries(1).build(), null));
            simulator.faults().clear();
            // an update that ends Failed
            simulator.faults().failNextUpdate("secret-fn", "InvalidConfiguration", "Bad configuration");
            outcomes.add(deploy(deployer, base.toBuilder().environment(Map.of("DB_PASSWORD", PASSWORD + "-3"))
                    .build(), null));
            // invalid input carrying the secrets
            outcomes.add(deploy(deployer, base.toBuilder().environment(Map.of("AWS_SECRET_ACCESS_KEY", SECRET_KEY))
                    .build(), null));
            outcomes.add(deploy(deployer, base.toBuilder().environment(Map.of("9" + "LIVES", PASSWORD)).build(), null));
            outcomes.add(deploy(deployer, base.toBuilder().environment(Map.of("BIG", PASSWORD.repeat(300))).build(),
                    null));
            outcomes.add(capture(() -> RequestParameters.environment(List.of("A=b", API_TOKEN))));
            outcomes.add(capture(() -> RequestParameters.endpointUrl("https://user:" + SESSION_TOKEN + "@host/")));
            // an unknown function
            outcomes.add(deploy(deployer, base.toBuilder().functionName("no-such-fn").build(), null));
            // a foreign change while the policy is FAIL: the outside writer sets a secret of its own
            outcomes.add(deploy(deployer, base.toBuilder().code(newZip("foreign"))
                    .environment(Map.of("DB_PASSWORD", PASSWORD + "-4")).memorySize(512).onForeignChange(ForeignChangePolicy.FAIL).build(), event -> {
                        if (event instanceof DeploymentEvent.Confirmed c && c.phase() == Phase.CODE) {
                            outsideWrite();
                        }
                    }));
            // an interrupt as our code update is submitted: set on the deploying thread itself, so it cannot miss
            outcomes.add(deploy(deployer, base.toBuilder().code(newZip("interrupted"))
                    .environment(Map.of("DB_PASSWORD", PASSWORD + "-5")).build(), interruptWhenSubmitted()));
            Thread.interrupted(); // cleared, whatever the engine left, before the next deployment
            // a deadline that passes while waiting for the lock another deployment holds (LOCK_TIMEOUT)
            CountDownLatch held = new CountDownLatch(1);
            CompletableFuture<Object> holder = CompletableFuture.supplyAsync(() -> deploy(deployer, base.toBuilder()
                    .environment(Map.of("DB_PASSWORD", PASSWORD + "-6")).build(), slowListener(held)));
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the holder took the lock").isTrue();
            outcomes.add(deploy(deployer, base.toBuilder().environment(Map.of("DB_PASSWORD", PASSWORD + "-7"))
                    .deadline(Duration.ofMillis(300)).build(), null));
            outcomes.add(holder.get(30, TimeUnit.SECONDS));
            seen.add(AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                    "AWS_SESSION_TOKEN", SESSION_TOKEN)).toString());

            assertThat(outcomes).hasOnlyElementsOfTypes(DeploymentResult.class, DeploymentException.class);
            assertThat(outcomes).filteredOn(DeploymentException.class::isInstance)
                    .extracting(e -> ((DeploymentException) e).failure())
                    .contains(FailureKind.INVALID_REQUEST, FailureKind.UPDATE_FAILED, FailureKind.FUNCTION_NOT_FOUND,
                            FailureKind.INTERRUPTED, FailureKind.FOREIGN_CHANGE, FailureKind.LOCK_TIMEOUT,
                            FailureKind.AWS_ERROR);
            assertThat(outcomes).filteredOn(DeploymentResult.class::isInstance).isNotEmpty();
        }
        assertTheSecretsReachedLambda();
        assertNothingSeenHoldsASecret();
    }

    // ------------------------------------------------------------------------------------------------ the CLI

    @Test
    void commandLineOnSuccessAndEveryFailurePathWithAndWithoutJson() throws Exception {
        CliHarness cli = new CliHarness(Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                "AWS_SESSION_TOKEN", SESSION_TOKEN, "AWS_REGION", "us-east-1"), tmp.resolve("home"))
                .knowing(UPDATE, PUBLISH);
        List<CliHarness.Run> runs = new ArrayList<>();
        for (String json : List.of("--no-json", "--json")) {
            runs.add(cli.run(deploy(json, "--publish", "--alias", "live")));
            simulator.faults().throttleRate(0.2).errorRate(0.1);
            runs.add(cli.run(deploy(json, "--env", "DB_PASSWORD=" + PASSWORD + "-t")));
            simulator.faults().clear().errorRate(1.0);
            runs.add(cli.run(deploy(json, "--conflict-retries", "1", "--env", "DB_PASSWORD=" + PASSWORD + "-e")));
            simulator.faults().clear();
            simulator.faults().failNextUpdate("secret-fn", "InvalidConfiguration", "Bad configuration");
            runs.add(cli.run(deploy(json, "--env", "DB_PASSWORD=" + PASSWORD + "-f")));
            runs.add(cli.run(deploy(json, "--env", "AWS_SESSION_TOKEN=" + SESSION_TOKEN)));
            runs.add(cli.run(deploy(json, "--env", API_TOKEN)));
            runs.add(cli.run(deploy(json, "--endpoint-url", "http://key:" + SECRET_KEY + "@127.0.0.1:9/")));
            runs.add(cli.run(deploy(json, "--function", "no-such-fn")));
            runs.add(interruptedRun(cli, json));
        }
        for (CliHarness.Run run : runs) {
            seen.add("stdout: " + run.out());
            seen.add("stderr: " + run.err());
        }
        assertThat(runs).extracting(CliHarness.Run::exitCode).contains(0, 1, 2, 3, 4);
        assertTheSecretsReachedLambda();
        assertNothingSeenHoldsASecret();
    }

    /**
     * A command line that cannot be parsed: a mistyped option followed by its secret value, an unquoted value with a
     * space, a value attached to an unknown option, a secret where a number belongs. Each is refused with exit 2,
     * names the option, and repeats no value, in text and {@code --json} modes, for every command.
     */
    @Test
    void usageErrorsNeverEchoAValue() {
        CliHarness cli = new CliHarness(Map.of("AWS_REGION", "us-east-1"), tmp.resolve("home"));
        List<List<String>> mistakes = List.of(
                List.of("--evn", "DB_PASSWORD=" + PASSWORD),
                List.of("--env", "DB_PASSWORD=" + PASSWORD.substring(0, 6), PASSWORD.substring(6)),
                List.of("--evn=DB_PASSWORD=" + PASSWORD),
                List.of("--memory", PASSWORD),
                List.of("--deadline", API_TOKEN));
        for (String command : List.of("deploy", "status", "wait")) {
            for (List<String> mistake : mistakes) {
                for (boolean json : List.of(false, true)) {
                    List<String> args = new ArrayList<>(List.of(command, "--function", "secret-fn"));
                    args.addAll(mistake);
                    if (json) {
                        args.add("--json");
                    }
                    CliHarness.Run run = cli.run(args.toArray(String[]::new));
                    seen.add("stdout: " + run.out());
                    seen.add("stderr: " + run.err());
                    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
                    assertThat(run.err()).as(String.join(" ", args)).contains("Try 'safe-lambda-update " + command
                            + " --help'").doesNotContain("Usage:");
                    if (json) {
                        assertThat(run.jsonLines()).as(run.all()).hasSize(1);
                        assertThat(run.jsonLines().get(0).path("exitCode").asInt()).isEqualTo(2);
                    }
                }
            }
        }
        assertNothingSeenHoldsASecret();
    }

    // ------------------------------------------------------------------------------------------------ a merged environment

    /**
     * The function already has a large secret variable and the deployment merges another: each fits alone, together
     * they exceed Lambda's 4 KB, and AWS's refusal would quote every value. Refused before UpdateFunctionConfiguration,
     * through the engine and through {@code deploy} with and without {@code --json}.
     */
    @Test
    void aMergedEnvironmentOverTheLimitIsRefusedWithoutQuotingAValue() throws Exception {
        try (LambdaClient client = LambdaClients.builder().region("us-east-1").endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)))
                .build()) {
            client.updateFunctionConfiguration(b -> b.functionName("secret-fn")
                    .environment(e -> e.variables(Map.of("BIG_PASSWORD", PASSWORD.repeat(130)))));
            try (LambdaWaiter waiter = LambdaWaiter.builder().client(client).build()) {
                waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("secret-fn"));
            }
            long updates = simulator.stats().calls("UpdateFunctionConfiguration");
            SafeLambdaDeployer deployer = SafeLambdaDeployer.builder().client(client)
                    .lockProvider(LockProviders.inProcess()).build();

            Object outcome = deploy(deployer, DeploymentRequest.builder().functionName("secret-fn")
                    .environment(Map.of("BIG_TOKEN", API_TOKEN.repeat(100))).build(), null);

            assertThat(outcome).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> assertThat(e.parameter().engineName()).isEqualTo("environment"));
            CliHarness cli = new CliHarness(Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                    "AWS_SESSION_TOKEN", SESSION_TOKEN, "AWS_REGION", "us-east-1"), tmp.resolve("home"));
            for (String json : List.of("--no-json", "--json")) {
                CliHarness.Run run = cli.run(deploy(json, "--env", "BIG_TOKEN=" + API_TOKEN.repeat(100)));
                seen.add("stdout: " + run.out());
                seen.add("stderr: " + run.err());
                assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
                assertThat(run.all()).contains("--env");
            }
            assertThat(simulator.stats().calls("UpdateFunctionConfiguration")).isEqualTo(updates);
        }
        assertThat(simulator.function("secret-fn").orElseThrow().latest().environment())
                .containsOnlyKeys("BIG_PASSWORD");
        assertTheSecretsReachedLambda();
        assertNothingSeenHoldsASecret();
    }

    /** Runs deploy on a thread of its own and interrupts it while it waits for its code update. */
    private CliHarness.Run interruptedRun(CliHarness cli, String json) throws Exception {
        try (LambdaSimulator slow = LambdaSimulator.builder().createDelay(Duration.ZERO)
                .updateDelay(Duration.ofMinutes(5)).function("slow-fn", DemoZip.of("original").bytes()).start()) {
            CompletableFuture<CliHarness.Run> run = new CompletableFuture<>();
            List<String> args = new ArrayList<>(List.of("deploy", "--function", "slow-fn", "--zip", zip.toString(),
                    "--env", "DB_PASSWORD=" + PASSWORD, "--endpoint-url", slow.endpoint().toString(), "--lock-dir",
                    tmp.resolve("locks").toString()));
            if (json.equals("--json")) {
                args.add(json);
            }
            Thread worker = new Thread(() -> run.complete(cli.run(args.toArray(String[]::new))));
            worker.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!"InProgress".equals(slow.function("slow-fn").orElseThrow().lastUpdateStatus())
                    && System.nanoTime() < until) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            TimeUnit.MILLISECONDS.sleep(200);
            worker.interrupt();
            CliHarness.Run result = run.get(30, TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
            return result;
        }
    }

    private String[] deploy(String json, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--function", "secret-fn", "--endpoint-url",
                simulator.endpoint().toString(), "--zip", zip.toString(), "--env", "DB_PASSWORD=" + PASSWORD,
                "--env", "API_TOKEN=" + API_TOKEN, "--lock-dir", tmp.resolve("locks").toString()));
        List<String> more = new ArrayList<>(List.of(extra));
        int function = more.indexOf("--function");
        if (function >= 0) {
            args.set(2, more.get(function + 1));
            more.subList(function, function + 2).clear();
        }
        int endpoint = more.indexOf("--endpoint-url");
        if (endpoint >= 0) {
            args.set(4, more.get(endpoint + 1));
            more.subList(endpoint, endpoint + 2).clear();
        }
        args.addAll(more);
        if (json.equals("--json")) {
            args.add(json);
        }
        return args.toArray(String[]::new);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Deploys, recording every event (toString and rendered), the result or the exception. */
    private Object deploy(SafeLambdaDeployer deployer, DeploymentRequest request, Consumer<DeploymentEvent> also) {
        EventRenderer renderer = new EventRenderer();
        seen.add("request: " + request);
        try {
            DeploymentResult result = deployer.deploy(request, event -> {
                seen.add("event: " + event);
                seen.add("rendered: " + renderer.render(event));
                if (also != null) {
                    also.accept(event);
                }
            });
            seen.add("result: " + result + " " + result.toMap());
            return result;
        } catch (DeploymentException e) {
            seen.add(describe(e));
            e.stateLeft().ifPresent(s -> seen.add("stateLeft: " + s + " " + s.describe()));
            return e;
        }
    }

    private CodeSource newZip(String label) {
        try {
            return CodeSource.zipFile(Files.write(tmp.resolve(label + ".zip"), DemoZip.of(label).bytes()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Object capture(Runnable parse) {
        try {
            parse.run();
            return null;
        } catch (DeploymentException e) {
            seen.add(describe(e));
            return e;
        }
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return "exception: " + e.getMessage() + " | " + e + " | " + trace;
    }

    /** Interrupts the deploying thread (listeners run on it) when the code update is submitted. */
    private static Consumer<DeploymentEvent> interruptWhenSubmitted() {
        return event -> {
            if (event instanceof DeploymentEvent.Submitted s && s.phase() == Phase.CODE) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Holds the lock a while: counts down {@code held} and sleeps on the event saying the lock is taken. */
    private static Consumer<DeploymentEvent> slowListener(CountDownLatch held) {
        return event -> {
            if (event instanceof DeploymentEvent.LockAcquired) {
                held.countDown();
                try {
                    TimeUnit.MILLISECONDS.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    /** Another writer, outside the lock, sets a secret variable of its own and waits until its change settled. */
    private void outsideWrite() {
        try (LambdaClient other = LambdaClients.builder().region("us-east-1").endpointOverride(simulator.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN))).build()) {
            Map<String, String> variables = new LinkedHashMap<>(SECRET_ENVIRONMENT);
            variables.put("OTHER_SECRET", API_TOKEN + "-outside");
            other.updateFunctionConfiguration(b -> b.functionName("secret-fn").memorySize(1024)
                    .environment(e -> e.variables(variables)));
            // Settled before we go on, so that our next update is refused with 412 (a stale RevisionId).
            try (LambdaWaiter waiter = LambdaWaiter.builder().client(other).build()) {
                waiter.waitUntilFunctionUpdatedV2(b -> b.functionName("secret-fn"));
            }
        }
    }

    private void assertTheSecretsReachedLambda() {
        // The values did reach Lambda, so the checks below would see them if anything echoed them.
        assertThat(simulator.function("secret-fn").orElseThrow().latest().environment().values())
                .anySatisfy(v -> assertThat(v).startsWith(PASSWORD));
    }

    private void assertNothingSeenHoldsASecret() {
        System.out.flush();
        System.err.flush();
        seen.add("process output: " + processOutput.toString(StandardCharsets.UTF_8));
        assertThat(seen).isNotEmpty();
        List<String> all;
        synchronized (seen) {
            all = List.copyOf(seen);
        }
        for (String text : all) {
            for (String secret : SECRETS) {
                assertThat(text).as("a secret in: %s", text).doesNotContain(secret);
            }
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        Tee(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}

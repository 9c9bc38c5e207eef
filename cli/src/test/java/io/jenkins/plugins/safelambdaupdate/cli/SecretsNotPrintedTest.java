package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials and environment variable values never reach standard output or error: not in human output, not in
 * JSON, not on success, failure or invalid input.
 */
class SecretsNotPrintedTest {
    private static final String SECRET_KEY = "SecretAccessKey-7f3a9c0d1e";
    private static final String SESSION_TOKEN = "SessionToken-5b2e11aa90";
    private static final String PASSWORD = "hunter2-DbPassword-91c4";
    private static final String API_TOKEN = "ApiToken-22d8e6f1";
    private static final List<String> SECRETS = List.of(SECRET_KEY, SESSION_TOKEN, PASSWORD, API_TOKEN);

    @TempDir
    Path tmp;

    private LambdaSimulator simulator;
    private CliHarness cli;
    private Path zip;

    @BeforeEach
    void setUp() throws IOException {
        simulator = LambdaSimulator.builder().createDelay(Duration.ZERO).updateDelay(Duration.ofMillis(100))
                .publishDelay(Duration.ofMillis(50)).function("secret-fn", DemoZip.of("original").bytes()).start();
        zip = Files.write(tmp.resolve("f.zip"), DemoZip.of("new").bytes());
        cli = new CliHarness(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", SECRET_KEY,
                "AWS_SESSION_TOKEN", SESSION_TOKEN, "AWS_REGION", "us-east-1"), tmp.resolve("home"));
    }

    @AfterEach
    void tearDown() {
        simulator.close();
    }

    private CliHarness.Run deploy(String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--function", "secret-fn", "--endpoint-url",
                simulator.endpoint().toString(), "--zip", zip.toString(), "--env", "DB_PASSWORD=" + PASSWORD,
                "--env", "API_TOKEN=" + API_TOKEN));
        args.addAll(List.of(extra));
        return cli.run(args.toArray(String[]::new));
    }

    private static void assertNoSecret(CliHarness.Run run) {
        for (String secret : SECRETS) {
            assertThat(run.out()).doesNotContain(secret);
            assertThat(run.err()).doesNotContain(secret);
        }
    }

    @Test
    void successInHumanAndJsonOutput() {
        CliHarness.Run human = deploy("--publish");
        CliHarness.Run json = deploy("--publish", "--json", "--env-mode", "replace");

        assertThat(human.exitCode()).as(human.all()).isZero();
        assertThat(json.exitCode()).as(json.all()).isZero();
        // The values did reach Lambda, so the test would see them if the CLI echoed them.
        assertThat(simulator.function("secret-fn").orElseThrow().latest().environment())
                .containsEntry("DB_PASSWORD", PASSWORD).containsEntry("API_TOKEN", API_TOKEN);
        assertNoSecret(human);
        assertNoSecret(json);
    }

    @Test
    void failedUpdateInHumanAndJsonOutput() {
        simulator.faults().failNextUpdate("secret-fn", "InvalidConfiguration", "Bad configuration");
        CliHarness.Run human = deploy();
        simulator.faults().failNextUpdate("secret-fn", "InvalidConfiguration", "Bad configuration");
        CliHarness.Run json = deploy("--json");

        assertThat(human.exitCode()).isEqualTo(1);
        assertThat(json.exitCode()).isEqualTo(1);
        assertNoSecret(human);
        assertNoSecret(json);
    }

    @Test
    void invalidInputMentioningTheVariables() {
        CliHarness.Run bare = deploy("--env", PASSWORD);
        CliHarness.Run badName = deploy("--env", "9LIVES=" + PASSWORD, "--json");
        CliHarness.Run tooLarge = deploy("--env", "BIG=" + PASSWORD.repeat(200));
        CliHarness.Run reserved = deploy("--env", "AWS_SECRET_ACCESS_KEY=" + SECRET_KEY);

        for (CliHarness.Run run : List.of(bare, badName, tooLarge, reserved)) {
            assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
            assertThat(run.err()).contains("--env");
            assertNoSecret(run);
        }
        assertThat(simulator.stats().totalCalls()).isZero();
    }

    @Test
    void unknownFunction() {
        CliHarness.Run run = cli.run("deploy", "--function", "nope", "--endpoint-url", simulator.endpoint().toString(),
                "--env", "DB_PASSWORD=" + PASSWORD, "--json");

        assertThat(run.exitCode()).isEqualTo(3);
        assertNoSecret(run);
    }
}

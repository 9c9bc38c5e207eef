package io.jenkins.plugins.safelambdaupdate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.simulator.LambdaSimulator;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed input across every {@code deploy} parameter, one row each (complementing the shorter table in
 * {@link DeployCommandTest} with other inputs): each exits 2 with a message naming the flag, in human and in JSON
 * mode, with no stack trace, and the simulator records no call at all. Values given in {@code --env} are recognisable
 * secrets and never echoed.
 */
class DeployBadInputTableTest {
    private static final String FUNCTION = "bad-input-fn";
    private static final String SECRET = "EnvSecretValue-a81f0c";
    /** The engine's camel-case parameter names (memorySize, zipFile ...): no message of the command line uses them. */
    private static final String[] ENGINE_NAMES = Arrays.stream(Parameter.values()).map(Parameter::engineName)
            .filter(name -> name.matches("[a-z0-9]+[A-Z][A-Za-z0-9]*")).toArray(String[]::new);
    private static final String LAYER = "arn:aws:lambda:us-east-1:123456789012:layer:shared:1";
    private static LambdaSimulator simulator;

    @TempDir
    Path tmp;

    private Map<String, Path> files;

    @BeforeAll
    static void startSimulator() {
        simulator = LambdaSimulator.builder().createDelay(Duration.ZERO).updateDelay(Duration.ofMillis(50))
                .function(FUNCTION, DemoZip.of("original").bytes()).start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void setUp() throws IOException {
        files = new HashMap<>();
        files.put("ZIP", Files.write(tmp.resolve("ok.zip"), DemoZip.of("new").bytes()));
        files.put("DIR", Files.createDirectories(tmp.resolve("a-directory.zip")));
        files.put("TEXT", Files.writeString(tmp.resolve("notes.zip"), "not a zip at all"));
        files.put("EMPTY", Files.write(tmp.resolve("empty.zip"), new byte[0]));
        files.put("MISSING", tmp.resolve("missing").resolve("gone.zip"));
        files.put("UNDER_FILE", files.get("TEXT").resolve("locks"));
        Path big = tmp.resolve("big.zip");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.write(new byte[] {'P', 'K', 3, 4});
            file.setLength(52_428_800L + 1); // sparse: one byte over the direct-upload limit
        }
        files.put("BIG", big);
        files.put("TRUNCATED", Files.write(tmp.resolve("truncated.zip"), new byte[] {'P', 'K', 3, 4, 20, 0, 0}));
        files.put("CLIMBING", zipWithEntry(tmp.resolve("climbing.zip"), "../../outside.py"));
        simulator.reset();
    }

    private static Path zipWithEntry(Path zip, String entry) throws java.io.IOException {
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry(entry));
            out.write(new byte[] {'x'});
            out.closeEntry();
        }
        return zip;
    }

    static Stream<Arguments> malformed() {
        List<Arguments> rows = new ArrayList<>();
        // function reference forms
        rows.add(row("empty function name", "--function", "--function", ""));
        rows.add(row("function name with a space", "--function", "--function", "my function"));
        rows.add(row("function name of 65 characters", "--function", "--function", "f".repeat(65)));
        rows.add(row("ARN of another service", "--function", "--function", "arn:aws:s3:::bucket"));
        rows.add(row("ARN with a short account", "--function", "--function",
                "arn:aws:lambda:us-east-1:1234:function:fn"));
        rows.add(row("empty qualifier", "--function", "--function", FUNCTION + ":"));
        rows.add(row("partial ARN of a layer", "--function", "--function", "123456789012:layer:fn"));
        // code sources
        rows.add(row("zip in a missing directory", "--zip", "--zip", "MISSING"));
        rows.add(row("zip that is a directory", "--zip", "--zip", "DIR"));
        rows.add(row("zip that is not a zip", "--zip", "--zip", "TEXT"));
        rows.add(row("empty zip file", "--zip", "--zip", "EMPTY"));
        rows.add(row("truncated zip", "--zip", "--zip", "TRUNCATED"));
        rows.add(row("zip entry climbing out with ..", "--zip", "--zip", "CLIMBING"));
        rows.add(row("S3 object version alone", "--s3-object-version", "--s3-object-version", "3"));
        rows.add(row("zip over 50 MiB", "--zip", "--zip", "BIG"));
        rows.add(row("zip, S3 and image together", "--zip", "--zip", "ZIP", "--s3-bucket", "bucket", "--s3-key",
                "k.zip", "--image-uri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"));
        // Code sources given together are refused under the first one given (the message names them all).
        rows.add(row("S3 and image together", "--s3-bucket", "--s3-bucket", "bucket", "--s3-key", "k.zip",
                "--image-uri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1"));
        rows.add(row("S3 bucket without key", "--s3-key", "--s3-bucket", "bucket"));
        rows.add(row("S3 bucket with capitals", "--s3-bucket", "--s3-bucket", "My_Bucket", "--s3-key", "k.zip"));
        rows.add(row("image outside ECR", "--image-uri", "--image-uri", "docker.io/library/app:1"));
        // environment
        rows.add(row("environment entry with an empty name", "--env", "--env", "=" + SECRET));
        rows.add(row("environment name with a dash", "--env", "--env", "MY-VAR=" + SECRET));
        rows.add(row("reserved AWS_REGION", "--env", "--env", "AWS_REGION=" + SECRET));
        rows.add(row("reserved _HANDLER", "--env", "--env", "_HANDLER=" + SECRET));
        rows.add(row("environment over 4 KB", "--env", "--env", "A=" + SECRET.repeat(200)));
        rows.add(row("unknown environment mode", "--env-mode", "--env-mode", "REPLACE", "--env", "A=" + SECRET));
        // numbers
        rows.add(row("memory below 128", "--memory", "--memory", "5"));
        rows.add(row("memory above 10240", "--memory", "--memory", "10241"));
        rows.add(row("negative memory", "--memory", "--memory", "-1"));
        rows.add(row("timeout above 900", "--timeout", "--timeout", "901"));
        rows.add(row("fractional timeout", "--timeout", "--timeout", "1.5"));
        rows.add(row("conflict retries above 100", "--conflict-retries", "--conflict-retries", "101"));
        // names and ARNs
        rows.add(row("blank handler", "--handler", "--handler", " "));
        rows.add(row("runtime with capitals", "--runtime", "--runtime", "Python3.12"));
        rows.add(row("description over 256 characters", "--description", "--description", "d".repeat(257)));
        rows.add(row("IAM user instead of a role", "--role", "--role", "arn:aws:iam::123456789012:user/bob"));
        rows.add(row("layer ARN without version", "--layer", "--layer",
                "arn:aws:lambda:us-east-1:123456789012:layer:shared"));
        List<String> sixLayers = new ArrayList<>();
        Collections.nCopies(6, LAYER).forEach(l -> {
            sixLayers.add("--layer");
            sixLayers.add(l);
        });
        rows.add(row("six layers", "--layer", sixLayers.toArray(String[]::new)));
        rows.add(row("alias of digits only", "--alias", "--publish", "--alias", "42"));
        rows.add(row("alias with a slash", "--alias", "--publish", "--alias", "live/blue"));
        rows.add(row("unknown foreign-change policy", "--on-foreign-change", "--on-foreign-change", "FAIL"));
        // limits of the deployment itself
        rows.add(row("zero deadline", "--deadline", "--deadline", "0"));
        rows.add(row("deadline of two days", "--deadline", "--deadline", "48h"));
        rows.add(row("negative deadline", "--deadline", "--deadline", "-5s"));
        rows.add(row("deadline without unit", "--deadline", "--deadline", "90"));
        // where and how to connect
        rows.add(row("endpoint without scheme", "--endpoint-url", "--endpoint-url", "localhost:4566"));
        rows.add(row("endpoint with ftp scheme", "--endpoint-url", "--endpoint-url", "ftp://127.0.0.1/"));
        rows.add(row("endpoint with a password", "--endpoint-url", "--endpoint-url",
                "http://user:" + SECRET + "@127.0.0.1:1/"));
        rows.add(row("blank region", "--region", "--region", " "));
        rows.add(row("region in capitals", "--region", "--region", "US-EAST-1"));
        rows.add(row("blank profile", "--profile", "--profile", " "));
        // the lock
        rows.add(row("unknown lock kind", "--lock", "--lock", "File"));
        rows.add(row("blank lock directory", "--lock-dir", "--lock-dir", " "));
        rows.add(row("lock directory under a file", "--lock-dir", "--lock-dir", "UNDER_FILE"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void exitsTwoNamingTheFlagWithoutCallingAws(String description, String flag, List<String> options) {
        for (boolean json : new boolean[] {false, true}) {
            CliHarness.Run run = cli().run(arguments(options, json));

            assertThat(run.exitCode()).as("%s%s: %s", description, json ? " (--json)" : "", run.all()).isEqualTo(2);
            assertThat(run.err()).as(description).contains(flag).doesNotContain("\tat ");
            assertThat(run.all()).as(description).doesNotContain(SECRET).doesNotContain(ENGINE_NAMES);
            assertThat(simulator.stats().totalCalls()).as("%s: calls recorded by the simulator", description).isZero();
            assertThat(tmp.resolve("home")).as("%s: nothing written on this host (lock directory, learned durations)",
                    description).doesNotExist();
            if (json) {
                // Refused by the engine's validation or by the command line's parser: either way exactly one
                // result object, naming the flag.
                JsonNode result = run.result();
                assertThat(result.path("outcome").asText()).as(description).isEqualTo("failed");
                assertThat(result.path("failure").asText()).as(description).isEqualTo("INVALID_REQUEST");
                assertThat(result.path("parameter").asText()).as(description).isEqualTo(flag);
                assertThat(result.path("message").asText()).as(description).contains(flag);
                assertThat(result.path("exitCode").asInt()).as(description).isEqualTo(2);
            }
        }
    }

    static Stream<Arguments> malformedEnvironment() {
        return Stream.of(
                Arguments.of("AWS_ENDPOINT_URL", "not a url", "AWS_ENDPOINT_URL"),
                Arguments.of("AWS_ENDPOINT_URL", "http://user:" + SECRET + "@127.0.0.1:1/", "AWS_ENDPOINT_URL"),
                Arguments.of("AWS_REGION", "US-EAST-1", "--region"),
                Arguments.of("AWS_DEFAULT_REGION", "moon-base-1a", "--region"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("malformedEnvironment")
    void malformedAwsVariablesExitTwoNamingThemWithoutCallingAws(String variable, String value, String named) {
        Map<String, String> environment = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "example-secret"));
        if (!variable.endsWith("REGION")) {
            environment.put("AWS_REGION", "us-east-1");
        }
        environment.put(variable, value);
        List<String> args = new ArrayList<>(List.of("deploy", "--function", FUNCTION, "--zip",
                files.get("ZIP").toString()));
        if (!variable.equals("AWS_ENDPOINT_URL")) {
            args.addAll(List.of("--endpoint-url", simulator.endpoint().toString()));
        }

        CliHarness.Run run = new CliHarness(environment, tmp.resolve("home")).run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as("%s=%s: %s", variable, value, run.all()).isEqualTo(2);
        assertThat(run.err()).contains(named).doesNotContain("\tat ").doesNotContain(SECRET);
        assertThat(simulator.stats().totalCalls()).isZero();
        assertThat(tmp.resolve("home")).as("nothing written on this host").doesNotExist();
    }

    private CliHarness cli() {
        return new CliHarness(Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "example-secret",
                "AWS_REGION", "us-east-1"), tmp.resolve("home"));
    }

    private String[] arguments(List<String> options, boolean json) {
        List<String> args = new ArrayList<>(List.of("deploy"));
        if (!options.contains("--function")) {
            args.addAll(List.of("--function", FUNCTION));
        }
        if (!options.contains("--endpoint-url")) {
            args.addAll(List.of("--endpoint-url", simulator.endpoint().toString()));
        }
        for (String option : options) {
            Path file = files.get(option);
            args.add(file == null ? option : file.toString());
        }
        if (json) {
            args.add("--json");
        }
        return args.toArray(String[]::new);
    }

    private static Arguments row(String description, String flag, String... options) {
        return Arguments.of(description, flag, List.of(options));
    }
}

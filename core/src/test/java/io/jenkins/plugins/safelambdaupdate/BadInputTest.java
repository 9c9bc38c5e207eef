package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed input is refused before any AWS call, with a message that names the parameter,
 * and the simulator records no call at all.
 */
class BadInputTest extends SimulatorTestSupport {

    private static final String SECRET_VALUE = "s3cr3t-env-value-QX7";

    @BeforeEach
    void startSimulator() {
        start(Duration.ofMillis(100));
        createFunction("fn");
        sim.reset();
    }

    static Stream<Arguments> malformedRequests() {
        List<Arguments> cases = new ArrayList<>();
        // function reference forms
        cases.add(bad("empty function name", "functionName", b -> b.functionName("")));
        cases.add(bad("name with a space", "functionName", b -> b.functionName("my function")));
        cases.add(bad("name of 65 characters", "functionName", b -> b.functionName("f".repeat(65))));
        cases.add(bad("ARN of another service", "functionName", b -> b.functionName("arn:aws:s3:::bucket")));
        cases.add(bad("ARN without function name", "functionName",
                b -> b.functionName("arn:aws:lambda:us-east-1:123456789012:function:")));
        cases.add(bad("ARN with a short account", "functionName",
                b -> b.functionName("arn:aws:lambda:us-east-1:1234:function:fn")));
        cases.add(bad("partial ARN of the wrong kind", "functionName", b -> b.functionName("123456789012:layer:fn")));
        cases.add(bad("empty qualifier", "functionName", b -> b.functionName("fn:")));
        // code sources
        cases.add(bad("zip that does not exist", "zipFile", (b, dir) -> b.code(CodeSource.zipFile(dir.resolve("missing.zip")))));
        cases.add(bad("zip that is a directory", "zipFile", (b, dir) -> b.code(CodeSource.zipFile(dir))));
        cases.add(bad("zip that is not a zip", "zipFile", (b, dir) -> b.code(CodeSource.zipFile(write(dir, "x.zip", "hello")))));
        cases.add(bad("empty zip file", "zipFile", (b, dir) -> b.code(CodeSource.zipFile(write(dir, "empty.zip", "")))));
        cases.add(bad("truncated zip", "zipFile", (b, dir) -> b.code(CodeSource.zipFile(write(dir, "t.zip",
                "PK\u0003\u0004 then nothing a zip needs")))));
        cases.add(bad("zip archive without entries", "zipFile", (b, dir) -> b.code(CodeSource.zipFile(zipOf(dir)))));
        cases.add(bad("zip entry climbing out with ..", "zipFile",
                (b, dir) -> b.code(CodeSource.zipFile(zipOf(dir, "lib/../../evil.py")))));
        cases.add(bad("zip entry with an absolute path", "zipFile",
                (b, dir) -> b.code(CodeSource.zipFile(zipOf(dir, "/etc/cron.d/evil")))));
        cases.add(bad("zip over 50 MiB", "zipFile", (b, dir) -> b.code(CodeSource.zipFile(oversizedZip(dir)))));
        cases.add(bad("S3 bucket with capitals", "s3Bucket", b -> b.code(CodeSource.s3("My_Bucket", "k.zip", null))));
        cases.add(bad("S3 blank key", "s3Key", b -> b.code(CodeSource.s3("bucket", " ", null))));
        cases.add(bad("image that is not in ECR", "imageUri", b -> b.code(CodeSource.image("docker.io/library/app:1"))));
        // environment
        cases.add(bad("environment name starting with a digit", "environment", b -> b.environment(Map.of("1ABC", SECRET_VALUE))));
        cases.add(bad("environment name with a dash", "environment", b -> b.environment(Map.of("MY-VAR", SECRET_VALUE))));
        cases.add(bad("reserved AWS_REGION", "environment", b -> b.environment(Map.of("AWS_REGION", SECRET_VALUE))));
        cases.add(bad("reserved AWS_ACCESS_KEY_ID", "environment", b -> b.environment(Map.of("AWS_ACCESS_KEY_ID", SECRET_VALUE))));
        cases.add(bad("reserved _HANDLER", "environment", b -> b.environment(Map.of("_HANDLER", SECRET_VALUE))));
        cases.add(bad("environment over 4 KB", "environment", b -> b.environment(largeEnvironment())));
        cases.add(bad("replace without any environment", "environmentMode",
                b -> b.environmentMode(EnvironmentMode.REPLACE)));
        cases.add(bad("60 variables of 3,807 bytes: 4,168 as JSON", "environment", b -> b.environment(sixtyVariables())));
        // numbers
        cases.add(bad("memory below 128", "memorySize", b -> b.memorySize(64)));
        cases.add(bad("memory above 10240", "memorySize", b -> b.memorySize(10241)));
        cases.add(bad("timeout of zero", "timeout", b -> b.timeout(0)));
        cases.add(bad("negative timeout", "timeout", b -> b.timeout(-5)));
        cases.add(bad("timeout above 900", "timeout", b -> b.timeout(901)));
        // names and ARNs
        cases.add(bad("alias of digits only", "alias", b -> b.publish(true).alias("42")));
        cases.add(bad("alias with a slash", "alias", b -> b.publish(true).alias("live/blue")));
        cases.add(bad("alias without publish", "alias", b -> b.alias("live")));
        cases.add(bad("layer that is not a layer version ARN", "layers", b -> b.layers(List.of("my-layer"))));
        cases.add(bad("layer ARN without version", "layers",
                b -> b.layers(List.of("arn:aws:lambda:us-east-1:123456789012:layer:shared"))));
        cases.add(bad("six layers", "layers", b -> b.layers(Collections.nCopies(6,
                "arn:aws:lambda:us-east-1:123456789012:layer:shared:1"))));
        cases.add(bad("role that is not an IAM role ARN", "role", b -> b.role("admin")));
        cases.add(bad("description over 256 characters", "description", b -> b.description("d".repeat(257))));
        cases.add(bad("runtime with spaces", "runtime", b -> b.runtime("java 21")));
        cases.add(bad("blank handler", "handler", b -> b.handler(" ")));
        // limits of the deployment itself
        cases.add(bad("negative deadline", "deadline", b -> b.deadline(Duration.ofSeconds(-1))));
        cases.add(bad("zero deadline", "deadline", b -> b.deadline(Duration.ZERO)));
        cases.add(bad("deadline of two days", "deadline", b -> b.deadline(Duration.ofDays(2))));
        cases.add(bad("negative conflict retries", "conflictRetries", b -> b.conflictRetries(-1)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void refusedBeforeAnyAwsCallNamingTheParameter(String description, String parameter, RequestEdit edit) {
        DeploymentRequest.Builder builder = DeploymentRequest.builder().functionName("fn");
        edit.apply(builder, dir);
        Events events = new Events();

        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
                () -> deployer.deploy(builder.build(), events));

        assertThat(refusal).as(description).isNotNull();
        assertThat(refusal.parameter().engineName()).isEqualTo(parameter);
        assertThat(refusal.getMessage()).startsWith(parameter).doesNotContain(SECRET_VALUE);
        assertThat(refusal.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(sim.stats().totalCalls()).as("calls recorded by the simulator").isZero();
        assertThat(events.all()).as("no lock taken for an invalid request")
                .noneMatch(e -> e instanceof DeploymentEvent.LockAcquired);
        assertThat(events.all()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(SECRET_VALUE));
    }

    static Stream<Arguments> malformedParameters() {
        return Stream.of(
                badParameter("environment entry without =", "environment", () -> RequestParameters.environment(List.of("A=1", SECRET_VALUE))),
                badParameter("environment entry with empty name", "environment", () -> RequestParameters.environment(List.of("=" + SECRET_VALUE))),
                badParameter("S3 object version alone", "s3ObjectVersion", () -> RequestParameters.codeSource(null, null, null, "v3", null)),
                badParameter("zip and S3 together", "zipFile", () -> RequestParameters.codeSource(Path.of("a.zip"), "bucket", "key", null, null)),
                badParameter("S3 and image together", "s3Bucket", () -> RequestParameters.codeSource(null, "bucket", "key", null,
                        "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1")),
                badParameter("S3 bucket without key", "s3Key", () -> RequestParameters.codeSource(null, "bucket", null, null, null)),
                badParameter("S3 key without bucket", "s3Bucket", () -> RequestParameters.codeSource(null, null, "key", null, null)),
                badParameter("unknown environment mode", "environmentMode",
                        () -> RequestParameters.choice(Parameter.ENVIRONMENT_MODE, "overwrite", EnvironmentMode.MERGE)),
                badParameter("unknown foreign-change policy", "onForeignChange",
                        () -> RequestParameters.choice(Parameter.ON_FOREIGN_CHANGE, "ignore", ForeignChangePolicy.REAPPLY)),
                badParameter("region that is not a region", "region", () -> RequestParameters.region("moon-base-1a")),
                badParameter("blank region", "region", () -> RequestParameters.region(" ")),
                badParameter("endpoint without scheme", "endpointUrl", () -> RequestParameters.endpointUrl("localhost:4566")),
                badParameter("endpoint with ftp scheme", "endpointUrl", () -> RequestParameters.endpointUrl("ftp://host/")),
                badParameter("endpoint with a password", "endpointUrl", () -> RequestParameters.endpointUrl("http://u:" + SECRET_VALUE + "@host/")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedParameters")
    void frontEndParametersAreRefusedNamingTheParameter(String description, String parameter, Runnable parse) {
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class, parse::run);

        assertThat(refusal).as(description).isNotNull();
        assertThat(refusal.parameter().engineName()).isEqualTo(parameter);
        assertThat(refusal.getMessage()).contains(parameter).doesNotContain(SECRET_VALUE);
    }

    @Test
    void wellFormedParametersAreAccepted() {
        assertThat(RequestParameters.environment(List.of("A=1", "B=x=y", "A=2"))).containsExactly(Map.entry("A", "2"), Map.entry("B", "x=y"));
        assertThat(RequestParameters.codeSource(null, "bucket", "key.zip", "v1", null))
                .contains(CodeSource.s3("bucket", "key.zip", "v1"));
        assertThat(RequestParameters.codeSource(null, null, null, null, null)).isEmpty();
        assertThat(catchThrowableOfType(InvalidRequestException.class,
                () -> RequestParameters.codeSource(Path.of("a.zip"), "bucket", "key", null, null)))
                .hasMessageStartingWith("zipFile cannot be combined with s3Bucket/s3Key: ");
        assertThat(RequestParameters.choice(Parameter.ENVIRONMENT_MODE, "Replace", EnvironmentMode.MERGE)).isEqualTo(EnvironmentMode.REPLACE);
        assertThat(RequestParameters.choice(Parameter.ENVIRONMENT_MODE, null, EnvironmentMode.MERGE)).isEqualTo(EnvironmentMode.MERGE);
        assertThat(RequestParameters.region(" eu-west-3 ")).isEqualTo("eu-west-3");
        assertThat(RequestParameters.region("us-gov-west-1")).isEqualTo("us-gov-west-1");
        assertThat(RequestParameters.endpointUrl("http://127.0.0.1:4566")).hasPort(4566);
    }

    @FunctionalInterface
    interface RequestEdit {
        void apply(DeploymentRequest.Builder builder, Path dir);
    }

    private static Arguments bad(String description, String parameter, Consumer<DeploymentRequest.Builder> edit) {
        return Arguments.of(description, parameter, (RequestEdit) (b, dir) -> edit.accept(b));
    }

    private static Arguments bad(String description, String parameter, RequestEdit edit) {
        return Arguments.of(description, parameter, edit);
    }

    private static Arguments badParameter(String description, String parameter, Runnable parse) {
        return Arguments.of(description, parameter, parse);
    }

    /** Lambda measures the JSON of the map: 3,807 bytes of names and values take 4,168. */
    private static Map<String, String> sixtyVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            variables.put(String.format("V%02d", i), "v".repeat(i < 27 ? 61 : 60));
        }
        return variables;
    }

    private static Path zipOf(Path dir, String... entries) {
        Path zip = dir.resolve("entries-" + entries.length + ".zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (String entry : entries) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry));
                out.write("print('hi')".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return zip;
    }

    private static Map<String, String> largeEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            variables.put("VAR_" + i, SECRET_VALUE + "x".repeat(1000));
        }
        return variables;
    }

    private static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A sparse file just over the direct-upload limit, starting with a zip signature. */
    private static Path oversizedZip(Path dir) {
        Path zip = dir.resolve("big.zip");
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "rw")) {
            file.write(new byte[] {'P', 'K', 3, 4});
            file.setLength(52_428_800L + 1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return zip;
    }
}

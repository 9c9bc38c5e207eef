package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentRequestTest {

    @Test
    void hasDocumentedDefaults() {
        DeploymentRequest request = DeploymentRequest.builder().functionName("fn").build();
        assertThat(request.functionName()).isEqualTo("fn");
        assertThat(request.code()).isEmpty();
        assertThat(request.environment()).isEmpty();
        assertThat(request.environmentMode()).isEqualTo(EnvironmentMode.MERGE);
        assertThat(request.memorySize()).isEmpty();
        assertThat(request.timeout()).isEmpty();
        assertThat(request.handler()).isEmpty();
        assertThat(request.runtime()).isEmpty();
        assertThat(request.description()).isEmpty();
        assertThat(request.layers()).isEmpty();
        assertThat(request.role()).isEmpty();
        assertThat(request.publish()).isFalse();
        assertThat(request.alias()).isEmpty();
        assertThat(request.deadline()).isEqualTo(Duration.ofMinutes(15));
        assertThat(request.conflictRetries()).isEqualTo(5);
        assertThat(request.onForeignChange()).isEqualTo(ForeignChangePolicy.REAPPLY);
        assertThat(request.changesConfiguration()).isFalse();
    }

    @Test
    void isImmutable() {
        Map<String, String> env = new HashMap<>(Map.of("A", "1"));
        DeploymentRequest request = DeploymentRequest.builder().functionName("fn").environment(env).build();
        env.put("B", "2");
        assertThat(request.environment()).contains(Map.of("A", "1"));
        assertThatThrownBy(() -> request.environment().get().put("C", "3"))
                .isInstanceOf(UnsupportedOperationException.class);
        DeploymentRequest copy = request.toBuilder().memorySize(256).build();
        assertThat(copy.memorySize()).contains(256);
        assertThat(request.memorySize()).isEmpty();
        assertThat(copy.changesConfiguration()).isTrue();
    }

    @Test
    void requiresFunctionName() {
        assertThatThrownBy(() -> DeploymentRequest.builder().build())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter().engineName()).isEqualTo("functionName"))
                .hasMessage("functionName cannot be null");
    }

    @Test
    void refusesNullsNamingTheParameter() {
        assertThatThrownBy(() -> DeploymentRequest.builder().functionName("fn").deadline(null).build())
                .hasMessage("deadline cannot be null");
        Map<String, String> env = new HashMap<>();
        env.put("A", null);
        assertThatThrownBy(() -> DeploymentRequest.builder().functionName("fn").environment(env).build())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter().engineName()).isEqualTo("environment"));
    }

    @Test
    void toStringNamesVariablesButNeverTheirValues() {
        DeploymentRequest request = DeploymentRequest.builder().functionName("fn")
                .code(CodeSource.zipFile(Path.of("build/fn.zip")))
                .environment(Map.of("DB_PASSWORD", "hunter2-secret"))
                .layers(List.of("arn:aws:lambda:us-east-1:123456789012:layer:l:1"))
                .build();
        assertThat(request.toString()).contains("DB_PASSWORD").doesNotContain("hunter2-secret");
    }

    @Test
    void codeSourcesCheckTheirArguments() {
        assertThat(CodeSource.s3("b", "k", null)).isEqualTo(new CodeSource.S3Object("b", "k", null));
        assertThat(((CodeSource.S3Object) CodeSource.s3("b", "k", "v1")).version()).contains("v1");
        assertThat(CodeSource.image("uri")).isEqualTo(new CodeSource.ContainerImage("uri"));
        assertThatThrownBy(() -> CodeSource.zipFile(null)).hasMessage("path cannot be null");
        assertThatThrownBy(() -> CodeSource.s3(null, "k", null)).hasMessage("bucket cannot be null");
    }

    @Test
    void aRefusalCarriesItsParameterAndAProblemThatNeverNamesIt() {
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
                () -> new RequestValidator().validate(DeploymentRequest.builder().functionName("fn").memorySize(64).build()));
        assertThat(refusal.parameter()).isEqualTo(Parameter.MEMORY_SIZE);
        assertThat(refusal.problem()).isEqualTo("must be between 128 and 10240 MB, was 64").doesNotContain("memorySize");
        assertThat(refusal.getMessage()).isEqualTo("memorySize must be between 128 and 10240 MB, was 64");
        assertThat(refusal.describe(p -> p == Parameter.MEMORY_SIZE ? "--memory" : "?"))
                .isEqualTo("--memory must be between 128 and 10240 MB, was 64");
    }

    @Test
    void otherParametersAProblemMentionsAreWordedByTheReader() {
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
                () -> new RequestValidator().validate(DeploymentRequest.builder().functionName("fn").alias("live").build()));
        assertThat(refusal.parameter()).isEqualTo(Parameter.ALIAS);
        assertThat(refusal.getMessage()).startsWith("alias live needs publish: ");
        assertThat(refusal.problem(p -> "<" + p.name() + ">")).startsWith("live needs <PUBLISH>: ")
                .doesNotContain("publish:");
        assertThat(refusal.describe(p -> "--" + p.name().toLowerCase(java.util.Locale.ROOT)))
                .startsWith("--alias live needs --publish: ");
    }
}

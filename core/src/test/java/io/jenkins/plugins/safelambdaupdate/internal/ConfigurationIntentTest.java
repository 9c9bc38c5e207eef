package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.EnvironmentMode;
import io.jenkins.plugins.safelambdaupdate.Setting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

class ConfigurationIntentTest {
    private static final FunctionConfiguration CURRENT = FunctionConfiguration.builder()
            .memorySize(128).timeout(3).handler("index.handler").runtime("python3.12").description("")
            .environment(EnvironmentResponse.builder().variables(Map.of("KEEP", "1", "CHANGE", "old")).build())
            .layers(Layer.builder().arn("arn:aws:lambda:us-east-1:123456789012:layer:l:1").build())
            .role("arn:aws:iam::123456789012:role/r")
            .build();

    private static DeploymentRequest.Builder request() {
        return DeploymentRequest.builder().functionName("fn");
    }

    @Test
    void nothingRequestedMeansNoDifference() {
        ConfigurationIntent intent = new ConfigurationIntent(request().build());
        assertThat(intent.requested()).isFalse();
        assertThat(intent.differences(CURRENT)).isEmpty();
    }

    @Test
    void equalValuesAreNoChange() {
        ConfigurationIntent intent = new ConfigurationIntent(request().memorySize(128).timeout(3).handler("index.handler")
                .runtime("python3.12").description("").environment(Map.of("KEEP", "1"))
                .layers(List.of("arn:aws:lambda:us-east-1:123456789012:layer:l:1"))
                .role("arn:aws:iam::123456789012:role/r").build());
        assertThat(intent.requested()).isTrue();
        assertThat(intent.differences(CURRENT)).isEmpty();
    }

    @Test
    void mergesEnvironmentIntoExistingVariables() {
        ConfigurationIntent intent = new ConfigurationIntent(request().environment(Map.of("CHANGE", "new", "ADD", "x"))
                .memorySize(256).build());
        assertThat(intent.differences(CURRENT)).containsExactly(Setting.ENVIRONMENT, Setting.MEMORY_SIZE);
        UpdateFunctionConfigurationRequest update = intent.toUpdate("arn", CURRENT, "rev-1");
        assertThat(update.revisionId()).isEqualTo("rev-1");
        assertThat(update.functionName()).isEqualTo("arn");
        assertThat(update.environment().variables()).isEqualTo(Map.of("KEEP", "1", "CHANGE", "new", "ADD", "x"));
        assertThat(update.memorySize()).isEqualTo(256);
        assertThat(update.timeout()).isNull();
        assertThat(update.handler()).isNull();
    }

    @Test
    void replacesEnvironmentOnRequest() {
        ConfigurationIntent intent = new ConfigurationIntent(request().environment(Map.of("ONLY", "1"))
                .environmentMode(EnvironmentMode.REPLACE).build());
        Environment env = intent.toUpdate("arn", CURRENT, "r").environment();
        assertThat(env.variables()).isEqualTo(Map.of("ONLY", "1"));
        ConfigurationIntent clear = new ConfigurationIntent(request().environment(Map.of())
                .environmentMode(EnvironmentMode.REPLACE).build());
        assertThat(clear.differences(CURRENT)).containsExactly(Setting.ENVIRONMENT);
        assertThat(new ConfigurationIntent(request().environment(Map.of()).build()).differences(CURRENT)).isEmpty();
    }

    @Test
    void functionWithoutEnvironmentCountsAsEmpty() {
        FunctionConfiguration bare = FunctionConfiguration.builder().memorySize(128).build();
        assertThat(new ConfigurationIntent(request().environment(Map.of()).environmentMode(EnvironmentMode.REPLACE)
                .build()).differences(bare)).isEmpty();
        assertThat(new ConfigurationIntent(request().layers(List.of()).build()).differences(bare)).isEmpty();
        assertThat(new ConfigurationIntent(request().description("").build()).differences(bare)).isEmpty();
    }
}

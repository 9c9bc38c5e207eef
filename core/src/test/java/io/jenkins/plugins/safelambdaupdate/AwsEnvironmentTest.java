package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

class AwsEnvironmentTest {
    private static final FunctionReference NAME = FunctionReference.parse("fn");
    private static final FunctionReference ARN =
            FunctionReference.parse("arn:aws:lambda:eu-central-1:123456789012:function:fn");

    @Test
    void readsStaticCredentialsWithSessionToken() {
        AwsEnvironment env = AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE1234",
                "AWS_SECRET_ACCESS_KEY", "verysecret", "AWS_SESSION_TOKEN", "token123"));
        AwsCredentials credentials = env.credentials().orElseThrow().resolveCredentials();
        assertThat(credentials.accessKeyId()).isEqualTo("AKIAEXAMPLE1234");
        assertThat(credentials.secretAccessKey()).isEqualTo("verysecret");
        assertThat(credentials).isInstanceOfSatisfying(AwsSessionCredentials.class,
                c -> assertThat(c.sessionToken()).isEqualTo("token123"));
    }

    @Test
    void needsBothKeysForCredentials() {
        assertThat(AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIA")).credentials()).isEmpty();
        assertThat(AwsEnvironment.of(Map.of()).credentials()).isEmpty();
        assertThat(AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", " ")).credentials())
                .isEmpty();
    }

    @Test
    void resolvesRegionInDocumentedOrder() {
        AwsEnvironment both = AwsEnvironment.of(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "us-east-2"));
        assertThat(both.resolveRegion("ap-south-1", ARN)).isEqualTo("ap-south-1");
        assertThat(both.resolveRegion(null, ARN)).isEqualTo("us-west-2");
        assertThat(both.resolveRegion("  ", ARN)).isEqualTo("us-west-2");
        assertThat(AwsEnvironment.of(Map.of("AWS_DEFAULT_REGION", "us-east-2")).resolveRegion(null, ARN))
                .isEqualTo("us-east-2");
        assertThat(AwsEnvironment.of(Map.of()).resolveRegion(null, ARN)).isEqualTo("eu-central-1");
        assertThatThrownBy(() -> AwsEnvironment.of(Map.of()).resolveRegion(null, NAME))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.parameter().engineName()).isEqualTo("region"));
    }

    @Test
    void readsEndpointAndProfile() {
        AwsEnvironment env = AwsEnvironment.of(Map.of("AWS_ENDPOINT_URL", "http://localhost:4566", "AWS_PROFILE", "ci"));
        assertThat(env.endpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(env.profile()).contains("ci");
        assertThatThrownBy(() -> AwsEnvironment.of(Map.of("AWS_ENDPOINT_URL", "not a url")).endpoint())
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.parameter().engineName()).isEqualTo("AWS_ENDPOINT_URL"));
    }

    @Test
    void toStringNeverPrintsSecrets() {
        AwsEnvironment env = AwsEnvironment.of(Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE1234",
                "AWS_SECRET_ACCESS_KEY", "verysecret", "AWS_SESSION_TOKEN", "token123", "AWS_REGION", "us-east-1"));
        assertThat(env.toString()).doesNotContain("verysecret").doesNotContain("token123")
                .doesNotContain("AKIAEXAMPLE1234").contains("us-east-1");
    }
}

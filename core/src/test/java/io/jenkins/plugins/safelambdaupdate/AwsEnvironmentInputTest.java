package io.jenkins.plugins.safelambdaupdate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AWS settings taken from environment variables are input like any parameter: checked as strictly as the parameter
 * they stand in for, refused before any AWS call naming the variable, and never quoted back with a password.
 * (Found by the bad-input and secrets suites of issue 5.)
 */
class AwsEnvironmentInputTest {
    private static final String PASSWORD = "EndpointPassword-5c1e9a";
    private static final FunctionReference NAME = FunctionReference.parse("fn");

    @ParameterizedTest
    @ValueSource(strings = {"http://user:" + PASSWORD + "@127.0.0.1:4566/", "http://user:" + PASSWORD + "@bad host/",
        "ftp://127.0.0.1/"})
    void anEndpointThatTheEndpointParameterRefusesIsRefusedWithoutQuotingAPassword(String value) {
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
                () -> AwsEnvironment.of(Map.of("AWS_ENDPOINT_URL", value)).endpoint());

        assertThat(refusal).as(value).isNotNull();
        assertThat(refusal.parameter().engineName()).isEqualTo("AWS_ENDPOINT_URL");
        assertThat(refusal.getMessage()).startsWith("AWS_ENDPOINT_URL").doesNotContain(PASSWORD);
    }

    @Test
    void toStringDoesNotPrintTheEndpointsPassword() {
        AwsEnvironment env = AwsEnvironment.of(Map.of("AWS_ENDPOINT_URL", "http://user:" + PASSWORD + "@host/"));

        assertThat(env.toString()).doesNotContain(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_REGION", "AWS_DEFAULT_REGION"})
    void aRegionFromTheEnvironmentIsCheckedAsTheRegionParameterIs(String variable) {
        InvalidRequestException refusal = catchThrowableOfType(InvalidRequestException.class,
                () -> AwsEnvironment.of(Map.of(variable, "US-EAST-1")).resolveRegion(null, NAME));

        assertThat(refusal).isNotNull();
        assertThat(refusal.parameter().engineName()).isEqualTo("region");
        assertThat(refusal.getMessage()).contains(variable).contains("US-EAST-1");
    }

    @Test
    void wellFormedValuesFromTheEnvironmentStillWork() {
        AwsEnvironment env = AwsEnvironment.of(Map.of("AWS_ENDPOINT_URL", "https://lambda.example.com:8443",
                "AWS_DEFAULT_REGION", "us-gov-west-1"));

        assertThat(env.endpoint()).hasValueSatisfying(uri -> assertThat(uri.getPort()).isEqualTo(8443));
        assertThat(env.resolveRegion(null, NAME)).isEqualTo("us-gov-west-1");
    }
}

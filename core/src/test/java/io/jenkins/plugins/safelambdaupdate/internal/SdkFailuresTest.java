package io.jenkins.plugins.safelambdaupdate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/** AWS error messages that quote the request are redacted before they reach a message, an event or a cause. */
class SdkFailuresTest {
    private static final String SECRET = "Secret-5e1f0c9a";
    private static final String TOO_LARGE = "Lambda was unable to configure your environment variables because the "
            + "environment variables you have provided exceeded the 4KB limit. String measured: {\"EXISTING\":\""
            + SECRET + "\",\"NEW\":\"x\"}";

    private static AwsServiceException refusal(String message) {
        InvalidParameterValueException e = InvalidParameterValueException.builder().message(message).statusCode(400)
                .requestId("req-1").awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("InvalidParameterValueException").errorMessage(message).serviceName("Lambda")
                        .rawResponse(SdkBytes.fromUtf8String("{\"message\":\"" + message + "\"}")).build())
                .build();
        e.addSuppressed(new IllegalStateException("Request attempt 1 failure: " + message));
        return e;
    }

    private static String everything(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return e.getMessage() + " | " + e + " | " + trace
                + (e instanceof AwsServiceException s ? " | " + s.awsErrorDetails() : "");
    }

    @Test
    void theMeasuredEnvironmentIsCutFromTheMessage() {
        String message = SdkFailures.awsMessage(refusal(TOO_LARGE));
        assertThat(message).doesNotContain(SECRET).doesNotContain("EXISTING")
                .startsWith("InvalidParameterValueException: Lambda was unable to configure your environment")
                .contains("exceeded the 4KB limit. String measured: (redacted)").endsWith("(HTTP 400)");
    }

    @Test
    void aValueQuotedByAValidationErrorIsCut() {
        assertThat(SdkFailures.redact("1 validation error detected: Value '" + SECRET + "' at 'environment' failed "
                + "to satisfy constraint: x; Value '0' at 'timeout' failed"))
                .isEqualTo("1 validation error detected: Value (redacted) at 'environment' failed to satisfy "
                        + "constraint: x; Value (redacted) at 'timeout' failed");
    }

    @Test
    void otherMessagesAreKeptAsTheyAre() {
        String text = "The operation cannot be performed at this time. An update is in progress.";
        assertThat(SdkFailures.redact(text)).isEqualTo(text);
        assertThat(SdkFailures.redact(null)).isNull();
        ResourceConflictException conflict = ResourceConflictException.builder().message(text).statusCode(409)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceConflictException").errorMessage(text)
                        .build()).build();
        assertThat(SdkFailures.redactedCause(conflict)).isSameAs(conflict);
    }

    @Test
    void theCauseKeptIsARedactedCopyWithTheSameTypeCodeAndStackTrace() {
        AwsServiceException original = refusal(TOO_LARGE);
        Throwable cause = SdkFailures.redactedCause(original);
        assertThat(cause).isNotSameAs(original).isInstanceOf(InvalidParameterValueException.class);
        AwsServiceException copy = (AwsServiceException) cause;
        assertThat(copy.statusCode()).isEqualTo(400);
        assertThat(copy.requestId()).isEqualTo("req-1");
        assertThat(copy.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(copy.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(everything(copy)).doesNotContain(SECRET).contains("String measured: (redacted)");
        assertThat(everything(original)).contains(SECRET); // the check above would see it
    }
}

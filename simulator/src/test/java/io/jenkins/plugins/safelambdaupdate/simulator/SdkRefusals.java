package io.jenkins.plugins.safelambdaupdate.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** Assertions on the refusals the real SDK raises. */
final class SdkRefusals {
    private SdkRefusals() {
    }

    /** Asserts the call fails with exactly that class (or a subclass for LambdaException), status and message. */
    static <T extends LambdaException> T assertRefused(ThrowingCallable call, Class<T> type, int status,
                                                       String message) {
        T refused = catchThrowableOfType(type, call);
        assertThat(refused).as("expected %s", type.getSimpleName()).isNotNull();
        if (type != LambdaException.class) {
            assertThat(refused).isExactlyInstanceOf(type);
        }
        assertThat(refused.statusCode()).isEqualTo(status);
        if (message != null) {
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        assertThat(refused.requestId()).isNotBlank();
        return refused;
    }
}

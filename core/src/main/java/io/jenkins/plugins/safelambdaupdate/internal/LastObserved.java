package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * The last state of {@code $LATEST} one run observed, and when: fed by the values its own reads, waits and updates
 * return, so that a failure reports the state the run itself last knew ("function left in ..."). Owned by the run's
 * {@link DeploymentContext}. Not thread-safe: one run, one thread.
 */
final class LastObserved {
    private final Clock clock;
    private FunctionConfiguration configuration;
    private Instant at;

    LastObserved(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param read a configuration of {@code $LATEST} a read or a wait returned, or null (ignored)
     * @return {@code read}, for chaining
     */
    FunctionConfiguration read(FunctionConfiguration read) {
        if (read != null) {
            configuration = read;
            at = clock.instant();
        }
        return read;
    }

    /** @param response the answer to our UpdateFunctionCode: the function as it stands after it */
    void updated(UpdateFunctionCodeResponse response) {
        read(FunctionConfiguration.builder().functionArn(response.functionArn()).state(response.stateAsString())
                .lastUpdateStatus(response.lastUpdateStatusAsString()).codeSha256(response.codeSha256())
                .revisionId(response.revisionId()).lastModified(response.lastModified()).build());
    }

    /** @param response the answer to our UpdateFunctionConfiguration: the function as it stands after it */
    void updated(UpdateFunctionConfigurationResponse response) {
        read(FunctionConfiguration.builder().functionArn(response.functionArn()).state(response.stateAsString())
                .lastUpdateStatus(response.lastUpdateStatusAsString()).codeSha256(response.codeSha256())
                .revisionId(response.revisionId()).lastModified(response.lastModified()).build());
    }

    /** @return the last state observed, with when it was read, or null when nothing was observed yet */
    FunctionStatus status() {
        return FunctionStatuses.of(configuration, at);
    }
}

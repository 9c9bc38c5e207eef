package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionCodeResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;

/**
 * The last state of {@code $LATEST} one run observed, and when: fed by the values its own reads, waits and updates
 * return, so that a failure reports the state the run itself last knew ("function left in ..."); and whether a
 * change of ours was sent without its answer being read since, which that state cannot show (the context marks each
 * submission; the phase having worked, or AWS's refusal, clears it). Owned by the run's {@link DeploymentContext}.
 * Not thread-safe: one run, one thread.
 */
final class LastObserved {
    private final TimeSource time;
    private FunctionConfiguration configuration;
    private Instant at;
    /** The phase of a mutation of ours that was sent and not answered yet, else null. */
    private Phase unanswered;

    LastObserved(TimeSource time) {
        this.time = time;
    }

    /**
     * @param read a configuration of {@code $LATEST} a read or a wait returned, or null (ignored)
     * @return {@code read}, for chaining
     */
    FunctionConfiguration read(FunctionConfiguration read) {
        if (read != null) {
            configuration = read;
            at = time.now();
        }
        return read;
    }

    /** @param phase the phase of a mutation of ours about to be sent; AWS may apply it from now on */
    void sent(Phase phase) {
        unanswered = phase;
    }

    /**
     * AWS answered our last mutation, accepting or refusing it: what it did is known. Called where every mutation's
     * answer ends up: the ledger's {@code worked} and the retries' refusal.
     */
    void answered() {
        unanswered = null;
    }

    /**
     * @return the phase of a mutation of ours that was sent and whose answer was never read (an interrupt or a timeout
     *     came first): AWS may have applied it after the state last observed
     */
    Optional<Phase> unanswered() {
        return Optional.ofNullable(unanswered);
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

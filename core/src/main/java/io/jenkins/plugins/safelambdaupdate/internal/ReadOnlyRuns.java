package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * Runs that only read a function: its status, or a wait until it settles. Each call has its own per-run state (as a
 * deployment has) but needs no request, no lock provider and no listener. Thread-safe.
 */
public final class ReadOnlyRuns {
    private final RunSettings settings;

    /** @param settings what the runs share, not null */
    public ReadOnlyRuns(RunSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
    }

    /** @return the state of {@code $LATEST}, read within the deadline (throttled reads retried meanwhile) */
    public FunctionStatus status(FunctionReference reference, Duration deadline) {
        return run(deadline, Phase.RESOLVE, (run, budget) -> run.reads().resolve(reference, budget));
    }

    /** @return the state of {@code $LATEST} once nothing is in progress, waited for within the deadline */
    public FunctionStatus awaitSettled(FunctionReference reference, Duration deadline) {
        return run(deadline, Phase.SETTLE, (run, budget) -> run.reads().settle(run.reads().resolve(reference, budget),
                budget));
    }

    /** Runs the read as one phase: every retry spends from that phase's budget. */
    private FunctionStatus run(Duration deadline, Phase phase,
                               BiFunction<PhaseSupport, RetryBudget, FunctionConfiguration> read) {
        PhaseSupport run = start(deadline);
        RetryBudget budget = run.ledger().begin(phase);
        try {
            return FunctionStatuses.of(read.apply(run, budget));
        } catch (DeploymentException e) {
            throw budget.explained(e);
        } catch (SdkException e) {
            throw budget.explained(SdkFailures.translate(run.ctx(), e));
        }
    }

    private PhaseSupport start(Duration deadline) {
        return PhaseSupport.forRun(settings, DeploymentListener.NONE, deadline,
                DeploymentRequest.DEFAULT_CONFLICT_RETRIES, ForeignChangePolicy.REAPPLY);
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Reads {@code $LATEST}: resolving the reference (step 2), plain reads, and settling (step 4), retrying errors from
 * the retry budget each caller passes: the budget of the phase the read is part of.
 */
final class FunctionReads {
    private final DeploymentContext ctx;
    private final Retries retries;
    private final FunctionWaits waits;

    FunctionReads(DeploymentContext ctx, Retries retries, FunctionWaits waits) {
        this.ctx = ctx;
        this.retries = retries;
        this.waits = waits;
    }

    /** Reads the function once and records its canonical unqualified ARN, which names the lock. */
    FunctionConfiguration resolve(FunctionReference reference, RetryBudget budget) {
        while (true) {
            ctx.remaining();
            try {
                GetFunctionResponse response = ctx.client().getFunction(GetFunctionRequest.builder()
                        .functionName(reference.unqualified()).overrideConfiguration(ctx.timeouts()).build());
                ctx.functionArn(FunctionStatuses.unqualifiedArn(response.configuration().functionArn()));
                return ctx.observed().read(response.configuration());
            } catch (ResourceNotFoundException e) {
                throw new DeploymentException(FailureKind.FUNCTION_NOT_FOUND,
                        SdkFailures.notFound(reference.value(), e), null, null, e);
            } catch (SdkException e) {
                retries.afterError(budget, e);
            }
        }
    }

    FunctionConfiguration read(RetryBudget budget) {
        while (true) {
            ctx.checkStillGoing();
            try {
                return ctx.observed().read(ctx.client().getFunction(GetFunctionRequest.builder()
                        .functionName(ctx.functionArn()).overrideConfiguration(ctx.timeouts()).build()).configuration());
            } catch (SdkException e) {
                retries.afterError(budget, e);
            }
        }
    }

    FunctionConfiguration readSettled(RetryBudget budget) {
        return settle(read(budget), budget);
    }

    /**
     * Waits until nothing is in progress; State=Failed stops, LastUpdateStatus=Failed is reported and accepted.
     *
     * @param budget the budget of the phase the settling is part of: the settle step's, or the phase about to re-apply
     */
    FunctionConfiguration settle(FunctionConfiguration cfg, RetryBudget budget) {
        Instant t0 = ctx.now();
        boolean waited = false;
        if (FunctionStatuses.isFailedState(cfg)) {
            throw DeploymentFailures.functionFailed(ctx, cfg);
        }
        if (FunctionStatuses.isPending(cfg)) {
            cfg = waits.awaitActive(budget);
            waited = true;
        }
        if (FunctionStatuses.isInProgress(cfg)) {
            cfg = waits.awaitUpdated(budget, ctx.nanoTime());
            waited = true;
        }
        if (FunctionStatuses.isFailedState(cfg)) {
            throw DeploymentFailures.functionFailed(ctx, cfg);
        }
        // The settle step always reports; a re-read between phases only when it had to wait.
        if (budget.phase() == Phase.SETTLE || waited) {
            ctx.emit(new DeploymentEvent.Settled(ctx.now(), FunctionStatuses.of(cfg), Duration.between(t0, ctx.now())));
        }
        return cfg;
    }
}

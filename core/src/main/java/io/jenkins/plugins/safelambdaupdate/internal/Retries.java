package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.Retry;
import io.jenkins.plugins.safelambdaupdate.RetryCause;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The bounded retry of the protocol: exponential backoff with full jitter, never past the deadline, each retry spent
 * from the {@link RetryBudget} its caller passes (the phase it counts against); and the foreign-change policy, which
 * decides whether another writer's change is retried (re-applied) or stops the run. Records every retry in the
 * ledger and reports it to the listener.
 */
final class Retries {
    private static final Duration RETRY_BASE = Duration.ofMillis(200);
    private static final Duration RETRY_CAP = Duration.ofSeconds(2);

    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final ForeignChangePolicy policy;

    Retries(DeploymentContext ctx, DeploymentLedger ledger, ForeignChangePolicy policy) {
        this.ctx = ctx;
        this.ledger = ledger;
        this.policy = policy;
    }

    /**
     * Retries a retryable error (after the backoff); throws the translated failure for any other.
     *
     * @param budget the budget of the phase the failed call belongs to
     */
    void afterError(RetryBudget budget, SdkException e) {
        retry(budget, SdkFailures.retryableCause(ctx, e), e, SdkFailures.detail(e));
    }

    /**
     * Sorts a refused mutation into a foreign change or a plain retry. A 412 means another writer changed the function
     * since our read. A 409 means an update is in progress; we hold the lock (or, with lock provider {@code none}, the
     * user promised to serialize) and every mutation of ours starts only after our previous one settled, so that
     * update is another writer's too: under {@link ForeignChangePolicy#FAIL} it stops the deployment, under REAPPLY it
     * stays a CONFLICT retry that waits for the other update and re-applies our intent.
     *
     * @param budget the budget of the phase whose mutation was refused
     */
    void afterRefusal(RetryBudget budget, SdkException e) {
        if (e instanceof AwsServiceException) {
            ctx.observed().answered(); // refused by AWS: nothing applied; a client-side failure may have come late
        }
        RetryCause cause = SdkFailures.retryableCause(ctx, e);
        boolean foreign = cause == RetryCause.STALE_REVISION
                || (cause == RetryCause.CONFLICT && policy == ForeignChangePolicy.FAIL);
        if (foreign) {
            foreignChange(budget, e, SdkFailures.detail(e));
        } else {
            retry(budget, cause, e, SdkFailures.detail(e));
        }
    }

    /**
     * Another writer changed the function: stop under FAIL, else spend a STALE_REVISION retry from {@code budget}.
     *
     * @param budget the budget of the phase whose result was changed (a change found after a phase ended still
     *     counts against that phase)
     * @param refusal AWS's refusal that showed it, or null when a read of ours did
     * @param what what changed, for the failure's message
     */
    void foreignChange(RetryBudget budget, SdkException refusal, String what) {
        if (policy == ForeignChangePolicy.FAIL) {
            throw ctx.failure(FailureKind.FOREIGN_CHANGE, "Another writer changed " + ctx.functionArn()
                    + " during the " + DeploymentFailures.name(budget.phase()) + " phase (" + what
                    + ") and onForeignChange is FAIL", null);
        }
        retry(budget, RetryCause.STALE_REVISION, refusal, what);
    }

    /**
     * Spends a retry from the budget (which gives up past its limit), then sleeps the backoff.
     *
     * @param refusal the failed call, or null when a read of ours showed the reason
     * @param detail the error code or what changed, for messages
     */
    private void retry(RetryBudget budget, RetryCause cause, SdkException refusal, String detail) {
        int attempt = budget.spend(cause, detail);
        long ceiling = Math.min(RETRY_CAP.toMillis(), RETRY_BASE.toMillis() << Math.min(attempt - 1, 20));
        Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        Duration left = ctx.remaining();
        if (delay.compareTo(left) > 0) {
            delay = left;
        }
        ledger.retried(new Retry(budget.phase(), cause, attempt, delay));
        ctx.emit(new DeploymentEvent.Retrying(ctx.now(), budget.phase(), cause, attempt, delay,
                refusal == null ? null : SdkFailures.detail(refusal), SdkFailures.statusCode(refusal)));
        ctx.sleep(delay);
        ctx.remaining();
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.ForeignChangePolicy;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.Retry;
import io.jenkins.plugins.safelambdaupdate.RetryCause;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The bounded retry of the protocol: exponential backoff with full jitter, at most {@code conflictRetries} per phase,
 * never past the deadline; and the foreign-change policy, which decides whether another writer's change is retried
 * (re-applied) or stops the run. It owns the run's retry state: the attempts of each phase (counted in the ledger) and
 * why each phase last retried; every retry names the phase it counts against.
 */
final class Retries {
    private static final Duration RETRY_BASE = Duration.ofMillis(200);
    private static final Duration RETRY_CAP = Duration.ofSeconds(2);

    private final DeploymentContext ctx;
    private final DeploymentLedger ledger;
    private final SafeLambdaDeployer.Sleeper sleeper;
    private final int allowed;
    private final ForeignChangePolicy policy;
    /** Why each phase last retried, for the message of a deadline that passes after retries. */
    private final Map<Phase, String> retriedBecause = new EnumMap<>(Phase.class);

    Retries(DeploymentContext ctx, DeploymentLedger ledger, SafeLambdaDeployer.Sleeper sleeper, int allowed,
            ForeignChangePolicy policy) {
        this.ctx = ctx;
        this.ledger = ledger;
        this.sleeper = sleeper;
        this.allowed = allowed;
        this.policy = policy;
    }

    /** Retries a retryable error (after the backoff); throws the translated failure for any other. */
    void afterError(SdkException e) {
        retry(ctx.phase(), SdkFailures.retryableCause(ctx, e), e, SdkFailures.detail(e));
    }

    /**
     * Sorts a refused mutation into a foreign change or a plain retry. A 412 means another writer changed the function
     * since our read. A 409 means an update is in progress; we hold the lock (or, with lock provider {@code none}, the
     * user promised to serialize) and every mutation of ours starts only after our previous one settled, so that
     * update is another writer's too: under {@link ForeignChangePolicy#FAIL} it stops the deployment, under REAPPLY it
     * stays a CONFLICT retry that waits for the other update and re-applies our intent.
     */
    void afterRefusal(Phase where, SdkException e) {
        RetryCause cause = SdkFailures.retryableCause(ctx, e);
        boolean foreign = cause == RetryCause.STALE_REVISION
                || (cause == RetryCause.CONFLICT && policy == ForeignChangePolicy.FAIL);
        if (foreign) {
            foreignChange(where, e, SdkFailures.detail(e));
        } else {
            retry(where, cause, e, SdkFailures.detail(e));
        }
    }

    /**
     * Another writer changed the function: stop under FAIL, else count a STALE_REVISION retry in {@code where}.
     *
     * @param refusal AWS's refusal that showed it, or null when a read of ours did
     * @param what what changed, for the failure's message
     */
    void foreignChange(Phase where, SdkException refusal, String what) {
        if (policy == ForeignChangePolicy.FAIL) {
            throw ctx.failure(FailureKind.FOREIGN_CHANGE, "Another writer changed " + ctx.functionArn()
                    + " during the " + DeploymentFailures.name(where) + " phase (" + what
                    + ") and onForeignChange is FAIL", null);
        }
        retry(where, RetryCause.STALE_REVISION, refusal, what);
    }

    /**
     * Counts a retry against {@code phase}, gives up past the bound, else sleeps the backoff.
     *
     * @param phase the phase the retry counts against, named explicitly (a foreign change found after a phase
     *     counts against that phase)
     * @param refusal the failed call, or null when a read of ours showed the reason
     * @param detail the error code or what changed, for messages
     */
    private void retry(Phase phase, RetryCause cause, SdkException refusal, String detail) {
        int attempt = ledger.nextAttempt(phase);
        if (attempt > allowed) {
            // Throttling and server errors that outlast the retries are AWS's trouble, not a conflict with a writer.
            boolean conflict = cause == RetryCause.CONFLICT || cause == RetryCause.STALE_REVISION;
            FailureKind kind = conflict ? FailureKind.CONFLICT_RETRIES_EXHAUSTED : FailureKind.AWS_ERROR;
            throw ctx.failure(kind, "Gave up on the " + DeploymentFailures.name(phase) + " phase after " + allowed
                    + " retries (" + (conflict ? "" : cause == RetryCause.THROTTLED
                    ? "AWS kept throttling; " : "AWS kept answering with server errors; ") + "last: " + detail + ")",
                    null);
        }
        long ceiling = Math.min(RETRY_CAP.toMillis(), RETRY_BASE.toMillis() << Math.min(attempt - 1, 20));
        Duration delay = Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
        Duration left = ctx.remaining();
        if (delay.compareTo(left) > 0) {
            delay = left;
        }
        retriedBecause.put(phase, describe(cause) + " (last: " + detail + ")");
        ledger.retried(new Retry(phase, cause, attempt, delay));
        ctx.emit(new DeploymentEvent.Retrying(ctx.now(), phase, cause, attempt, delay,
                refusal == null ? null : SdkFailures.detail(refusal), SdkFailures.statusCode(refusal)));
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            throw DeploymentFailures.interrupted(ctx, e);
        }
        ctx.remaining();
    }

    /**
     * @param e a failure of this run, not null
     * @return {@code e}, or for a deadline that passed in a phase that had retried, the same failure saying why
     */
    DeploymentException explained(DeploymentException e) {
        String why = retriedBecause.get(ctx.phase());
        if (e.failure() != FailureKind.DEADLINE_EXCEEDED || why == null) {
            return e;
        }
        DeploymentException explained = new DeploymentException(e.failure(), e.getMessage()
                + " (after retries because of " + why + ")", e.functionArn().orElse(null),
                e.stateLeft().orElse(null), e.getCause());
        explained.setStackTrace(e.getStackTrace());
        return explained;
    }

    private static String describe(RetryCause cause) {
        switch (cause) {
            case THROTTLED:
                return "throttling";
            case SERVER_ERROR:
                return "server errors";
            case CONFLICT:
                return "conflicts with an update in progress";
            default:
                return "changes by another writer";
        }
    }
}

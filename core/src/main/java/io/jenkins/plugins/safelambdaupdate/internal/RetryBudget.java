package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.RetryCause;

/**
 * The retries one phase of one run may make: its limit, the retries spent so far, and why it last retried. The
 * run's {@link DeploymentLedger} hands out one per phase and keeps it for the whole run, so a phase run again (a
 * re-apply after another writer's change) spends from the same budget, and no two phases share one. Code that may
 * retry is given the budget to spend from; it never picks one itself. Not thread-safe: one run, one thread.
 */
final class RetryBudget {
    private final DeploymentContext ctx;
    private final Phase phase;
    private final int limit;
    private int spent;
    /** Why the last retry was made, for the message of a deadline that passes in this phase; null before one. */
    private String retriedBecause;

    /** @param limit the retries this phase may make, at least 0 */
    RetryBudget(DeploymentContext ctx, Phase phase, int limit) {
        this.ctx = ctx;
        this.phase = phase;
        this.limit = limit;
    }

    /** @return the phase whose retries this budget counts */
    Phase phase() {
        return phase;
    }

    /** @return the retries spent so far, including one refused for being past the limit */
    int spent() {
        return spent;
    }

    /**
     * Spends one retry.
     *
     * @param detail the error code or what changed, for the messages
     * @return the number of this retry within the phase, from 1
     * @throws DeploymentException past the limit: {@link FailureKind#CONFLICT_RETRIES_EXHAUSTED} when the last
     *     cause was a conflict or another writer's change, {@link FailureKind#AWS_ERROR} when AWS kept throttling or
     *     failing (AWS's trouble, not a conflict with a writer)
     */
    int spend(RetryCause cause, String detail) {
        spent++;
        if (spent > limit) {
            boolean conflict = cause == RetryCause.CONFLICT || cause == RetryCause.STALE_REVISION;
            throw ctx.failure(conflict ? FailureKind.CONFLICT_RETRIES_EXHAUSTED : FailureKind.AWS_ERROR,
                    "Gave up on the " + DeploymentFailures.name(phase) + " phase after " + limit + " retries ("
                    + (conflict ? "" : cause == RetryCause.THROTTLED ? "AWS kept throttling; "
                    : "AWS kept answering with server errors; ") + "last: " + detail + ")", null);
        }
        retriedBecause = describe(cause) + " (last: " + detail + ")";
        return spent;
    }

    /**
     * @param e a failure of this run in this budget's phase, not null
     * @return {@code e}, or for a deadline that passed after this phase had retried, the same failure saying why
     */
    DeploymentException explained(DeploymentException e) {
        if (e.failure() != FailureKind.DEADLINE_EXCEEDED || retriedBecause == null) {
            return e;
        }
        DeploymentException explained = new DeploymentException(e.failure(), e.getMessage()
                + " (after retries because of " + retriedBecause + ")", e.functionArn().orElse(null),
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

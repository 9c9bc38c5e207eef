package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.Durations;
import io.jenkins.plugins.safelambdaupdate.DeploymentException;
import io.jenkins.plugins.safelambdaupdate.FailureKind;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.Phase;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** The protocol's own failures, worded in one place so that every front end shows the same messages. */
final class DeploymentFailures {
    /** Our mutations as the messages name them. */
    private static final Map<Phase, String> MUTATIONS = Map.of(Phase.CODE, "code update",
            Phase.CONFIGURATION, "configuration update", Phase.PUBLISH, "version publish", Phase.ALIAS, "alias change");

    private DeploymentFailures() {
    }

    /**
     * Restores the interrupt flag, as the caller's caller must still see it. The state left is the typed
     * {@link DeploymentException#stateLeft()} (front ends render it once); none before this deployment changed
     * anything: what was read then, while waiting for the lock say, is another writer's doing.
     */
    static DeploymentException interrupted(DeploymentContext ctx, Throwable cause) {
        Thread.currentThread().interrupt();
        boolean changedNothing = beforeAnyChange(ctx.phase());
        return new DeploymentException(FailureKind.INTERRUPTED, "Interrupted during the " + name(ctx.phase())
                + " phase; " + (changedNothing ? "this deployment changed nothing" : "no further change was made")
                + unansweredNote(ctx), ctx.functionArn(), stateLeft(ctx), cause);
    }

    static DeploymentException deadlineExceeded(DeploymentContext ctx, Throwable cause) {
        boolean changedNothing = beforeAnyChange(ctx.phase());
        return new DeploymentException(FailureKind.DEADLINE_EXCEEDED, "Deadline of " + Durations.format(ctx.allowed())
                + " exceeded during the " + name(ctx.phase()) + " phase"
                + (changedNothing ? "; this deployment changed nothing" : "") + unansweredNote(ctx),
                ctx.functionArn(), stateLeft(ctx), cause);
    }

    /**
     * @return what the state left cannot show: a mutation of ours sent whose answer never came back (the interrupt or
     *     the timeout came first), which AWS may have applied after the state was last read; else nothing
     */
    private static String unansweredNote(DeploymentContext ctx) {
        return ctx.observed().unanswered().map(phase -> "; the " + MUTATIONS.get(phase)
                + " was sent and its answer never read, so AWS may have applied it").orElse("");
    }

    /** @return the state last read, unless it was read before the lock: then it says nothing of this deployment */
    private static FunctionStatus stateLeft(DeploymentContext ctx) {
        Phase phase = ctx.phase();
        return phase == Phase.VALIDATE || phase == Phase.RESOLVE || phase == Phase.LOCK ? null : ctx.lastSeen();
    }

    private static boolean beforeAnyChange(Phase phase) {
        return phase == Phase.VALIDATE || phase == Phase.RESOLVE || phase == Phase.LOCK || phase == Phase.SETTLE;
    }

    static DeploymentException functionFailed(DeploymentContext ctx, FunctionConfiguration cfg) {
        return new DeploymentException(FailureKind.FUNCTION_FAILED, "Function " + ctx.functionArn()
                + " is in State=Failed (" + cfg.stateReasonCodeAsString() + "): " + cfg.stateReason(),
                ctx.functionArn(), FunctionStatuses.of(cfg), null);
    }

    static DeploymentException updateFailed(DeploymentContext ctx, String what, FunctionConfiguration cfg) {
        return new DeploymentException(FailureKind.UPDATE_FAILED, what + " failed with LastUpdateStatus=Failed ("
                + cfg.lastUpdateStatusReasonCodeAsString() + "): " + cfg.lastUpdateStatusReason()
                + "; the previous code and configuration stay live", ctx.functionArn(), FunctionStatuses.of(cfg), null);
    }

    /** @return the phase as the messages spell it: lower case */
    static String name(Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }

}

package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.Phase;
import io.jenkins.plugins.safelambdaupdate.SkipReason;
import io.jenkins.plugins.safelambdaupdate.Retry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * The record of one run that ends up in its {@link DeploymentResult}: how long each phase took (summed over
 * re-applies), which phases were skipped, every retry, and the lock wait. It also hands out each phase's
 * {@link RetryBudget}, one per phase for the whole run.
 */
final class DeploymentLedger {
    private final DeploymentContext ctx;
    private final Map<Phase, Instant> phaseStarts = new EnumMap<>(Phase.class);
    private final Map<Phase, Duration> durations = new EnumMap<>(Phase.class);
    private final Set<Phase> skipped = EnumSet.noneOf(Phase.class);
    private final Set<Phase> worked = EnumSet.noneOf(Phase.class);
    private final int retriesPerPhase;
    private final Map<Phase, RetryBudget> budgets = new EnumMap<>(Phase.class);
    private final List<Retry> retries = new ArrayList<>();
    private Duration lockWait = Duration.ZERO;

    /** @param retriesPerPhase the retries each phase may make in this run */
    DeploymentLedger(DeploymentContext ctx, int retriesPerPhase) {
        this.ctx = ctx;
        this.retriesPerPhase = retriesPerPhase;
    }

    /**
     * Starts timing a phase and makes it the one under way, which failures name.
     *
     * @return the phase's retry budget, to pass to whatever may retry in it
     */
    RetryBudget begin(Phase next) {
        ctx.phase(next);
        phaseStarts.put(next, ctx.now());
        return budget(next);
    }

    /**
     * @return the phase's retry budget, the same one each time in this run (made on first use: a phase that skipped
     *     its update still has one, for another writer's change found later)
     */
    RetryBudget budget(Phase phase) {
        return budgets.computeIfAbsent(phase, p -> new RetryBudget(ctx, p, retriesPerPhase));
    }

    void end(Phase ended) {
        Instant start = phaseStarts.remove(ended);
        if (start != null) {
            durations.merge(ended, Duration.between(start, ctx.now()), Duration::plus);
        }
    }

    /** Reported once, and never for a phase that already changed something (a re-apply finding nothing to do). */
    void skip(Phase skippedPhase, SkipReason reason, String codeSha256) {
        if (!worked.contains(skippedPhase) && skipped.add(skippedPhase)) {
            ctx.emit(new DeploymentEvent.Skipped(ctx.now(), skippedPhase, reason, codeSha256));
        }
    }

    /** The phase's mutation was answered and applied. */
    void worked(Phase workedPhase) {
        ctx.observed().answered();
        worked.add(workedPhase);
        skipped.remove(workedPhase);
    }

    boolean hasWorked(Phase phase) {
        return worked.contains(phase);
    }

    void retried(Retry retry) {
        retries.add(retry);
    }

    void lockWait(Duration waited) {
        lockWait = waited;
    }

    DeploymentResult result(String version, String alias, FunctionConfiguration verified) {
        return DeploymentResult.builder()
                .functionArn(ctx.functionArn())
                .version(version)
                .alias(alias)
                .revisionId(verified.revisionId())
                .codeSha256(verified.codeSha256())
                .skipped(skipped)
                .lockWait(lockWait)
                .phaseDurations(durations)
                .retries(retries)
                .apiCalls(ctx.client().calls())
                .total(Duration.between(ctx.started(), ctx.now()))
                .build();
    }
}

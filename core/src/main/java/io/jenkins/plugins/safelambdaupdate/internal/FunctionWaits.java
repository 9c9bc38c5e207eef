package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Every wait of the protocol, through the SDK's {@link LambdaWaiter} (the design forbids hand-written sleep loops).
 * Each wait polls with an {@link AdaptiveBackoff} following a {@link WaitPlan} (where this function's recent
 * operations of this phase ended, else a guess), and teaches {@link UpdateDurations} where our own operations ended.
 * Bounded by the deadline, not by attempts. An error left after the SDK's own retries is retried from the retry
 * budget the caller passes, whose phase the wait's progress events name.
 *
 * <p>First poll aimed at the expected completion: the SDK waiter always polls once as soon as it is called (sdk-core's
 * {@code WaiterExecutor} consults the {@code BackoffStrategy} only between polls, and {@code
 * WaiterOverrideConfiguration} has no initial delay), and right after a submission that poll cannot succeed. So a
 * wait of our own operation first sleeps once (on the engine's time source, interruptibly, bounded by the deadline)
 * until the plan's first poll, and then hands over to the waiter, whose immediate poll is the aimed one.
 * That is one bounded sleep before the waiter, not a polling loop: every poll is the waiter's. Before anything was
 * learned about this function and phase, the first poll and the backoff come from {@link FirstGuesses} (among them
 * the interval in which this deployment's previous update of the function ended, which this class keeps).
 */
final class FunctionWaits {
    private static final int WAITER_MAX_ATTEMPTS = 1_000_000;

    private final DeploymentContext ctx;
    private final LambdaWaiter waiter;
    private final UpdateDurations durations;
    private final Duration minimumPollInterval;
    private final Retries retries;
    /** Where this deployment's last update of its own ended (a guess for the next wait), or null before one. */
    private AdaptiveBackoff.Interval lastUpdate;

    FunctionWaits(DeploymentContext ctx, UpdateDurations durations, Duration minimumPollInterval, Retries retries) {
        this.ctx = ctx;
        this.waiter = LambdaWaiter.builder().client(ctx.client()).build();
        this.durations = durations;
        this.minimumPollInterval = minimumPollInterval;
        this.retries = retries;
    }

    /**
     * Waits with FunctionUpdatedV2 until someone else's update (LastUpdateStatus InProgress) is no longer in progress.
     *
     * @param budget the budget of the phase that waits
     * @param submittedNanos the run's {@link DeploymentContext#nanoTime()} when the wait began
     * @return the configuration read last: Successful or Failed
     */
    FunctionConfiguration awaitUpdated(RetryBudget budget, long submittedNanos) {
        return awaitUpdated(budget, null, submittedNanos, 0, null);
    }

    /**
     * Waits with FunctionUpdatedV2 until our own update is no longer InProgress, and learns where it ended; when
     * another writer's update followed ours (the wait then saw more than ours), only that ours was done by the end.
     *
     * @param budget         the budget of the phase whose update is awaited (its phase is the duration learned)
     * @param submittedNanos the run's {@link DeploymentContext#nanoTime()} when the update's response arrived
     * @param packageBytes   the size of the package uploaded, 0 when unknown (a guess grows with it)
     * @param lastModified   our update's LastModified, as its response gave it
     * @return the configuration read last: Successful or Failed
     */
    FunctionConfiguration awaitUpdated(RetryBudget budget, long submittedNanos, long packageBytes,
                                       String lastModified) {
        return awaitUpdated(budget, budget.phase(), submittedNanos, packageBytes, lastModified);
    }

    /** @param kind the phase of our own operation awaited, or null for another writer's */
    private FunctionConfiguration awaitUpdated(RetryBudget budget, Phase kind, long submittedNanos, long packageBytes,
                                               String lastModified) {
        WaitPlan plan = kind == null ? null : plan(kind, packageBytes);
        sleepUntilFirstPoll(plan, submittedNanos);
        while (true) {
            AdaptiveBackoff backoff = backoff(budget, plan, submittedNanos);
            FunctionConfiguration seen;
            try {
                WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionUpdatedV2(latest(),
                        configuration(backoff));
                seen = ctx.observed().read(response.matched().response().map(GetFunctionResponse::configuration)
                        .orElseGet(this::readNow));
            } catch (SdkClientException e) {
                if (!isWaiterFailure(e)) {
                    retryAfterWaitFailure(budget, e);
                    continue;
                }
                seen = readNow();
            }
            if (seen != null && lastModified != null && !lastModified.equals(seen.lastModified())) {
                // Another writer's update followed ours: polls that saw it in progress say nothing about ours, the
                // one that saw it done only that ours was done by then.
                durations.record(ctx.functionArn(), kind, ObservedDuration.atMost(backoff.observedDuration().by()));
            } else {
                learn(kind, backoff);
            }
            return seen;
        }
    }

    /**
     * Waits with FunctionActiveV2 until a Pending function is Active; State=Failed stops the run.
     *
     * @param budget the budget of the phase that waits
     */
    FunctionConfiguration awaitActive(RetryBudget budget) {
        long startNanos = ctx.nanoTime();
        while (true) {
            AdaptiveBackoff backoff = backoff(budget, null, startNanos);
            try {
                WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionActiveV2(latest(),
                        configuration(backoff));
                return ctx.observed().read(response.matched().response().map(GetFunctionResponse::configuration)
                        .orElseGet(this::readNow));
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    throw DeploymentFailures.functionFailed(ctx, readNow());
                }
                retryAfterWaitFailure(budget, e);
            }
        }
    }

    /**
     * Waits with FunctionActiveV2 on GetFunction with the version as Qualifier (the same State as
     * PublishedVersionActive reads, but GetFunction has its own 100 req/s quota, while GetFunctionConfiguration shares
     * the 15 req/s one with every mutation).
     *
     * @param budget the publish phase's budget
     * @param submittedNanos the run's {@link DeploymentContext#nanoTime()} when PublishVersion's response arrived
     * @return the version's configuration read last (Active or not)
     */
    FunctionConfiguration awaitVersionActive(RetryBudget budget, String version, long submittedNanos) {
        WaitPlan plan = plan(Phase.PUBLISH, 0);
        sleepUntilFirstPoll(plan, submittedNanos);
        while (true) {
            AdaptiveBackoff backoff = backoff(budget, plan, submittedNanos);
            GetFunctionRequest poll = GetFunctionRequest.builder().functionName(ctx.functionArn()).qualifier(version)
                    .overrideConfiguration(ctx.timeouts()).build();
            try {
                WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionActiveV2(poll,
                        configuration(backoff));
                learn(Phase.PUBLISH, backoff);
                return response.matched().response().orElseThrow().configuration();
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    return ctx.client().getFunction(poll).configuration();
                }
                retryAfterWaitFailure(budget, e);
            }
        }
    }

    /** @return this function's learned duration for the phase, or else a guess from what is known before learning */
    private WaitPlan plan(Phase kind, long packageBytes) {
        return durations.learned(ctx.functionArn(), kind)
                .orElseGet(() -> FirstGuesses.plan(kind, lastUpdate, durations.prior(kind).orElse(null),
                        packageBytes));
    }

    /**
     * Sleeps once, until the planned first poll of our own operation, so that the waiter's immediate first poll is
     * aimed at it. An estimate is a guess: the sleep takes at most half the time left before the deadline, so the
     * waiter always polls before a deadline is reported. An interrupt stops the run.
     */
    private void sleepUntilFirstPoll(WaitPlan plan, long submittedNanos) {
        if (plan == null) {
            return;
        }
        long untilFirstPoll = submittedNanos + plan.firstPoll().toNanos() - ctx.nanoTime();
        if (untilFirstPoll <= 0) {
            return;
        }
        Duration delay = Duration.ofNanos(untilFirstPoll);
        Duration halfLeft = ctx.remaining().dividedBy(2);
        ctx.sleep(delay.compareTo(halfLeft) > 0 ? halfLeft : delay);
    }

    private GetFunctionRequest latest() {
        return GetFunctionRequest.builder().functionName(ctx.functionArn()).overrideConfiguration(ctx.timeouts())
                .build();
    }

    /**
     * Reads {@code $LATEST} once, for a wait that ended without the response that matched: the waiter reports a failure
     * acceptor (LastUpdateStatus or State Failed, both final until the next change) by a message only. The read gets
     * the reasons, and it is what the run observed last.
     */
    private FunctionConfiguration readNow() {
        return ctx.observed().read(ctx.client().getFunction(latest()).configuration());
    }

    /** A wait ended without reaching a final state: the deadline, an interrupt, or an error left after SDK retries. */
    private void retryAfterWaitFailure(RetryBudget budget, SdkClientException e) {
        if (SdkFailures.isInterruption(e)) {
            throw DeploymentFailures.interrupted(ctx, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("max wait time") || message.contains("max retry attempts")) {
            throw DeploymentFailures.deadlineExceeded(ctx, e);
        }
        if (e.getCause() instanceof SdkException sdkCause) {
            retries.afterError(budget, sdkCause);
        } else {
            throw SdkFailures.translate(ctx, e);
        }
    }

    /** The waiter reports its failure acceptor (State=Failed, LastUpdateStatus=Failed) only through this message. */
    private static boolean isWaiterFailure(SdkClientException e) {
        return e.getCause() == null && String.valueOf(e.getMessage()).contains("transitioned the waiter to failure");
    }

    private AdaptiveBackoff backoff(RetryBudget budget, WaitPlan plan, long startNanos) {
        Phase waitingPhase = budget.phase();
        Consumer<Duration> progress = elapsed -> ctx.emit(new DeploymentEvent.StillWaiting(ctx.now(), waitingPhase,
                ctx.lastSeen(), elapsed));
        return new AdaptiveBackoff(ctx::nanoTime, startNanos, plan, minimumPollInterval, progress);
    }

    private void learn(Phase kind, AdaptiveBackoff backoff) {
        if (kind != null) {
            durations.record(ctx.functionArn(), kind, backoff.observedDuration());
            if (kind != Phase.PUBLISH) {
                lastUpdate = backoff.completedWithin();
            }
        }
    }

    private WaiterOverrideConfiguration configuration(AdaptiveBackoff backoff) {
        return WaiterOverrideConfiguration.builder()
                .waitTimeout(ctx.remaining())
                .maxAttempts(WAITER_MAX_ATTEMPTS)
                .backoffStrategyV2(backoff)
                .build();
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentEvent;
import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionRequest;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Every wait of the protocol, through the SDK's {@link LambdaWaiter} (the design forbids hand-written sleep loops).
 * Each wait polls with an {@link AdaptiveBackoff} aimed at the duration learned for this kind of operation, and
 * teaches {@link UpdateDurations} how long our own operations took. Bounded by the deadline, not by attempts.
 */
final class FunctionWaits {
    private static final int WAITER_MAX_ATTEMPTS = 1_000_000;

    private final DeploymentContext ctx;
    private final LambdaWaiter waiter;
    private final UpdateDurations durations;
    private final Duration minimumPollInterval;
    private final Retries retries;

    FunctionWaits(DeploymentContext ctx, UpdateDurations durations, Duration minimumPollInterval, Retries retries) {
        this.ctx = ctx;
        this.waiter = LambdaWaiter.builder().client(ctx.client()).build();
        this.durations = durations;
        this.minimumPollInterval = minimumPollInterval;
        this.retries = retries;
    }

    /**
     * Waits with FunctionUpdatedV2 until LastUpdateStatus is no longer InProgress.
     *
     * @param kind the kind of our own operation awaited (for learning its duration), or null for someone else's
     * @return the configuration read last: Successful or Failed
     */
    FunctionConfiguration awaitUpdated(String kind, long submittedNanos) {
        while (true) {
            AdaptiveBackoff backoff = backoff(kind, submittedNanos);
            try {
                WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionUpdatedV2(latest(),
                        configuration(backoff));
                learn(kind, backoff);
                return response.matched().response().map(GetFunctionResponse::configuration)
                        .orElseGet(ctx.client()::lastSeen);
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    learn(kind, backoff);
                    return ctx.client().lastSeen();
                }
                retryAfterWaitFailure(e);
            }
        }
    }

    /** Waits with FunctionActiveV2 until a Pending function is Active; State=Failed stops the run. */
    FunctionConfiguration awaitActive() {
        while (true) {
            AdaptiveBackoff backoff = backoff(null, System.nanoTime());
            try {
                WaiterResponse<GetFunctionResponse> response = waiter.waitUntilFunctionActiveV2(latest(),
                        configuration(backoff));
                return response.matched().response().map(GetFunctionResponse::configuration)
                        .orElseGet(ctx.client()::lastSeen);
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    throw DeploymentFailures.functionFailed(ctx, ctx.client().lastSeen());
                }
                retryAfterWaitFailure(e);
            }
        }
    }

    /** Waits with PublishedVersionActive; @return the version's configuration read last (Active or not) */
    GetFunctionConfigurationResponse awaitVersionActive(String version, long submittedNanos) {
        while (true) {
            AdaptiveBackoff backoff = backoff("publish", submittedNanos);
            GetFunctionConfigurationRequest poll = GetFunctionConfigurationRequest.builder()
                    .functionName(ctx.functionArn()).qualifier(version).overrideConfiguration(ctx.timeouts()).build();
            try {
                WaiterResponse<GetFunctionConfigurationResponse> response =
                        waiter.waitUntilPublishedVersionActive(poll, configuration(backoff));
                learn("publish", backoff);
                return response.matched().response().orElseThrow();
            } catch (SdkClientException e) {
                if (isWaiterFailure(e)) {
                    return ctx.client().getFunctionConfiguration(poll);
                }
                retryAfterWaitFailure(e);
            }
        }
    }

    private GetFunctionRequest latest() {
        return GetFunctionRequest.builder().functionName(ctx.functionArn()).overrideConfiguration(ctx.timeouts())
                .build();
    }

    /** A wait ended without reaching a final state: the deadline, an interrupt, or an error left after SDK retries. */
    private void retryAfterWaitFailure(SdkClientException e) {
        if (SdkFailures.isInterruption(e)) {
            throw DeploymentFailures.interrupted(ctx, e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("max wait time") || message.contains("max retry attempts")) {
            throw DeploymentFailures.deadlineExceeded(ctx, e);
        }
        if (e.getCause() instanceof SdkException sdkCause) {
            retries.afterError(sdkCause);
        } else {
            throw SdkFailures.translate(ctx, e);
        }
    }

    /** The waiter reports its failure acceptor (State=Failed, LastUpdateStatus=Failed) only through this message. */
    private static boolean isWaiterFailure(SdkClientException e) {
        return e.getCause() == null && String.valueOf(e.getMessage()).contains("transitioned the waiter to failure");
    }

    private AdaptiveBackoff backoff(String kind, long startNanos) {
        Duration expected = kind == null ? null : durations.estimate(ctx.functionArn(), kind).orElse(null);
        Phase waitingPhase = ctx.phase();
        return new AdaptiveBackoff(System::nanoTime, startNanos, expected, minimumPollInterval,
                elapsed -> ctx.emit(new DeploymentEvent.StillWaiting(ctx.now(), waitingPhase, ctx.lastSeen(),
                        elapsed)));
    }

    private void learn(String kind, AdaptiveBackoff backoff) {
        if (kind != null) {
            durations.record(ctx.functionArn(), kind, backoff.observedDuration(System.nanoTime()));
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

package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.DeploymentEngine;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Deploys to AWS Lambda safely: validates, resolves the function to its canonical ARN, takes the function's lock,
 * waits until the function settles, updates code and configuration with RevisionId preconditions, publishes a
 * version that provably holds this deployment's code, moves an alias, verifies, and releases the lock on every path.
 * All waiting goes through the SDK's {@code LambdaWaiter} with an adaptive backoff that learns how long this
 * function's updates take.
 *
 * <p>Thread-safe: one deployer per process can serve many concurrent deployments (it keeps what it learned about
 * update durations per function, see {@link LearnedDurations}). Build with {@link #builder()}.
 */
public final class SafeLambdaDeployer {
    private final DeploymentEngine engine;

    private SafeLambdaDeployer(Builder b) {
        this.engine = new DeploymentEngine(b.client, b.lockProvider, b.timeSource, b.minimumPollInterval,
                new RequestValidator(), b.learnedDurations.durations());
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs one deployment, blocking the calling thread until it ends (lock wait included).
     *
     * @param request what to deploy, not null
     * @param listener receives the events as they happen, on this thread; {@link DeploymentListener#NONE} for none
     * @return the result
     * @throws InvalidRequestException if the request is invalid (before any AWS call)
     * @throws DeploymentException if the deployment did not complete; {@link DeploymentException#failure()} tells
     *     why and {@link DeploymentException#stateLeft()} the function's state when known. When the thread is
     *     interrupted, the deployment stops at once without further change, the lock is released, the interrupt flag
     *     is restored and the failure is {@link FailureKind#INTERRUPTED}.
     * @throws NullPointerException if an argument is null
     */
    public DeploymentResult deploy(DeploymentRequest request, DeploymentListener listener) {
        Objects.requireNonNull(request, "request cannot be null");
        Objects.requireNonNull(listener, "listener cannot be null");
        return engine.deploy(request, listener);
    }

    /** Builder of {@link SafeLambdaDeployer}. Not thread-safe. */
    public static final class Builder {
        private LambdaClient client;
        private LockProvider lockProvider;
        private TimeSource timeSource = TimeSource.system();
        // The shortest interval between two polls of one wait, which bounds the request rate of one deployment.
        private final Duration minimumPollInterval = Duration.ofMillis(100);
        private LearnedDurations learnedDurations = new LearnedDurations();

        private Builder() {
        }

        /**
         * @param value the Lambda client (see {@link LambdaClients}); required. The deployer does not close it.
         * @return this
         */
        public Builder client(LambdaClient value) {
            this.client = Objects.requireNonNull(value, "client cannot be null");
            return this;
        }

        /** @param value the lock provider; required @return this */
        public Builder lockProvider(LockProvider value) {
            this.lockProvider = Objects.requireNonNull(value, "lockProvider cannot be null");
            return this;
        }

        /**
         * @param value the time of every deadline, measured duration (learned durations included) and event time, and
         *     how the engine sleeps for its retry backoff and, once per wait, until an update's expected completion
         *     before the SDK waiter's first poll (the polling itself is the SDK waiter's and sleeps for real);
         *     default {@link TimeSource#system()}
         * @return this
         */
        public Builder timeSource(TimeSource value) {
            this.timeSource = Objects.requireNonNull(value, "timeSource cannot be null");
            return this;
        }

        /**
         * @param value where this deployer keeps and reads what it learns about how long updates take; share one
         *     between the short-lived deployers of a process. Default: a new, empty one for this deployer
         * @return this
         */
        public Builder learnedDurations(LearnedDurations value) {
            this.learnedDurations = Objects.requireNonNull(value, "learnedDurations cannot be null");
            return this;
        }

        /**
         * @return the deployer
         * @throws NullPointerException if client or lockProvider is not set
         */
        public SafeLambdaDeployer build() {
            Objects.requireNonNull(client, "client cannot be null");
            Objects.requireNonNull(lockProvider, "lockProvider cannot be null");
            return new SafeLambdaDeployer(this);
        }
    }
}

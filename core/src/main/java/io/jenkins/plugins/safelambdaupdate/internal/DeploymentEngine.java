package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.FunctionStatus;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The shared part of a deployer: collaborators and what was learned about update durations. Each deployment runs in
 * its own {@link Deployment}. Thread-safe.
 */
public final class DeploymentEngine {
    private final LambdaClient client;
    private final LockProvider lockProvider;
    private final TimeSource time;
    private final Duration minimumPollInterval;
    private final RequestValidator validator;
    private final UpdateDurations durations;

    public DeploymentEngine(LambdaClient client, LockProvider lockProvider, TimeSource time,
                            Duration minimumPollInterval,
                            RequestValidator validator, UpdateDurations durations) {
        this.client = Objects.requireNonNull(client, "client cannot be null");
        this.lockProvider = Objects.requireNonNull(lockProvider, "lockProvider cannot be null");
        this.time = Objects.requireNonNull(time, "time cannot be null");
        this.minimumPollInterval = Objects.requireNonNull(minimumPollInterval, "minimumPollInterval cannot be null");
        this.validator = Objects.requireNonNull(validator, "validator cannot be null");
        this.durations = Objects.requireNonNull(durations, "durations cannot be null");
    }

    public DeploymentResult deploy(DeploymentRequest request, DeploymentListener listener) {
        return new Deployment(this, request, listener).run();
    }

    public FunctionStatus status(FunctionReference reference, Duration deadline) {
        return new Deployment(this, null, DeploymentListener.NONE).readStatus(reference, deadline);
    }

    public FunctionStatus awaitSettled(FunctionReference reference, Duration timeout) {
        return new Deployment(this, null, DeploymentListener.NONE).awaitSettled(reference, timeout);
    }

    LambdaClient client() {
        return client;
    }

    LockProvider lockProvider() {
        return lockProvider;
    }

    TimeSource time() {
        return time;
    }

    Duration minimumPollInterval() {
        return minimumPollInterval;
    }

    RequestValidator validator() {
        return validator;
    }

    UpdateDurations durations() {
        return durations;
    }
}

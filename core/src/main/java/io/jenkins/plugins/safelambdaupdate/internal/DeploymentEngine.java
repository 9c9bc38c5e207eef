package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.DeploymentListener;
import io.jenkins.plugins.safelambdaupdate.DeploymentRequest;
import io.jenkins.plugins.safelambdaupdate.DeploymentResult;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.RequestValidator;
import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.time.Clock;
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
    private final Clock clock;
    private final SafeLambdaDeployer.Sleeper sleeper;
    private final Duration minimumPollInterval;
    private final RequestValidator validator;
    private final UpdateDurations durations;

    public DeploymentEngine(LambdaClient client, LockProvider lockProvider, Clock clock,
                            SafeLambdaDeployer.Sleeper sleeper, Duration minimumPollInterval,
                            RequestValidator validator, UpdateDurations durations) {
        this.client = Objects.requireNonNull(client, "client cannot be null");
        this.lockProvider = Objects.requireNonNull(lockProvider, "lockProvider cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper cannot be null");
        this.minimumPollInterval = Objects.requireNonNull(minimumPollInterval, "minimumPollInterval cannot be null");
        this.validator = Objects.requireNonNull(validator, "validator cannot be null");
        this.durations = Objects.requireNonNull(durations, "durations cannot be null");
    }

    public DeploymentResult deploy(DeploymentRequest request, DeploymentListener listener) {
        return new Deployment(this, request, listener).run();
    }

    LambdaClient client() {
        return client;
    }

    LockProvider lockProvider() {
        return lockProvider;
    }

    Clock clock() {
        return clock;
    }

    SafeLambdaDeployer.Sleeper sleeper() {
        return sleeper;
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

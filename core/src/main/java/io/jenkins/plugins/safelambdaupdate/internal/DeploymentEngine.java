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
    private final RunSettings settings;
    private final LockProvider lockProvider;
    private final RequestValidator validator;

    public DeploymentEngine(LambdaClient client, LockProvider lockProvider, Clock clock,
                            SafeLambdaDeployer.Sleeper sleeper, Duration minimumPollInterval,
                            RequestValidator validator, UpdateDurations durations) {
        this.settings = new RunSettings(client, clock, sleeper, minimumPollInterval, durations);
        this.lockProvider = Objects.requireNonNull(lockProvider, "lockProvider cannot be null");
        this.validator = Objects.requireNonNull(validator, "validator cannot be null");
    }

    public DeploymentResult deploy(DeploymentRequest request, DeploymentListener listener) {
        return new Deployment(this, request, listener).run();
    }

    RunSettings settings() {
        return settings;
    }

    LockProvider lockProvider() {
        return lockProvider;
    }

    RequestValidator validator() {
        return validator;
    }
}

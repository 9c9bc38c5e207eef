package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.SafeLambdaDeployer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * What every run of one deployer or reader shares: the Lambda client, the clock and sleeper, the poll floor and what
 * was learned about update durations. Each run builds its own state from it ({@link PhaseSupport#forRun}).
 *
 * @param client the Lambda client, not closed by the engine
 * @param clock the clock of deadlines and reported times
 * @param sleeper the sleeping of retry backoffs and first polls
 * @param minimumPollInterval the shortest time between two polls of a wait
 * @param durations what was learned about update durations, shared by every run
 */
public record RunSettings(LambdaClient client, Clock clock, SafeLambdaDeployer.Sleeper sleeper,
                          Duration minimumPollInterval, UpdateDurations durations) {
    /** @throws NullPointerException if an argument is null */
    public RunSettings {
        Objects.requireNonNull(client, "client cannot be null");
        Objects.requireNonNull(clock, "clock cannot be null");
        Objects.requireNonNull(sleeper, "sleeper cannot be null");
        Objects.requireNonNull(minimumPollInterval, "minimumPollInterval cannot be null");
        Objects.requireNonNull(durations, "durations cannot be null");
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.TimeSource;
import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * What every run of one deployer or reader shares: the Lambda client, the time source, the poll floor and what
 * was learned about update durations. Each run builds its own state from it ({@link PhaseSupport#forRun}).
 *
 * @param client the Lambda client, not closed by the engine
 * @param time the time of deadlines, measured durations and reported times, and the sleeping of retry backoffs and
 *     first polls
 * @param minimumPollInterval the shortest time between two polls of a wait
 * @param durations what was learned about update durations, shared by every run
 */
public record RunSettings(LambdaClient client, TimeSource time, Duration minimumPollInterval,
                          UpdateDurations durations) {
    /** @throws NullPointerException if an argument is null */
    public RunSettings {
        Objects.requireNonNull(client, "client cannot be null");
        Objects.requireNonNull(time, "time cannot be null");
        Objects.requireNonNull(minimumPollInterval, "minimumPollInterval cannot be null");
        Objects.requireNonNull(durations, "durations cannot be null");
    }
}

package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * When an update finished in the simulator and when the deployer noticed it.
 *
 * @param operation   {@code UpdateFunctionCode} or {@code UpdateFunctionConfiguration}
 * @param completedAt the update's start as the simulator recorded it (its LastModified) plus the simulator's update
 *                    duration: the instant it became Successful
 * @param noticedAt   when the deployer saw it finished (the waiter returned, or the engine's Confirmed event)
 */
public record Notice(String operation, Instant completedAt, Instant noticedAt) {

    /** @return how late the deployer noticed, in milliseconds (never negative in a correct run) */
    public long latencyMillis() {
        return Duration.between(completedAt, noticedAt).toMillis();
    }
}

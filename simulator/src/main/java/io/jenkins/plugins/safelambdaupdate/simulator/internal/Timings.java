package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.time.Duration;

/**
 * How long each transition takes.
 *
 * @param createDelay  Pending after CreateFunction
 * @param updateDelay  LastUpdateStatus InProgress after an update
 * @param publishDelay a new version Pending after PublishVersion
 */
public record Timings(Duration createDelay, Duration updateDelay, Duration publishDelay) {
}

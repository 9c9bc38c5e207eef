package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.Objects;

/**
 * One retry made by the engine (beyond the SDK's own retries).
 *
 * @param phase the phase the retry counts against: the one whose AWS call was retried, or whose result another
 *     writer changed (found after the phase ended), not null
 * @param cause why, not null
 * @param attempt 1 for the first retry of this phase in the deployment, 2 for the second ... (re-applies of the
 *     phase included)
 * @param delay the backoff before the retry, not null
 */
public record Retry(Phase phase, RetryCause cause, int attempt, Duration delay) {
    /** @throws NullPointerException if phase, cause or delay is null */
    public Retry {
        Objects.requireNonNull(phase, "phase cannot be null");
        Objects.requireNonNull(cause, "cause cannot be null");
        Objects.requireNonNull(delay, "delay cannot be null");
    }
}

package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Instant;
import java.util.List;

/**
 * What one deployment reported.
 *
 * @param succeeded whether the deployment reported success (every call accepted, every wait ended Successful)
 * @param version   the version it published and reported, or null
 * @param failure   a short reason when it failed (for example {@code UpdateFunctionConfiguration:
 *                  ResourceConflictException}), else null
 * @param endedAt   when it returned
 * @param notices   one per update it waited for
 * @param lock      its lock hold, or null for strategies without a lock
 */
public record DeploymentOutcome(boolean succeeded, String version, String failure, Instant endedAt,
                                List<Notice> notices, LockTimeline lock) {
    /** Copies the notices. */
    public DeploymentOutcome {
        notices = List.copyOf(notices);
    }

    /** @return a success with the published version */
    public static DeploymentOutcome success(String version, List<Notice> notices, LockTimeline lock) {
        return new DeploymentOutcome(true, version, null, Instant.now(), notices, lock);
    }

    /** @return a failure with its reason */
    public static DeploymentOutcome failure(String failure, List<Notice> notices, LockTimeline lock) {
        return new DeploymentOutcome(false, null, failure, Instant.now(), notices, lock);
    }
}

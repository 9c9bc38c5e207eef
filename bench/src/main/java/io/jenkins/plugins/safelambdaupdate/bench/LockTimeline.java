package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Instant;

/**
 * One deployment's hold of the function lock, from the engine's events.
 *
 * @param lockName     the lock (the canonical function ARN)
 * @param waitingSince when it found the lock taken (LockWaiting), or null when it got it at once
 * @param acquiredAt   LockAcquired
 * @param releasedAt   Released, or null when the deployment ended without one
 */
public record LockTimeline(String lockName, Instant waitingSince, Instant acquiredAt, Instant releasedAt) {
}

package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;

/**
 * Serializes deployments of one function. Implementations: in-process, file lock, Jenkins lockable resource,
 * none (see {@code LockProviders}). Must be thread-safe.
 */
public interface LockProvider {
    /**
     * Acquires the lock, blocking until it is free. Waiters do not call AWS while they wait.
     *
     * @param lockName the lock name: the canonical unqualified function ARN
     *     ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}), so every spelling of one function takes one lock
     * @param timeout how long to wait at most, positive
     * @param listener told, at least once, when the lock is held by someone else, not null
     * @return the held lock, released by {@link FunctionLock#close()}
     * @throws InterruptedException if the thread is interrupted while waiting (the lock is then not held)
     * @throws LockTimeoutException if the lock was not acquired within the timeout
     * @throws LockUnavailableException if the lock cannot be used at all (for example a lock file that is not ours);
     *     nothing was changed
     */
    FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException;
}

package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockUnavailableException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands a lock that the caller already holds (taken without a thread, before the deployment started) to one
 * deployment: the engine then reports it as acquired after the time the caller waited, and releases it as usual. The
 * lock is checked against the name the deployment resolved, and handed out once.
 */
public final class HeldLockProvider implements LockProvider {
    private final FunctionLock lock;
    private final Duration waited;
    private final AtomicBoolean handedOut = new AtomicBoolean();

    /**
     * @param lock the held lock, not null
     * @param waited how long the caller waited for it, not negative
     */
    public HeldLockProvider(FunctionLock lock, Duration waited) {
        this.lock = Objects.requireNonNull(lock, "lock cannot be null");
        this.waited = Objects.requireNonNull(waited, "waited cannot be null");
        if (waited.isNegative()) {
            throw new IllegalArgumentException("waited cannot be negative, was " + waited);
        }
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener) {
        if (!lock.name().equals(lockName)) {
            throw new LockUnavailableException("The lock held is " + lock.name() + ", not " + lockName
                    + ": the function resolved to another ARN since the lock was taken; nothing was changed", null);
        }
        if (!handedOut.compareAndSet(false, true)) {
            throw new LockUnavailableException("The lock held for " + lockName + " was already handed to a"
                    + " deployment; nothing was changed", null);
        }
        return new Handed(lock, waited);
    }

    /** The held lock, as handed to the engine. */
    private record Handed(FunctionLock lock, Duration waitedBefore) implements FunctionLock {
        @Override
        public String name() {
            return lock.name();
        }

        @Override
        public Optional<String> notTakenBecause() {
            return lock.notTakenBecause();
        }

        @Override
        public void close() {
            lock.close();
        }
    }
}

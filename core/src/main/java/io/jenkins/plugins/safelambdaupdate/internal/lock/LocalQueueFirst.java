package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.time.Duration;
import java.util.Objects;

/**
 * A lock shared beyond this process (an OS file lock, a DynamoDB lease), taken after this process's own fair queue:
 * threads of one process take turns among themselves first, so only one of them at a time contends for the shared
 * lock, and they are served in arrival order. Releases both, the shared lock first.
 */
final class LocalQueueFirst implements LockProvider {

    /** Takes the shared lock, once this thread is first in the local queue. */
    @FunctionalInterface
    interface SharedLock {
        /**
         * @param deadlineNanos {@link System#nanoTime()} after which to give up
         * @throws InterruptedException if interrupted while waiting (the lock is then not held)
         * @throws LockTimeoutException if the deadline passed
         */
        FunctionLock acquire(String lockName, long deadlineNanos, LockWaitListener listener)
                throws InterruptedException, LockTimeoutException;
    }

    private final InProcessLockProvider local = new InProcessLockProvider();
    private final SharedLock shared;

    LocalQueueFirst(SharedLock shared) {
        this.shared = Objects.requireNonNull(shared, "shared cannot be null");
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        Objects.requireNonNull(lockName, "lockName cannot be null");
        Objects.requireNonNull(timeout, "timeout cannot be null");
        Objects.requireNonNull(listener, "listener cannot be null");
        long deadline = System.nanoTime() + timeout.toNanos();
        FunctionLock queued;
        try {
            queued = local.acquire(lockName, timeout, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // restored, as the shared lock's wait does: the caller must see it
            throw e;
        }
        FunctionLock held;
        try {
            held = shared.acquire(lockName, deadline, listener);
        } catch (InterruptedException | LockTimeoutException | RuntimeException e) {
            queued.close();
            throw e;
        }
        return new ReleaseOnce(lockName, () -> {
            try {
                held.close();
            } finally {
                queued.close();
            }
        });
    }
}

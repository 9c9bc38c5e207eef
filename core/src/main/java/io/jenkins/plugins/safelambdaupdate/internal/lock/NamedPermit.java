package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.Durations;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fair, non-reentrant permit with a description of its holder. A semaphore rather than a
 * {@code ReentrantLock}: the permit may be released by a thread other than the one that took it.
 */
final class NamedPermit {

    private final String name;
    private final Semaphore semaphore = new Semaphore(1, true);
    private volatile String holder;

    NamedPermit(String name) {
        this.name = name;
    }

    void acquire(String holderDescription, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        // tryAcquire() without a timeout would barge past queued waiters even on a fair semaphore.
        if (!semaphore.tryAcquire(0, TimeUnit.NANOSECONDS)) {
            listener.waiting(holder);
            if (!semaphore.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LockTimeoutException(
                        "Timed out after " + Durations.format(timeout) + " waiting for lock " + name
                                + (holder == null ? "" : " held by " + holder));
            }
        }
        holder = holderDescription;
    }

    void release() {
        holder = null;
        semaphore.release();
    }

    boolean isHeld() {
        return semaphore.availablePermits() == 0;
    }

    String holder() {
        return holder;
    }
}

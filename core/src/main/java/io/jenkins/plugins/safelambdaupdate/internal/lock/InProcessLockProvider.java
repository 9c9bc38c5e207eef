package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Locks functions within one JVM: one fair permit per lock name, so waiters are served first come,
 * first served and a waiter never touches AWS.
 */
public final class InProcessLockProvider implements LockProvider {

    private final ConcurrentMap<String, NamedPermit> permits = new ConcurrentHashMap<>();

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener)
            throws InterruptedException, LockTimeoutException {
        Objects.requireNonNull(lockName, "lockName cannot be null");
        Objects.requireNonNull(timeout, "timeout cannot be null");
        Objects.requireNonNull(listener, "listener cannot be null");
        NamedPermit permit = permits.computeIfAbsent(lockName, NamedPermit::new);
        String holder = Thread.currentThread().getName();
        permit.acquire(holder, timeout, listener);
        return new ReleaseOnce(lockName, permit::release);
    }

    /** Who holds the named lock right now, if anyone; for diagnostics and tests. */
    public boolean isHeld(String lockName) {
        NamedPermit permit = permits.get(lockName);
        return permit != null && permit.isHeld();
    }
}

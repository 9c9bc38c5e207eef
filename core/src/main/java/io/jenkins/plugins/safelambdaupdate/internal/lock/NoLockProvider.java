package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.time.Duration;
import java.util.Objects;

/** Takes no lock, for users who serialize deployments themselves (for example inside {@code lock { }}). */
public final class NoLockProvider implements LockProvider {
    private final String reason;

    /** @param reason why no lock is taken, for the log (for example {@code "lock: false"}) */
    public NoLockProvider(String reason) {
        this.reason = Objects.requireNonNull(reason, "reason cannot be null");
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener listener) {
        Objects.requireNonNull(lockName, "lockName cannot be null");
        return FunctionLock.notTaken(lockName, reason);
    }
}

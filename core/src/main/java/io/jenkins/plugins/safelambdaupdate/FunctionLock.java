package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.lock.ReleaseOnce;
import java.util.Objects;

/** A held function lock, from {@link LockProvider#acquire}. */
public interface FunctionLock extends AutoCloseable {
    /** @return the lock name (the canonical function ARN) */
    String name();

    /** Releases the lock. Idempotent; never throws. */
    @Override
    void close();

    /**
     * A held lock for lock providers: {@code release} runs on the first {@link #close()} only, however
     * often and from whichever thread the lock is closed.
     *
     * @param name the lock name
     * @param release what releases the lock; it should not throw
     * @return the held lock
     * @throws NullPointerException if name or release is null
     */
    static FunctionLock releasingOnce(String name, Runnable release) {
        return new ReleaseOnce(Objects.requireNonNull(name, "name cannot be null"),
                Objects.requireNonNull(release, "release cannot be null"));
    }
}

package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.lock.NotTaken;
import io.jenkins.plugins.safelambdaupdate.internal.lock.ReleaseOnce;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** A held function lock, from {@link LockProvider#acquire}. */
public interface FunctionLock extends AutoCloseable {
    /** @return the lock name (the canonical function ARN) */
    String name();

    /**
     * @return why no lock was actually taken, when the provider takes none on purpose (for example
     *     {@code "lock: false"}); empty for a lock really held. The deployment then reports that it is not locking
     *     instead of a lock acquired and released.
     */
    default Optional<String> notTakenBecause() {
        return Optional.empty();
    }

    /**
     * @return how long the caller waited for this lock before handing it to the deployment (see
     *     {@link LockProviders#held}); the deployment reports its lock wait as this plus its own. Zero by default
     */
    default Duration waitedBefore() {
        return Duration.ZERO;
    }

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

    /**
     * A lock that was not taken on purpose, for lock providers that serialize nothing themselves.
     *
     * @param name the lock name
     * @param reason why no lock is taken, for the build log (for example {@code "lock: false"})
     * @return a lock whose {@link #notTakenBecause()} is the reason and whose {@link #close()} does nothing
     * @throws NullPointerException if name or reason is null
     */
    static FunctionLock notTaken(String name, String reason) {
        return notTaken(name, reason, () -> { });
    }

    /**
     * A lock not taken on purpose, for a provider that still keeps something for the caller while it deploys (for
     * example its own queue, so that deployments under one enclosing lock still take turns).
     *
     * @param name the lock name
     * @param reason why no lock is taken, for the build log
     * @param onClose run on the first {@link #close()} only; it should not throw
     * @return a lock whose {@link #notTakenBecause()} is the reason
     * @throws NullPointerException if an argument is null
     */
    static FunctionLock notTaken(String name, String reason, Runnable onClose) {
        return new NotTaken(Objects.requireNonNull(name, "name cannot be null"),
                Objects.requireNonNull(reason, "reason cannot be null"),
                Objects.requireNonNull(onClose, "onClose cannot be null"));
    }
}

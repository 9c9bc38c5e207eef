package io.jenkins.plugins.safelambdaupdate;

/** Told by a {@link LockProvider} that the lock is held by someone else and the caller waits. */
@FunctionalInterface
public interface LockWaitListener {
    /** @param holderDescription who holds the lock (for example {@code "build #12 of deploy-job"}), or null when unknown */
    void waiting(String holderDescription);
}

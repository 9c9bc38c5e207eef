package io.jenkins.plugins.safelambdaupdate;

/** A held function lock, from {@link LockProvider#acquire}. */
public interface FunctionLock extends AutoCloseable {
    /** @return the lock name (the canonical function ARN) */
    String name();

    /** Releases the lock. Idempotent; never throws. */
    @Override
    void close();
}

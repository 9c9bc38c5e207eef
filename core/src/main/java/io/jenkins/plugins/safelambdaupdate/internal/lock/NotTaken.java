package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import java.util.Optional;

/**
 * A lock not taken on purpose ({@link FunctionLock#notTaken}); what the provider still keeps for the caller (its own
 * queue, say) is released once on close.
 */
public final class NotTaken implements FunctionLock {
    private final String reason;
    private final ReleaseOnce release;

    /**
     * @param name the lock name
     * @param reason why no lock is taken
     * @param onClose run on the first close
     */
    public NotTaken(String name, String reason, Runnable onClose) {
        this.reason = reason;
        this.release = new ReleaseOnce(name, onClose);
    }

    @Override
    public String name() {
        return release.name();
    }

    @Override
    public Optional<String> notTakenBecause() {
        return Optional.of(reason);
    }

    @Override
    public void close() {
        release.close();
    }
}

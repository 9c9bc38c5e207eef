package io.jenkins.plugins.safelambdaupdate.internal.lock;

import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import java.util.Optional;

/**
 * A lock not taken on purpose ({@link FunctionLock#notTaken}).
 *
 * @param name the lock name
 * @param reason why no lock is taken
 */
public record NotTaken(String name, String reason) implements FunctionLock {
    @Override
    public Optional<String> notTakenBecause() {
        return Optional.of(reason);
    }

    @Override
    public void close() {
        // nothing was taken
    }
}

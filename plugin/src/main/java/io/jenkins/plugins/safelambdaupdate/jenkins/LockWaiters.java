package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.safelambdaupdate.LockQueue;
import java.time.Duration;

/**
 * This controller's queue of waiting {@code safeLambdaUpdate} deployments per function lock, and which of them holds
 * it (see {@link LockQueue}). One instance per Jenkins (an extension). It holds no thread: waiters try from
 * {@code jenkins.util.Timer} and are woken when one of ours releases or leaves.
 */
@Extension
public final class LockWaiters {
    /**
     * After a restart, how long waiters of one function wait for each other to be restored before the first tries:
     * builds resume one after the other, and the earliest in the queue must not lose its place to a quicker one.
     */
    static final Duration RESTORE_GRACE = Duration.ofSeconds(3);

    private final LockQueue queue = new LockQueue(RESTORE_GRACE);

    /** @return this controller's queue */
    static LockQueue queue() {
        return ExtensionList.lookupSingleton(LockWaiters.class).queue;
    }
}

package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.FunctionReference;
import io.jenkins.plugins.safelambdaupdate.InvalidRequestException;
import io.jenkins.plugins.safelambdaupdate.Parameter;
import io.jenkins.plugins.safelambdaupdate.LockProvider;
import io.jenkins.plugins.safelambdaupdate.LockTimeoutException;
import io.jenkins.plugins.safelambdaupdate.LockWaitListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkins.plugins.lockableresources.LockableResource;
import org.jenkins.plugins.lockableresources.LockableResourcesManager;
import org.jenkins.plugins.lockableresources.queue.LockableResourcesStruct;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * The function lock as a lockable resource named exactly after the canonical function ARN, taken with the public
 * lockable-resources API on behalf of one build. Created per deployment, on the deployment's background thread.
 *
 * <ul>
 *   <li>Acquire: under the manager's lock, create the (ephemeral) resource when missing, and lock it if it is free.
 *   <li>Already held by this build through a {@code lock} step: a no-op lock (locking again would wait forever).
 *   <li>Busy: tell the listener who holds it, then wait in this controller's first-come, first-served queue of our
 *       own waiters ({@link LockWaiters}), woken as soon as one of ours releases and re-checking every second for
 *       holders that do not tell us. No AWS call and no Jenkins thread is involved while waiting.
 *   <li>Release: {@code unlockNames}, which also removes the ephemeral resource and serves queued {@code lock} steps
 *       first; then our next waiter is woken.
 * </ul>
 */
final class LockableResourceLockProvider implements LockProvider {
    /** The lock reason shown on the resource; also how a restarted step recognizes the lock it had taken. */
    static final String REASON = "safeLambdaUpdate deployment";
    private static final long RECHECK_MILLIS = 1000;

    private static final Logger LOGGER = Logger.getLogger(LockableResourceLockProvider.class.getName());

    private final Run<?, ?> run;
    private final FlowNode node;
    private final LockWaiters waiters;

    /**
     * @param run the build that deploys
     * @param node the step's node in the flow graph (to recognize an enclosing {@code lock} block), or null
     * @param waiters this controller's queue of our deployments
     */
    LockableResourceLockProvider(Run<?, ?> run, FlowNode node, LockWaiters waiters) {
        this.run = Objects.requireNonNull(run, "run cannot be null");
        this.node = node;
        this.waiters = Objects.requireNonNull(waiters, "waiters cannot be null");
    }

    @Override
    public FunctionLock acquire(String lockName, Duration timeout, LockWaitListener waitListener)
            throws InterruptedException, LockTimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean enclosed = EnclosingLocks.hold(node, lockName);
        Object ticket = waiters.join(lockName);
        try {
            boolean told = false;
            String toldHolder = null;
            while (true) {
                long seen = waiters.changes();
                Attempt attempt = tryLock(lockName, waiters.isFirst(lockName, ticket), enclosed);
                if (attempt == Attempt.ACQUIRED) {
                    return FunctionLock.releasingOnce(lockName, () -> release(lockName));
                }
                if (attempt == Attempt.HELD_BY_THIS_BUILD) {
                    // Our deployments under that lock still take turns: this one holds the function in our queue.
                    return FunctionLock.notTaken(lockName, "this build already holds it (lock step); deploying "
                            + "under that lock", () -> waiters.released(lockName));
                }
                if (!told || !Objects.equals(toldHolder, attempt.holder)) {
                    waitListener.waiting(attempt.holder);
                    told = true;
                    toldHolder = attempt.holder;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new LockTimeoutException("the lockable resource " + lockName + " is still held"
                            + (attempt.holder == null ? "" : " by " + attempt.holder));
                }
                waiters.awaitChange(seen, Math.min(left, RECHECK_MILLIS));
            }
        } finally {
            waiters.leave(lockName, ticket);
        }
    }

    private Attempt tryLock(String name, boolean first, boolean enclosed) {
        LockableResourcesManager manager = LockableResourcesManager.get();
        synchronized (LockableResourcesManager.syncResources) {
            LockableResource resource = find(manager, name);
            if (resource != null && run.equals(resource.getBuild())) {
                if (waiters.isHeld(name)) {
                    return Attempt.busy("another safeLambdaUpdate of this build (" + run.getFullDisplayName() + ")");
                }
                if (!enclosed) {
                    // Held by this build, but not around this step: a lock block in another parallel branch.
                    return Attempt.busy("a lock step in another branch of this build (" + run.getFullDisplayName()
                            + ")");
                }
                if (!first) {
                    return Attempt.busy("an earlier safeLambdaUpdate of this build waiting on this controller");
                }
                waiters.held(name); // parallel branches under one enclosing lock deploy one at a time
                return Attempt.HELD_BY_THIS_BUILD;
            }
            if (!first) {
                String holder = describe(resource);
                return Attempt.busy(holder != null ? holder : "an earlier safeLambdaUpdate waiting on this controller");
            }
            if (resource == null && !manager.createResource(name)) {
                throw new InvalidRequestException(Parameter.LOCK, "cannot be taken: the lockable resource " + name
                        + " does not exist and"
                        + " the Lockable Resources settings do not allow creating resources on the fly (ephemeral"
                        + " resources): declare that resource, allow ephemeral resources, or set lock: false and wrap"
                        + " the step in lock(resource: '" + name + "') { }");
            }
            List<LockableResource> free = manager.getAvailableResources(
                    List.of(new LockableResourcesStruct(List.of(name))));
            if (free == null || free.isEmpty() || !manager.lock(free, run, REASON)) {
                return Attempt.busy(describe(find(manager, name)));
            }
            waiters.held(name);
            return Attempt.ACQUIRED;
        }
    }

    /**
     * Never throws, and works on an interrupted thread (an aborted build releases too): a release that failed is
     * logged, and the resource stays with the build until the build ends, when lockable-resources frees it.
     */
    private void release(String name) {
        boolean interrupted = Thread.interrupted();
        try {
            LockableResourcesManager.get().unlockNames(List.of(name), run);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Could not release the lockable resource " + name + " of " + run, e);
        } finally {
            waiters.released(name);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Frees, after a controller restart, the function lock that this build's {@code safeLambdaUpdate} of
     * {@code functionName} had taken (recognized by {@link #REASON}); a {@code lock} step's resource is left alone.
     */
    static void releaseAfterRestart(Run<?, ?> run, String functionName) {
        String suffix;
        try {
            suffix = ":function:" + FunctionReference.parse(functionName).name();
        } catch (InvalidRequestException e) {
            return; // an invalid reference never got as far as the lock
        }
        LockableResourcesManager manager = LockableResourcesManager.get();
        List<String> ours = new ArrayList<>();
        synchronized (LockableResourcesManager.syncResources) {
            for (LockableResource r : manager.getResources()) {
                if (REASON.equals(r.getLockReason()) && r.getName().endsWith(suffix) && run.equals(r.getBuild())) {
                    ours.add(r.getName());
                }
            }
        }
        manager.unlockNames(ours, run);
    }

    private static LockableResource find(LockableResourcesManager manager, String name) {
        for (LockableResource r : manager.getResources()) {
            if (name.equals(r.getName())) {
                return r;
            }
        }
        return null;
    }

    /** @return who holds the resource, for the log: a build, a reservation or a queued build; null when unknown */
    private static String describe(LockableResource resource) {
        if (resource == null) {
            return null;
        }
        Run<?, ?> build = resource.getBuild();
        if (build != null) {
            return build.getFullDisplayName();
        }
        if (resource.isReserved()) {
            return "a reservation by " + resource.getReservedBy();
        }
        return resource.isQueued() ? "a queued build of " + resource.getQueueItemProject() : null;
    }

    /** The outcome of one try. */
    private static final class Attempt {
        static final Attempt ACQUIRED = new Attempt(null);
        static final Attempt HELD_BY_THIS_BUILD = new Attempt(null);
        final String holder;

        private Attempt(String holder) {
            this.holder = holder;
        }

        static Attempt busy(String holder) {
            return new Attempt(holder);
        }
    }
}

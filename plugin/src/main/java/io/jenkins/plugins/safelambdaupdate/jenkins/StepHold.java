package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.model.Run;
import io.jenkins.plugins.safelambdaupdate.FunctionLock;
import io.jenkins.plugins.safelambdaupdate.LockTicket;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The hold of one step's {@link LockTicket} on its function's lock (the lockable resource, or an enclosing
 * {@code lock} block, and this controller's {@link LockWaiters}) once the step has it: handed to the engine for the
 * deployment, checked after a restart, and given back when a deployment ends without the engine having released it.
 * Made from the execution's persisted fields whenever needed; every release is ticket-checked, so a repeated one is a
 * no-op.
 */
final class StepHold {
    private static final Logger LOGGER = Logger.getLogger(StepHold.class.getName());

    private final String lockName;
    private final LockTicket ticket;
    private final boolean enclosed;

    /** @param enclosed whether a {@code lock} block around the step holds the function (no resource of our own) */
    StepHold(String lockName, LockTicket ticket, boolean enclosed) {
        this.lockName = lockName;
        this.ticket = ticket;
        this.enclosed = enclosed;
    }

    /**
     * @param executor the deployment's executor: once it is shut down (Jenkins stops) the hold is kept for the resumed
     *     deployment
     * @return the lock for the engine, which releases it once
     */
    FunctionLock forDeployment(Run<?, ?> run, ExecutorService executor) {
        Runnable release = () -> {
            if (!executor.isShutdown()) {
                LockableResourceHold.release(run, lockName, ticket, LockWaiters.queue());
            }
        };
        return enclosed ? FunctionLock.notTaken(lockName, "this build already holds it (lock step); deploying under"
                + " that lock", release) : FunctionLock.releasingOnce(lockName, release);
    }

    /** @return whether the hold survived a restart; it is then this controller's holder again */
    boolean resume(Run<?, ?> run) {
        boolean held = enclosed || LockableResourceHold.isHeld(run, lockName, ticket);
        return held && LockWaiters.queue().hold(lockName, ticket);
    }

    /** Gives the hold back; without the build, at least our queue's part (the build's end frees the resource). */
    void release(StepContext context) {
        try {
            LockableResourceHold.release(context.get(Run.class), lockName, ticket, LockWaiters.queue());
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOGGER.log(Level.WARNING, "No build to release the lock of safeLambdaUpdate " + lockName + " for", e);
            LockWaiters.queue().release(lockName, ticket); // our next waiter must not wait for it
        }
    }
}

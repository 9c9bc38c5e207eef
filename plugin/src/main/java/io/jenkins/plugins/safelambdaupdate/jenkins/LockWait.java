package io.jenkins.plugins.safelambdaupdate.jenkins;

import java.io.Serializable;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What a step does while it waits for the lock, apart from deciding whether it has it: arms its next try on
 * {@link Timer}, shows the wait on the step's node ({@link WaitPause}), and says who holds the lock each time the
 * holder changes. Persisted with the execution, so a restart does not name the same holder again; the pending try and
 * the pause are made anew after it.
 */
final class LockWait implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How often a waiter re-checks: holders outside this plugin ({@code lock} steps) release without telling us. */
    private static final long RECHECK_MILLIS = 1000;

    private final String lockName;
    private boolean holderTold;
    /** The holder last named (null when unknown), for the status and the timeout message. */
    private String holderToldAbout;
    private transient ScheduledFuture<?> next;
    private transient WaitPause pause;

    /** @param lockName the lock waited for, the canonical function ARN */
    LockWait(String lockName) {
        this.lockName = lockName;
    }

    /** Tries at once, on a timer thread: how the queue wakes a waiter that may have become first. Never blocks. */
    static void soon(Runnable attempt) {
        Timer.get().submit(attempt);
    }

    /** Arms the next try, at most {@code leftMillis} away (the deadline), in place of a pending one. */
    synchronized void rearm(Runnable attempt, long leftMillis) {
        after(attempt, Math.min(RECHECK_MILLIS, leftMillis));
    }

    /** Arms the next try after {@code delayMillis}, in place of a pending one. */
    synchronized void after(Runnable attempt, long delayMillis) {
        cancel();
        next = Timer.get().schedule(attempt, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Cancels the pending try, if any. */
    synchronized void cancel() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }

    /**
     * @param busy what the last try found
     * @return the holder as the console shows it (a link to its build), when it is not the one named last; else null
     */
    synchronized String holderChange(LockableResourceHold.Attempt busy) {
        if (holderTold && Objects.equals(holderToldAbout, busy.holder())) {
            return null;
        }
        holderTold = true;
        holderToldAbout = busy.holder();
        return busy.linkedHolder();
    }

    /** @return the holder named last, or null when none was known */
    synchronized String holder() {
        return holderToldAbout;
    }

    /** @return the pause on the step's node, one per waiter (its monitor orders showing and ending) */
    synchronized WaitPause pause(StepContext context) {
        if (pause == null) {
            pause = new WaitPause(context, "Waiting for lock " + lockName);
        }
        return pause;
    }
}

package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * This controller's bookkeeping for the function locks that {@code safeLambdaUpdate} takes itself: a first-come,
 * first-served queue of waiting deployments per lock name, the names this plugin holds, and a wake-up for the waiters
 * as soon as one of ours releases. One instance per Jenkins (an extension), thread-safe.
 *
 * <p>The lock itself is the lockable resource; this only orders our own waiters. Holders outside this plugin (the
 * {@code lock} step, other builds) release without telling us, which is why waiters also re-check periodically.
 */
@Extension
public final class LockWaiters {
    private final Map<String, Deque<Object>> queues = new HashMap<>();
    private final Set<String> held = new HashSet<>();
    /** Counts releases of ours and waiters leaving; waiters wait for it to move. */
    private long changes;

    /** @return this controller's instance */
    static LockWaiters get() {
        return ExtensionList.lookupSingleton(LockWaiters.class);
    }

    /** Joins the end of the queue for {@code name}; the returned ticket identifies the waiter. */
    synchronized Object join(String name) {
        Object ticket = new Object();
        queues.computeIfAbsent(name, k -> new ArrayDeque<>()).addLast(ticket);
        return ticket;
    }

    /** @return whether the ticket is first in the queue for {@code name}, that is, the next of ours to try */
    synchronized boolean isFirst(String name, Object ticket) {
        Deque<Object> queue = queues.get(name);
        return queue != null && queue.peekFirst() == ticket;
    }

    /** Leaves the queue (acquired, timed out or interrupted) and lets the next waiter try at once. */
    synchronized void leave(String name, Object ticket) {
        Deque<Object> queue = queues.get(name);
        if (queue != null) {
            queue.remove(ticket);
            if (queue.isEmpty()) {
                queues.remove(name);
            }
        }
        changes++;
        notifyAll();
    }

    /** Records that this plugin holds the lockable resource {@code name}. */
    synchronized void held(String name) {
        held.add(name);
    }

    /** @return whether this plugin holds {@code name} (rather than a {@code lock} step of the same build) */
    synchronized boolean isHeld(String name) {
        return held.contains(name);
    }

    /** Records that this plugin released {@code name} and wakes every waiter. */
    synchronized void released(String name) {
        held.remove(name);
        changes++;
        notifyAll();
    }

    /** @return the change counter, to pass to {@link #awaitChange} */
    synchronized long changes() {
        return changes;
    }

    /**
     * Waits until something changed since {@code seen} was read (a release of ours, a waiter leaving) or
     * {@code maxMillis} passed.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    synchronized void awaitChange(long seen, long maxMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        long left = maxMillis;
        while (changes == seen && left > 0) {
            wait(left);
            left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        }
    }
}

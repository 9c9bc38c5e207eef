package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A first-come, first-served queue of waiters per lock name that holds no thread: waiters do not block here, they ask
 * {@link #isNext} when they try (from a timer, say) and are woken through the callback they joined with as soon as
 * the waiter before them leaves or the holder of ours releases. At most one ticket per lock name holds it (the
 * {@linkplain #hold hold} of the queue's owner); a release names its ticket, so a late release of an old holder never
 * frees a newer one.
 *
 * <p>Survives a process restart when its owner persists each waiter's {@link LockTicket}: {@link #restore} puts a
 * waiter back in its original place, and for a short grace period after the last restore of a lock nobody is next,
 * so that waiters restored a little later still go first. Thread-safe; callbacks run on the caller's thread, outside
 * the queue's monitor.
 */
public final class LockQueue {
    private final Duration restoreGrace;
    private final Map<String, Line> lines = new HashMap<>();

    /**
     * @param restoreGrace how long after the last {@link #restore} of a lock nobody is next for it, not negative
     * @throws IllegalArgumentException if restoreGrace is negative
     */
    public LockQueue(Duration restoreGrace) {
        if (Objects.requireNonNull(restoreGrace, "restoreGrace cannot be null").isNegative()) {
            throw new IllegalArgumentException("restoreGrace cannot be negative, was " + restoreGrace);
        }
        this.restoreGrace = restoreGrace;
    }

    /**
     * Queues a waiter at its place (by {@link LockTicket} order; a new ticket goes last).
     *
     * @param lockName the lock
     * @param ticket the waiter's ticket
     * @param wake called when the waiter may have become next (it then tries again); must not block
     */
    public void join(String lockName, LockTicket ticket, Runnable wake) {
        Objects.requireNonNull(wake, "wake cannot be null");
        synchronized (this) {
            line(lockName).waiters.put(ticket, wake);
        }
    }

    /**
     * Puts back a waiter after a restart, at its original place, and holds everyone of that lock back for the grace
     * period from {@code now}, so that the others restored in the same start-up find their places first.
     *
     * @param lockName the lock
     * @param ticket the ticket the waiter had
     * @param wake as for {@link #join}
     * @param now the current time
     */
    public void restore(String lockName, LockTicket ticket, Runnable wake, Instant now) {
        Objects.requireNonNull(wake, "wake cannot be null");
        synchronized (this) {
            Line line = line(lockName);
            line.waiters.put(ticket, wake);
            Instant until = now.plus(restoreGrace);
            if (line.restoringUntil == null || until.isAfter(line.restoringUntil)) {
                line.restoringUntil = until;
            }
        }
    }

    /**
     * @return whether {@code ticket} is first in its lock's queue, no ticket of this queue holds the lock, and no
     *     restore grace is running: the one waiter that may try to take the lock now
     */
    public synchronized boolean isNext(String lockName, LockTicket ticket, Instant now) {
        Line line = lines.get(lockName);
        if (line == null || line.holder != null || line.waiters.isEmpty() || !line.waiters.firstKey().equals(ticket)) {
            return false;
        }
        return line.restoringUntil == null || !now.isBefore(line.restoringUntil);
    }

    /** @return how many waiters are queued before {@code ticket}, or -1 when it is not queued */
    public synchronized int position(String lockName, LockTicket ticket) {
        Line line = lines.get(lockName);
        return line == null || !line.waiters.containsKey(ticket) ? -1 : line.waiters.headMap(ticket).size();
    }

    /**
     * Leaves the queue (the waiter gave up, timed out or was stopped) and wakes the waiter that is now first.
     * Does nothing for a ticket that is not queued.
     */
    public void leave(String lockName, LockTicket ticket) {
        Runnable wake;
        synchronized (this) {
            Line line = lines.get(lockName);
            if (line == null || line.waiters.remove(ticket) == null) {
                return;
            }
            wake = line.first();
            prune(lockName, line);
        }
        run(wake);
    }

    /**
     * Records that {@code ticket} holds the lock (it leaves the queue if it was in it); also how a holder is put back
     * after a restart.
     *
     * @return false, changing nothing, when another ticket of this queue holds it
     */
    public synchronized boolean hold(String lockName, LockTicket ticket) {
        Objects.requireNonNull(ticket, "ticket cannot be null");
        Line line = line(lockName);
        if (line.holder != null && !line.holder.equals(ticket)) {
            return false;
        }
        line.waiters.remove(ticket);
        line.holder = ticket;
        return true;
    }

    /** @return the ticket of this queue that holds the lock, if any */
    public synchronized Optional<LockTicket> holder(String lockName) {
        Line line = lines.get(lockName);
        return Optional.ofNullable(line == null ? null : line.holder);
    }

    /**
     * Ends the hold of {@code ticket} and wakes the first waiter. A ticket that does not hold the lock (an old holder
     * releasing late) changes nothing.
     *
     * @return whether {@code ticket} held the lock
     */
    public boolean release(String lockName, LockTicket ticket) {
        Runnable wake;
        synchronized (this) {
            Line line = lines.get(lockName);
            if (line == null || line.holder == null || !line.holder.equals(ticket)) {
                return false;
            }
            line.holder = null;
            wake = line.first();
            prune(lockName, line);
        }
        run(wake);
        return true;
    }

    private Line line(String lockName) {
        return lines.computeIfAbsent(Objects.requireNonNull(lockName, "lockName cannot be null"), n -> new Line());
    }

    private void prune(String lockName, Line line) {
        if (line.holder == null && line.waiters.isEmpty()) {
            lines.remove(lockName);
        }
    }

    private static void run(Runnable wake) {
        if (wake != null) {
            wake.run();
        }
    }

    /** One lock's waiters in ticket order, its holder of ours, and the end of its restore grace. */
    private static final class Line {
        final TreeMap<LockTicket, Runnable> waiters = new TreeMap<>();
        LockTicket holder;
        Instant restoringUntil;

        Runnable first() {
            return waiters.isEmpty() ? null : waiters.firstEntry().getValue();
        }
    }
}

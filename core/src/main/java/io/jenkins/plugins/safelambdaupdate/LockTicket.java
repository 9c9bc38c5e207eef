package io.jenkins.plugins.safelambdaupdate;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One waiter's place in a {@link LockQueue}: a unique token and when it queued. Tickets order by queue time, then by
 * token, so a waiter put back after a restart takes the place it had. Immutable; safe to persist.
 *
 * @param id the unique token (for example a random UUID); it also names the waiter's hold once the lock is taken
 * @param queuedAt when the waiter first queued
 */
public record LockTicket(String id, Instant queuedAt) implements Comparable<LockTicket> {
    private static final Comparator<LockTicket> ORDER = Comparator.comparing(LockTicket::queuedAt)
            .thenComparing(LockTicket::id);

    /** @throws NullPointerException if an argument is null */
    public LockTicket {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(queuedAt, "queuedAt cannot be null");
    }

    @Override
    public int compareTo(LockTicket other) {
        return ORDER.compare(this, other);
    }
}

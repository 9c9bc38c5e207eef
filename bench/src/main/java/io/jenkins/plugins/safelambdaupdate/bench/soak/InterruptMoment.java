package io.jenkins.plugins.safelambdaupdate.bench.soak;

/** When a planned interrupt hits its deployment, picked from the deployment's own events. */
public enum InterruptMoment {
    /** After the LockWaiting event, a random delay later: usually while waiting for the lock. */
    WHILE_WAITING_FOR_LOCK,
    /** After the Submitted event of a code or configuration update, a random delay of up to one update later. */
    WHILE_WAITING_FOR_UPDATE,
    /** Inside the listener, on the n-th event that ends a step (LockAcquired, Settled, Skipped, Confirmed, ...). */
    BETWEEN_PHASES,
    /** A random delay after the deployment started, whatever it is doing then. */
    ANY_TIME
}

package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.time.Instant;

/**
 * A transition in flight: when it ends, and the failure it ends with (null: it succeeds).
 *
 * @param endsAt  the instant the transition is over
 * @param failure the planned failure, or null
 */
record Transition(Instant endsAt, FaultInjector.Failure failure) {

    boolean isOver(Instant now) {
        return !now.isBefore(endsAt);
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;

/**
 * Where one of our operations ended, as one wait's polls bound it, counted from its submission: after {@code after}
 * (the last poll that saw it unfinished was sent then; null when no poll did) and by {@code by} (the answer of the
 * poll that saw it finished came then). Both are bounds, never estimates, so the bounds of several waits of a
 * function that takes about as long each time can be intersected.
 *
 * @param after a lower bound, or null when unknown
 * @param by    an upper bound
 */
record ObservedDuration(Duration after, Duration by) {
    /** @return an operation seen unfinished at {@code after} and finished at {@code by} */
    static ObservedDuration between(Duration after, Duration by) {
        return new ObservedDuration(after, by);
    }

    /** @return an operation seen finished at {@code by} by the first poll */
    static ObservedDuration atMost(Duration by) {
        return new ObservedDuration(null, by);
    }

    /** @return the lower bound, zero when unknown */
    Duration lower() {
        return after == null ? Duration.ZERO : after;
    }

    /** @return the middle of the bounds, or null when the lower one is unknown */
    Duration middle() {
        return after == null ? null : after.plus(by).dividedBy(2);
    }
}

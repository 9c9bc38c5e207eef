package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;

/**
 * Where one of our operations ended, as one wait's polls bound it, counted from its submission and measured by when
 * polls were sent (a poll sent at a given time sees what is true a request's travel later): a poll sent at
 * {@code after} saw it unfinished (null when no poll did) and one sent at {@code by} saw it finished. Both are
 * bounds, never estimates, so the bounds of several waits of a function that takes about as long each time can be
 * intersected, and a poll sent at {@code by} sees it finished again.
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

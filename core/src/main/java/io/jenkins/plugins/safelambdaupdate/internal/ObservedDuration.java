package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;

/**
 * How long one of our operations took, as one wait saw it: measured (the polls around completion were close), or
 * only bounded from above (the first, aimed poll already saw it done: it may have been done for a while).
 *
 * @param value the measured duration, or the upper bound
 * @param upperBoundOnly whether {@code value} is only an upper bound
 */
record ObservedDuration(Duration value, boolean upperBoundOnly) {
    static ObservedDuration measured(Duration value) {
        return new ObservedDuration(value, false);
    }

    static ObservedDuration atMost(Duration value) {
        return new ObservedDuration(value, true);
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;

/**
 * Where a wait of our own operation polls first, counted from the operation's submission, and whether that is a
 * duration learned for this function and phase or only a guess ({@link FirstGuesses}). A guess may bracket the
 * completion: then the polls after the first one step evenly through it, up to {@code bracketEnd}.
 *
 * @param firstPoll  the first poll's time after submission
 * @param learned    whether {@code firstPoll} is this function's learned duration for this phase
 * @param step       the even step through the bracket, or null when there is none
 * @param bracketEnd the end of the bracket, or null when there is none
 */
record WaitPlan(Duration firstPoll, boolean learned, Duration step, Duration bracketEnd) {
    /** Polls in the bracket: the first a step into it, the last at its end. */
    static final int BRACKET_POLLS = 4;

    /** @return a plan aimed at this function's learned duration */
    static WaitPlan learned(Duration expected) {
        return new WaitPlan(expected, true, null, null);
    }

    /** @return a guess without a bracket */
    static WaitPlan guess(Duration firstPoll) {
        return new WaitPlan(firstPoll, false, null, null);
    }

    /** @return a guess that polls evenly through {@code (lower, upper]}, {@value #BRACKET_POLLS} polls */
    static WaitPlan through(AdaptiveBackoff.Interval interval) {
        Duration step = interval.upper().minus(interval.lower()).dividedBy(BRACKET_POLLS);
        return new WaitPlan(interval.lower().plus(step), false, step, interval.upper());
    }
}

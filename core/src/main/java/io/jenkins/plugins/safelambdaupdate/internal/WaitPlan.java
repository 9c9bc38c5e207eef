package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;

/**
 * Where a wait of our own operation polls first, counted from the operation's submission, and whether that comes from
 * this function's own history of this phase or only from a guess ({@link FirstGuesses}); then, optionally, the
 * bounds the next polls aim at.
 * <ul>
 *   <li>A guess may bracket the completion: then the polls after the first one step evenly through it, up to
 *       {@code bracketEnd}.</li>
 *   <li>A learned plan comes from the bounds within which this function's recent operations ended
 *       ({@link UpdateDurations#learned}): when they are tighter than {@link #PRECISION} the first poll goes to the
 *       upper bound ({@code bracketEnd}) and sees it done at once; else it probes inside them (half-way, at most
 *       {@code probe} below the upper bound), and when the probe sees it unfinished the next poll goes straight to
 *       the upper bound, so a probe costs a poll, never lateness. A poll at the upper bound that misses by a hair (a
 *       request's travel varies) is followed {@link #PRECISION} later.</li>
 * </ul>
 *
 * @param firstPoll  the first poll's time after submission
 * @param learned    whether the plan comes from this function's own history of this phase
 * @param step       the even step through a guess's bracket, or null when there is none
 * @param bracketEnd the end of the bracket (a guess), or the upper bound (learned), or null
 */
record WaitPlan(Duration firstPoll, boolean learned, Duration step, Duration bracketEnd) {
    /**
     * Polls in the bracket: the first a step into it, the last at its end. Three, so that a first deployment stays
     * within 15 calls: 6 calls besides the waits, up to 5 polls on the code update's ladder (a completion up to
     * 5 s), the configuration's bracket, and one poll for the version.
     */
    static final int BRACKET_POLLS = 3;
    /** Bounds this tight are aimed at by their upper end, without a probe. */
    static final Duration PRECISION = Duration.ofMillis(40);

    /**
     * @param bounds where this function's recent operations of this phase ended (see {@link UpdateDurations})
     * @param probe  how far below the upper bound a probe may go
     * @return a plan aimed at the upper bound when the bounds are tight, else a probe inside them
     */
    static WaitPlan learned(ObservedDuration bounds, Duration probe) {
        Duration width = bounds.by().minus(bounds.lower());
        if (width.compareTo(PRECISION) <= 0) {
            return new WaitPlan(bounds.by(), true, null, bounds.by());
        }
        Duration halfWay = bounds.lower().plus(width.dividedBy(2));
        Duration lowest = bounds.by().minus(probe);
        return new WaitPlan(halfWay.compareTo(lowest) >= 0 ? halfWay : lowest, true, null, bounds.by());
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

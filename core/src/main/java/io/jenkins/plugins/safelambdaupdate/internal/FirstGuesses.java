package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;

/**
 * What is known about a wait before anything was learned about this function and phase, so that a deployer that
 * learned nothing (a fresh CI agent, a new function) polls a few times rather than every 250 ms:
 * <ul>
 *   <li>this deployment's previous update of the same function (its code update, when the configuration follows):
 *       an update of one function takes about as long as the one before, so the wait polls evenly through the
 *       interval in which that one ended;</li>
 *   <li>a version publish snapshots what an update already prepared: it is guessed at half the function's update
 *       just seen;</li>
 *   <li>what other functions took (the conservative prior of {@link UpdateDurations}, at most 1 s);</li>
 *   <li>else the kind of change: an update of a zip mostly ends within about a second, plus a second per
 *       {@value #BYTES_PER_EXTRA_SECOND} bytes of package (larger packages take longer to unpack and optimize);
 *       a publish about half a second.</li>
 * </ul>
 * A guess only decides when the first poll comes; every guess is followed by the ladder of {@link AdaptiveBackoff}.
 */
final class FirstGuesses {
    /** The guess for an update of a small package. */
    static final Duration UPDATE = Duration.ofSeconds(1);
    /** Each so many bytes of package add a second to the guess. */
    static final long BYTES_PER_EXTRA_SECOND = 10L * 1024 * 1024;
    /** The guess for a publish without anything else known. */
    static final Duration PUBLISH = Duration.ofMillis(500);

    private FirstGuesses() {
    }

    /**
     * @param kind           the phase awaited: CODE, CONFIGURATION or PUBLISH
     * @param previousUpdate where this deployment's previous update of the function ended, or null
     * @param otherFunctions what other functions took (a prior), or null
     * @param packageBytes   the size of the package uploaded by a code update, 0 when unknown or not a code update
     * @return the plan of the wait
     */
    static WaitPlan plan(Phase kind, AdaptiveBackoff.Interval previousUpdate, Duration otherFunctions,
                         long packageBytes) {
        if (kind == Phase.PUBLISH) {
            if (previousUpdate != null) {
                return WaitPlan.guess(previousUpdate.lower().plus(previousUpdate.upper()).dividedBy(4));
            }
            return WaitPlan.guess(otherFunctions != null ? otherFunctions : PUBLISH);
        }
        if (previousUpdate != null) {
            return WaitPlan.through(previousUpdate);
        }
        if (otherFunctions != null) {
            return WaitPlan.guess(otherFunctions);
        }
        return WaitPlan.guess(UPDATE.plusMillis(1000 * Math.max(0, packageBytes) / BYTES_PER_EXTRA_SECOND));
    }
}

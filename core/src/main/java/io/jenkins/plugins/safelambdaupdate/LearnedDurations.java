package io.jenkins.plugins.safelambdaupdate;

import io.jenkins.plugins.safelambdaupdate.internal.UpdateDurations;

/**
 * What deployers have learned about how long Lambda takes to apply updates and publish versions, per function.
 * The waits use it to poll when completion is likely instead of polling blindly: a deployer that knows a function's
 * updates take about 1.5 s makes one or two polls per wait, one that knows nothing polls every 250 ms.
 *
 * <p>A deployer keeps its own by default. Give several deployers of one process the same instance (see
 * {@link SafeLambdaDeployer.Builder#learnedDurations}) when they are short-lived, as on a Jenkins controller that
 * builds a deployer per build, so that what one deployment learned serves the next. Thread-safe; holds only
 * durations keyed by function ARN, nothing secret.
 */
public final class LearnedDurations {
    private final UpdateDurations durations = new UpdateDurations();

    /** Creates an empty store: nothing learned yet. */
    public LearnedDurations() {
    }

    UpdateDurations durations() {
        return durations;
    }
}

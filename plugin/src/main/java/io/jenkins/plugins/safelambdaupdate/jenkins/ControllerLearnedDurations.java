package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.safelambdaupdate.LearnedDurations;

/**
 * What this controller's deployments learned about how long Lambda takes to apply updates, shared by every build.
 * Each step builds its own deployer (credentials differ per build); without this, every build would start knowing
 * nothing and its waits would poll blindly. One instance per Jenkins (an extension); lost on restart, which only
 * costs the next deployment a few more polls.
 */
@Extension
public final class ControllerLearnedDurations {
    private final LearnedDurations durations = new LearnedDurations();

    /** @return this controller's instance */
    static ControllerLearnedDurations get() {
        return ExtensionList.lookupSingleton(ControllerLearnedDurations.class);
    }

    /** @return the durations learned so far, to hand to a deployer */
    LearnedDurations durations() {
        return durations;
    }
}

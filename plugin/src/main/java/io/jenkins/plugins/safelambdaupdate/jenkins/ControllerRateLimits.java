package io.jenkins.plugins.safelambdaupdate.jenkins;

import hudson.Extension;
import hudson.ExtensionList;
import io.jenkins.plugins.safelambdaupdate.RequestRateLimiter;
import io.jenkins.plugins.safelambdaupdate.SharedRateLimits;

/**
 * One client-side request rate limit per AWS account and region for every build of this controller, so that many
 * concurrent builds together stay within Lambda's quotas (as the command line's deployers of one process do) instead
 * of meeting 429s. The account is known only after a call, so the identity used for it stands in: the credentials
 * id, else the access key of the step's environment, else the controller's own identity.
 */
@Extension
public final class ControllerRateLimits {
    private final SharedRateLimits limits = new SharedRateLimits();

    /** @return this controller's instance */
    static ControllerRateLimits get() {
        return ExtensionList.lookupSingleton(ControllerRateLimits.class);
    }

    /**
     * @param identity what stands for the account, not null
     * @param region the region the step deploys to, not null
     * @return the shared limiter
     */
    RequestRateLimiter forIdentityAndRegion(String identity, String region) {
        return limits.forAccountAndRegion(identity, region);
    }
}

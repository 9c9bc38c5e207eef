package io.jenkins.plugins.safelambdaupdate;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One client-side request rate limit per AWS account and region, shared by every deployer of a process that holds
 * this registry (a Jenkins controller's builds, a benchmark's deployers), so that together they stay within the
 * account's Lambda quotas instead of each within its own. Thread-safe.
 */
public final class SharedRateLimits {
    private final ConcurrentMap<String, RequestRateLimiter> limiters = new ConcurrentHashMap<>();

    /** Creates an empty registry. */
    public SharedRateLimits() {
    }

    /**
     * @param account what identifies the account: its id when known, else the identity used for it (a credentials
     *     id, for example); not null
     * @param region the region, not null
     * @return the limiter of that account and region, created at {@link RequestRateLimiter#lambdaQuotas()} on first use
     */
    public RequestRateLimiter forAccountAndRegion(String account, String region) {
        Objects.requireNonNull(account, "account cannot be null");
        Objects.requireNonNull(region, "region cannot be null");
        return limiters.computeIfAbsent(account + '|' + region, key -> RequestRateLimiter.lambdaQuotas());
    }
}

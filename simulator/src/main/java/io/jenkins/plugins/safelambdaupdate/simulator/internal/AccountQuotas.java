package io.jenkins.plugins.safelambdaupdate.simulator.internal;

import java.time.Clock;

/**
 * The account's control-plane request rates (reference §5): GetFunction 100 req/s on its own, every other
 * call 15 req/s combined. Beyond them a call is refused with 429 and {@code Retry-After}.
 */
public final class AccountQuotas {
    /** GetFunction's own rate. */
    public static final int GET_FUNCTION_RATE = 100;
    /** The rate shared by every other control-plane call. */
    public static final int CONTROL_PLANE_RATE = 15;

    private final boolean enabled;
    private final TokenBucket getFunction;
    private final TokenBucket controlPlane;

    /**
     * @param enabled false lets every call through
     * @param clock   the clock the buckets refill by
     */
    public AccountQuotas(boolean enabled, Clock clock) {
        this.enabled = enabled;
        this.getFunction = new TokenBucket(GET_FUNCTION_RATE, clock);
        this.controlPlane = new TokenBucket(CONTROL_PLANE_RATE, clock);
    }

    /**
     * @param operation the operation name of the call
     * @throws LambdaError 429 TooManyRequestsException when the operation's bucket is empty
     */
    void admit(String operation) {
        if (!enabled) {
            return;
        }
        long waitNanos = ("GetFunction".equals(operation) ? getFunction : controlPlane).tryAcquire();
        if (waitNanos > 0) {
            throw Errors.throttled(Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }
}

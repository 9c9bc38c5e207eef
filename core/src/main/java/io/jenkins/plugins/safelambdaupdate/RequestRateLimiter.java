package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A client-side token bucket on Lambda control-plane requests, shared by every client of one process that is built
 * with it ({@link LambdaClients.Builder#requestRateLimit(RequestRateLimiter)}), so that many deployers in one process
 * stay under the account's quotas instead of running into HTTP 429. GetFunction has its own bucket; every other
 * operation shares one. Each attempt (SDK retries included) takes one token; a caller without a token blocks,
 * interruptibly. A 429 from the account ({@link #throttled}) slows the bucket down for a while: the quota is the
 * account's, and other processes may be spending it. Thread-safe.
 */
public final class RequestRateLimiter {
    /** AWS's per-account, per-region quota on GetFunction: 100 requests per second. */
    public static final double GET_FUNCTION_QUOTA = 100;
    /** AWS's combined per-account, per-region quota on the other control-plane calls: 15 requests per second. */
    public static final double OTHER_QUOTA = 15;
    /**
     * What {@link #lambdaQuotas()} leaves unused of {@link #OTHER_QUOTA}: 0.5 request per second. At exactly 15/s
     * the account's bucket is kept all but empty, so requests that leave evenly spaced but arrive bunched (network
     * and scheduling jitter of a few milliseconds) find it empty now and then: measured, one 429 in a 32-function
     * run, which the SDK then retries after a second's backoff. 14.5/s refills half a token a second, which absorbs
     * that jitter, for about 3% of throughput when the quota is the bottleneck.
     */
    static final double OTHER_QUOTA_MARGIN = 0.5;

    /** The slowest a throttled bucket goes, in requests per second. */
    static final double SLOWEST = 0.5;
    private static final double DECREASE = 0.7;
    private static final double INCREASE_PER_SECOND = 0.5;
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final TimeSource time;
    private final Bucket getFunction;
    private final Bucket other;

    private RequestRateLimiter(double getFunctionPerSecond, double otherPerSecond, TimeSource time) {
        this.time = time;
        this.getFunction = new Bucket(getFunctionPerSecond, time.nanoTime());
        this.other = new Bucket(otherPerSecond, time.nanoTime());
    }

    /**
     * @return a limiter at AWS's quotas: GetFunction 100/s, all other operations 14.5/s combined (half a request per
     *     second under the 15/s quota, so that jitter in arrival does not run into 429)
     */
    public static RequestRateLimiter lambdaQuotas() {
        return new RequestRateLimiter(GET_FUNCTION_QUOTA, OTHER_QUOTA - OTHER_QUOTA_MARGIN, TimeSource.system());
    }

    /**
     * @param getFunctionPerSecond the GetFunction rate, positive
     * @param otherPerSecond the combined rate of all other operations, positive
     * @return a limiter with the given rates (and a burst of one second's worth of requests, at least one), on
     *     {@link TimeSource#system()}
     * @throws IllegalArgumentException if a rate is not positive
     */
    public static RequestRateLimiter of(double getFunctionPerSecond, double otherPerSecond) {
        return of(getFunctionPerSecond, otherPerSecond, TimeSource.system());
    }

    /**
     * @param getFunctionPerSecond the GetFunction rate, positive
     * @param otherPerSecond the combined rate of all other operations, positive
     * @param time where the limiter reads the time and sleeps, not null
     * @return a limiter with the given rates, as {@link #of(double, double)}, on the given time source
     * @throws IllegalArgumentException if a rate is not positive
     * @throws NullPointerException if time is null
     */
    public static RequestRateLimiter of(double getFunctionPerSecond, double otherPerSecond, TimeSource time) {
        if (!(getFunctionPerSecond > 0) || !(otherPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
        return new RequestRateLimiter(getFunctionPerSecond, otherPerSecond,
                Objects.requireNonNull(time, "time cannot be null"));
    }

    /**
     * Takes one token for the operation, blocking until one is available.
     *
     * @param operationName the Lambda operation name, for example {@code GetFunction}
     * @return how long the caller was blocked
     * @throws InterruptedException if the thread is or gets interrupted
     */
    public Duration acquire(String operationName) throws InterruptedException {
        long waitNanos = bucket(operationName).reserve(time);
        // Sleeps outside the bucket's lock; a wait of zero still stops an interrupted caller.
        time.sleep(Duration.ofNanos(waitNanos));
        return Duration.ofNanos(waitNanos);
    }

    /**
     * Tells the limiter that the account refused a request with HTTP 429 (TooManyRequestsException): someone else (another
     * process, another tool) spends the same account quota. The operation's bucket slows down to 0.7 of its current rate
     * (at most once a second, down to {@value #SLOWEST} request per second), then regains half a request per second each
     * second without another 429, up to its configured rate: additive increase, multiplicative decrease, so that
     * several processes sharing an account settle on a share each instead of retrying into each other.
     *
     * @param operationName the Lambda operation name that was throttled
     */
    public void throttled(String operationName) {
        bucket(operationName).throttled(time.nanoTime());
    }

    /**
     * @param operationName the Lambda operation name
     * @return the rate its bucket admits now, in requests per second (lower than configured after throttling)
     */
    public double currentRate(String operationName) {
        return bucket(operationName).rate(time.nanoTime());
    }

    private Bucket bucket(String operationName) {
        return "GetFunction".equals(operationName) ? getFunction : other;
    }

    private static final class Bucket {
        private final double configured;
        private double rate;
        private long nextFree;
        private long lastThrottled;
        private long lastAdjusted;
        private boolean slowed;

        Bucket(double perSecond, long now) {
            this.configured = perSecond;
            this.rate = perSecond;
            this.nextFree = now;
        }

        synchronized void throttled(long now) {
            if (slowed && now - lastThrottled < SECOND) {
                return; // one congestion, one decrease
            }
            rate = Math.max(SLOWEST, rate(now) * DECREASE);
            slowed = true;
            lastThrottled = now;
            lastAdjusted = now;
        }

        synchronized double rate(long now) {
            if (slowed && now - lastThrottled >= SECOND) {
                rate = Math.min(configured, rate + INCREASE_PER_SECOND * (now - lastAdjusted) / SECOND);
                lastAdjusted = now;
                slowed = rate < configured;
            }
            return rate;
        }

        /** @return how long the caller must wait for the token it takes now, zero when one is free */
        synchronized long reserve(TimeSource time) {
            long now = time.nanoTime();
            long nanosPerToken = (long) (SECOND / rate(now));
            long burstNanos = Math.max(0, SECOND - nanosPerToken);
            // Tokens unused in the last second are available at once (burst).
            long start = Math.max(nextFree, now - burstNanos);
            nextFree = start + nanosPerToken;
            return Math.max(0, start - now);
        }
    }
}

package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A client-side token bucket on Lambda control-plane requests, shared by every client of one process that is built
 * with it ({@link LambdaClients.Builder#requestRateLimit(RequestRateLimiter)}), so that many deployers in one process
 * stay under the account's quotas instead of running into HTTP 429. GetFunction has its own bucket; every other
 * operation shares one. Each attempt (SDK retries included) takes one token; a caller without a token blocks,
 * interruptibly. Thread-safe.
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

    private final Bucket getFunction;
    private final Bucket other;

    private RequestRateLimiter(double getFunctionPerSecond, double otherPerSecond) {
        this.getFunction = new Bucket(getFunctionPerSecond);
        this.other = new Bucket(otherPerSecond);
    }

    /**
     * @return a limiter at AWS's quotas: GetFunction 100/s, all other operations 14.5/s combined (half a request per
     *     second under the 15/s quota, so that jitter in arrival does not run into 429)
     */
    public static RequestRateLimiter lambdaQuotas() {
        return new RequestRateLimiter(GET_FUNCTION_QUOTA, OTHER_QUOTA - OTHER_QUOTA_MARGIN);
    }

    /**
     * @param getFunctionPerSecond the GetFunction rate, positive
     * @param otherPerSecond the combined rate of all other operations, positive
     * @return a limiter with the given rates (and a burst of one second's worth of requests, at least one)
     * @throws IllegalArgumentException if a rate is not positive
     */
    public static RequestRateLimiter of(double getFunctionPerSecond, double otherPerSecond) {
        if (!(getFunctionPerSecond > 0) || !(otherPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
        return new RequestRateLimiter(getFunctionPerSecond, otherPerSecond);
    }

    /**
     * Takes one token for the operation, blocking until one is available.
     *
     * @param operationName the Lambda operation name, for example {@code GetFunction}
     * @return how long the caller was blocked
     * @throws InterruptedException if the thread is or gets interrupted
     */
    public Duration acquire(String operationName) throws InterruptedException {
        return ("GetFunction".equals(operationName) ? getFunction : other).acquire();
    }

    private static final class Bucket {
        private final long nanosPerToken;
        private final long burstNanos;
        private long nextFree = System.nanoTime();

        Bucket(double perSecond) {
            this.nanosPerToken = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
            this.burstNanos = Math.max(0, TimeUnit.SECONDS.toNanos(1) - nanosPerToken);
        }

        Duration acquire() throws InterruptedException {
            long waitNanos;
            synchronized (this) {
                long now = System.nanoTime();
                // Tokens unused in the last second are available at once (burst).
                long start = Math.max(nextFree, now - burstNanos);
                waitNanos = start - now;
                nextFree = start + nanosPerToken;
            }
            if (waitNanos > 0) {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } else if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            return Duration.ofNanos(Math.max(0, waitNanos));
        }
    }
}

package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

/**
 * Credentials that last a known time, such as an assumed IAM role's session, loaded again before they expire: a
 * deployment that waited an hour for its lock still calls AWS with valid credentials. Built on the SDK's own
 * {@link CachedSupplier}: the first caller after the prefetch time (a quarter of the lifetime before expiry, at most
 * 5 minutes) loads new ones; past the stale time (a tenth of the lifetime before expiry, at most 1 minute) every
 * caller waits for them. Thread-safe.
 */
public final class RenewingCredentials implements AwsCredentialsProvider, SdkAutoCloseable {
    private final CachedSupplier<AwsCredentials> cached;

    private RenewingCredentials(Supplier<AwsCredentials> load, Duration lifetime, TimeSource time) {
        Duration prefetchBefore = min(Duration.ofMinutes(5), lifetime.dividedBy(4));
        Duration staleBefore = min(Duration.ofMinutes(1), lifetime.dividedBy(10));
        this.cached = CachedSupplier.builder(() -> {
            Instant loaded = time.now();
            AwsCredentials credentials = Objects.requireNonNull(load.get(), "the credentials loaded were null");
            return RefreshResult.builder(credentials)
                    .prefetchTime(loaded.plus(lifetime).minus(prefetchBefore))
                    .staleTime(loaded.plus(lifetime).minus(staleBefore))
                    .build();
        }).clock(time.asClock()).cachedValueName("RenewingCredentials").build();
    }

    /**
     * @param load loads new credentials (an STS AssumeRole, say), not null; called on the first use and before expiry
     * @param lifetime how long loaded credentials last, positive
     * @return the provider; loads nothing until first used
     * @throws IllegalArgumentException if lifetime is not positive
     */
    public static RenewingCredentials of(Supplier<AwsCredentials> load, Duration lifetime) {
        return of(load, lifetime, TimeSource.system());
    }

    /**
     * @param time the time that tells when credentials expire (its wall clock, as the SDK's CachedSupplier reads
     *     one), not null
     * @return as {@link #of(Supplier, Duration)}, on that time source
     */
    public static RenewingCredentials of(Supplier<AwsCredentials> load, Duration lifetime, TimeSource time) {
        Objects.requireNonNull(load, "load cannot be null");
        Objects.requireNonNull(time, "time cannot be null");
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive, was " + lifetime);
        }
        return new RenewingCredentials(load, lifetime, time);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return cached.get();
    }

    @Override
    public void close() {
        cached.close();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

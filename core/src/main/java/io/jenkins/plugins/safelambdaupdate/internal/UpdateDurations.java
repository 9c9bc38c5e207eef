package io.jenkins.plugins.safelambdaupdate.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long updates took, learned per function and kind of operation (exponentially weighted), so that waits poll
 * when completion is likely. Behind the public {@code LearnedDurations}, which deployers may share; thread-safe.
 */
public final class UpdateDurations {
    private static final double WEIGHT_OF_NEW_SAMPLE = 0.5;

    private final Map<String, Long> nanos = new ConcurrentHashMap<>();

    /**
     * @return the estimate for this function and kind, else for this kind on any function (durations of different
     *     kinds differ too much to stand in for each other: a zip's version is ready at once, its update is not)
     */
    Optional<Duration> estimate(String functionArn, String kind) {
        Long value = nanos.get(functionArn + '|' + kind);
        if (value == null) {
            value = nanos.get("*|" + kind);
        }
        return Optional.ofNullable(value).map(Duration::ofNanos);
    }

    void record(String functionArn, String kind, Duration sample) {
        long s = Math.max(0, sample.toNanos());
        nanos.merge(functionArn + '|' + kind, s, UpdateDurations::blend);
        nanos.merge("*|" + kind, s, UpdateDurations::blend);
    }

    /** @return every estimate, keyed as stored ({@code functionArn|kind}, or {@code *|kind} for any function) */
    public Map<String, Duration> snapshot() {
        Map<String, Duration> copy = new TreeMap<>();
        nanos.forEach((key, value) -> copy.put(key, Duration.ofNanos(value)));
        return copy;
    }

    /** Adopts estimates from a {@link #snapshot()}, for keys not learned here yet; malformed keys are ignored. */
    public void restore(Map<String, Duration> estimates) {
        estimates.forEach((key, value) -> {
            if (key.indexOf('|') > 0 && value != null && !value.isNegative()) {
                nanos.putIfAbsent(key, value.toNanos());
            }
        });
    }

    private static Long blend(Long old, Long sample) {
        return (long) (old * (1 - WEIGHT_OF_NEW_SAMPLE) + sample * WEIGHT_OF_NEW_SAMPLE);
    }
}

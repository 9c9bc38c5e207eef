package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Small statistics used by the benchmark. */
public final class Measurements {
    private static final long SECOND_NANOS = Duration.ofSeconds(1).toNanos();

    private Measurements() {
    }

    /**
     * @param values samples, in any order
     * @param p      the percentile, between 0 and 100
     * @return the nearest-rank percentile, or null when there are no samples
     */
    public static Long percentile(Collection<Long> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** @return the median (nearest rank, the lower middle for an even count), or null when empty */
    public static Long median(Collection<Long> values) {
        return percentile(values, 50);
    }

    /**
     * @param times when each request was made, in any order
     * @return the most requests within any one second (a sliding window {@code [t, t + 1 s)})
     */
    public static int peakPerSecond(Collection<Instant> times) {
        long[] nanos = times.stream().mapToLong(t -> t.getEpochSecond() * 1_000_000_000L + t.getNano()).sorted()
                .toArray();
        int peak = 0;
        int first = 0;
        for (int last = 0; last < nanos.length; last++) {
            while (nanos[last] - nanos[first] >= SECOND_NANOS) {
                first++;
            }
            peak = Math.max(peak, last - first + 1);
        }
        return peak;
    }

    /**
     * The time a token bucket of {@code perSecond} tokens, full at the start (the account quota, one second of
     * burst), needs to admit {@code calls} calls.
     *
     * @return {@code max(0, calls - perSecond) / perSecond} seconds
     */
    public static Duration quotaTime(long calls, int perSecond) {
        long beyondBurst = Math.max(0, calls - perSecond);
        return Duration.ofNanos(beyondBurst * SECOND_NANOS / perSecond);
    }

    /** @return the value rounded to the given number of decimals */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}

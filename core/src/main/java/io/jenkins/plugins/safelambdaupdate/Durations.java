package io.jenkins.plugins.safelambdaupdate;

import java.time.Duration;
import java.util.Locale;

/** How every message and log line of the engine and its front ends writes a duration. */
public final class Durations {
    private Durations() {
    }

    /**
     * @param duration a duration, not null
     * @return seconds with one decimal ({@code "5.0 s"}, {@code "-2.5 s"}), or milliseconds below a second
     *     ({@code "1 ms"}), so that a short wait never reads as {@code "0.0 s"}; never the ISO form {@code PT5S}
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (Math.abs(millis) < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}

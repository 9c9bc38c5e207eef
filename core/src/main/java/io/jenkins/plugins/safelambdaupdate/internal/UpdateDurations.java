package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * How long our operations took, per function and phase (code, configuration, publish), so that waits poll when
 * completion is likely. Behind the public {@code LearnedDurations}, which deployers may share; thread-safe.
 *
 * <p>The estimate is robust and quick to come down, because a wait sleeps until it before its first poll, so an
 * estimate that is too high costs real time while one that is too low costs only a few polls:
 * <ul>
 *   <li>per function and phase, the lower median of the last {@value #WINDOW} measured durations, or the last one
 *       when lower: one slow outlier does not move it, a faster function moves it at once;</li>
 *   <li>when the first, aimed poll already sees the operation done, the duration is only known to be at most that:
 *       the next wait aims earlier (at 0.9 of it, then half of it while that keeps happening), and no measurement
 *       above it is kept, so an estimate that is too high halves each time rather than creeping down;</li>
 *   <li>a function that has shown nothing yet does not inherit another's slow history: its prior is the fastest
 *       recent measurement on any function, and never more than {@link #PRIOR_CAP};</li>
 *   <li>an implausible sample (negative, or longer than {@link #MAX_PLAUSIBLE}) is ignored.</li>
 * </ul>
 */
public final class UpdateDurations {
    static final int WINDOW = 5;
    /** Longer than any Lambda update or publish: a longer value is damage, not a measurement. */
    static final Duration MAX_PLAUSIBLE = Duration.ofMinutes(15);
    /** The most a function inherits before it has shown anything: updates of a zip mostly end within a second. */
    static final Duration PRIOR_CAP = Duration.ofSeconds(1);
    /** The version of the saved form; anything else is ignored as a whole. */
    static final String FORMAT = "2";
    private static final String FORMAT_KEY = "format";
    private static final String ANY_FUNCTION = "*";
    private static final List<Phase> TIMED = List.of(Phase.CODE, Phase.CONFIGURATION, Phase.PUBLISH);

    private final Map<Key, History> histories = new ConcurrentHashMap<>();

    /**
     * @return the estimate for this function and phase; for a function without history, the conservative prior
     *     drawn from other functions; empty when nothing is known
     */
    Optional<Duration> estimate(String functionArn, Phase phase) {
        Optional<Duration> estimate = learned(functionArn, phase);
        return estimate.isPresent() ? estimate : prior(phase);
    }

    /** @return the estimate from this function's own history of this phase; empty when it has none */
    Optional<Duration> learned(String functionArn, Phase phase) {
        History own = histories.get(new Key(functionArn, phase));
        return own == null ? Optional.empty() : own.estimate();
    }

    /** @return the conservative prior of a function without history, drawn from other functions; empty if none */
    Optional<Duration> prior(Phase phase) {
        History anyFunction = histories.get(new Key(ANY_FUNCTION, phase));
        return anyFunction == null ? Optional.empty()
                : anyFunction.fastest().map(fastest -> fastest.compareTo(PRIOR_CAP) > 0 ? PRIOR_CAP : fastest);
    }

    void record(String functionArn, Phase phase, ObservedDuration observed) {
        if (!plausible(observed.value().toMillis())) {
            return;
        }
        histories.computeIfAbsent(new Key(functionArn, phase), k -> new History()).add(observed);
        if (!observed.upperBoundOnly()) {
            histories.computeIfAbsent(new Key(ANY_FUNCTION, phase), k -> new History()).add(observed);
        }
    }

    /**
     * Writes what was learned as properties: {@code format=2}, and per function and phase the measured
     * milliseconds, oldest first ({@code ARN|code=1200,1180}), plus the next aim after an upper bound
     * ({@code ARN|code|aim=900}; with an empty list when only upper bounds were seen yet). ARNs and numbers only,
     * nothing secret.
     */
    public void writeTo(Properties properties) {
        properties.setProperty(FORMAT_KEY, FORMAT);
        histories.forEach((key, history) -> history.writeTo(key.encoded(), properties));
    }

    /**
     * Adopts what {@link #writeTo} wrote, for functions and phases not learned here yet. A file of another format is
     * ignored as a whole; a damaged or implausible entry is ignored on its own.
     */
    public void readFrom(Properties properties) {
        if (!FORMAT.equals(properties.getProperty(FORMAT_KEY))) {
            return;
        }
        for (String name : properties.stringPropertyNames()) {
            Key key = Key.decode(name);
            if (key == null) {
                continue;
            }
            String text = properties.getProperty(name);
            // Empty when only an upper bound was seen yet: then the aim is all there is.
            List<Long> measured = text.isBlank() ? List.of() : millis(text);
            Long aim = properties.getProperty(name + History.AIM_SUFFIX) == null ? null
                    : single(millis(properties.getProperty(name + History.AIM_SUFFIX)));
            if (measured != null && (aim == null ? !measured.isEmpty() : aim >= 0)) {
                histories.computeIfAbsent(key, k -> History.restored(measured, aim));
            }
        }
    }

    private static Long single(List<Long> values) {
        return values == null || values.size() != 1 ? -1L : values.get(0);
    }

    /** @return the plausible milliseconds, or null when any of them is missing, malformed or implausible */
    private static List<Long> millis(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            try {
                long value = Long.parseLong(part.trim());
                if (!plausible(value)) {
                    return null;
                }
                values.add(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return values.size() > WINDOW ? values.subList(values.size() - WINDOW, values.size()) : values;
    }

    private static boolean plausible(long millis) {
        return millis >= 0 && millis <= MAX_PLAUSIBLE.toMillis();
    }

    /** The history of one function and phase, or of one phase on any function ({@code *}). */
    private record Key(String function, Phase phase) {
        String encoded() {
            return function + '|' + phase.name().toLowerCase(Locale.ROOT);
        }

        static Key decode(String name) {
            int bar = name.lastIndexOf('|');
            if (bar <= 0) {
                return null;
            }
            return TIMED.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).equals(name.substring(bar + 1)))
                    .findFirst().map(p -> new Key(name.substring(0, bar), p)).orElse(null);
        }
    }

    /** Recent measurements (milliseconds) and, after upper bounds only, where the next wait aims. */
    private static final class History {
        static final String AIM_SUFFIX = "|aim";
        private final List<Long> measured = new ArrayList<>();
        private long aim = -1;
        private int boundsInARow;

        static History restored(List<Long> measured, Long aim) {
            History history = new History();
            history.measured.addAll(measured);
            history.aim = aim == null ? -1 : aim;
            return history;
        }

        synchronized void add(ObservedDuration observed) {
            long millis = observed.value().toMillis();
            if (observed.upperBoundOnly()) {
                boundsInARow++;
                // Done by then: no recent measurement above it stands, and the next wait looks earlier.
                measured.replaceAll(m -> Math.min(m, millis));
                aim = (long) (millis * (boundsInARow == 1 ? 0.9 : 0.5));
                return;
            }
            measured.add(millis);
            while (measured.size() > WINDOW) {
                measured.remove(0);
            }
            aim = -1;
            boundsInARow = 0;
        }

        synchronized Optional<Duration> estimate() {
            if (aim >= 0) {
                return Optional.of(Duration.ofMillis(aim));
            }
            if (measured.isEmpty()) {
                return Optional.empty();
            }
            List<Long> sorted = new ArrayList<>(measured);
            Collections.sort(sorted);
            long lowerMedian = sorted.get((sorted.size() - 1) / 2);
            return Optional.of(Duration.ofMillis(Math.min(lowerMedian, measured.get(measured.size() - 1))));
        }

        synchronized Optional<Duration> fastest() {
            return measured.stream().min(Long::compare).map(Duration::ofMillis);
        }

        synchronized void writeTo(String name, Properties properties) {
            if (measured.isEmpty() && aim < 0) {
                return;
            }
            properties.setProperty(name, measured.stream().map(String::valueOf).collect(Collectors.joining(",")));
            if (aim >= 0) {
                properties.setProperty(name + AIM_SUFFIX, Long.toString(aim));
            }
        }
    }
}

package io.jenkins.plugins.safelambdaupdate.internal;

import io.jenkins.plugins.safelambdaupdate.Phase;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Where our operations ended, per function and phase (code, configuration, publish), so that waits poll when
 * completion is likely. Behind the public {@code LearnedDurations}, which deployers may share; thread-safe.
 *
 * <p>Each wait leaves bounds, not a guess: its operation ended after the last poll that saw it unfinished and by
 * the poll that saw it finished ({@link ObservedDuration}). An update of one function takes about as long each time,
 * so the bounds of its recent waits are intersected, newest first, as far back as they agree; the next wait aims at
 * what they leave ({@link WaitPlan#learned}):
 * <ul>
 *   <li>bounds tighter than {@link WaitPlan#PRECISION}: one poll, at the upper bound, sees it done;</li>
 *   <li>wider bounds (a lower bound older than the last {@value #WINDOW} waits has dropped out, or the durations
 *       moved): a probe inside them, whose poll after, if needed, is at the upper bound, so probing costs a poll and
 *       no lateness;</li>
 *   <li>a function that turned faster is found by those probes: each probe that sees it finished already doubles
 *       the next one's reach below the upper bound ({@value #FIRST_PROBE_MILLIS} ms at first); one that turned
 *       slower shows at once (bounds that disagree with the older ones replace them);</li>
 *   <li>a function that has shown nothing yet does not inherit another's slow history: its prior is the fastest
 *       recent measurement on any function, and never more than {@link #PRIOR_CAP};</li>
 *   <li>an implausible sample (negative, or longer than {@link #MAX_PLAUSIBLE}) is ignored.</li>
 * </ul>
 */
public final class UpdateDurations {
    static final int WINDOW = 8;
    /** How far below the upper bound the first probe of a function that may have turned faster goes. */
    static final long FIRST_PROBE_MILLIS = 40;
    /** Longer than any Lambda update or publish: a longer value is damage, not a measurement. */
    static final Duration MAX_PLAUSIBLE = Duration.ofMinutes(15);
    /** The most a function inherits before it has shown anything: updates of a zip mostly end within a second. */
    static final Duration PRIOR_CAP = Duration.ofSeconds(1);
    /** The version of the saved form; anything else is ignored as a whole. */
    static final String FORMAT = "3";
    private static final String FORMAT_KEY = "format";
    private static final String ANY_FUNCTION = "*";
    private static final List<Phase> TIMED = List.of(Phase.CODE, Phase.CONFIGURATION, Phase.PUBLISH);

    private final Map<Key, History> histories = new ConcurrentHashMap<>();

    /** @return the plan from this function's own history of this phase; empty when it has none */
    Optional<WaitPlan> learned(String functionArn, Phase phase) {
        History own = histories.get(new Key(functionArn, phase));
        return own == null ? Optional.empty() : own.plan();
    }

    /** @return the conservative prior of a function without history, drawn from other functions; empty if none */
    Optional<Duration> prior(Phase phase) {
        History anyFunction = histories.get(new Key(ANY_FUNCTION, phase));
        return anyFunction == null ? Optional.empty()
                : anyFunction.fastest().map(fastest -> fastest.compareTo(PRIOR_CAP) > 0 ? PRIOR_CAP : fastest);
    }

    void record(String functionArn, Phase phase, ObservedDuration observed) {
        if (!plausible(observed)) {
            return;
        }
        histories.computeIfAbsent(new Key(functionArn, phase), k -> new History()).add(observed);
        if (observed.after() != null) {
            histories.computeIfAbsent(new Key(ANY_FUNCTION, phase), k -> new History()).add(observed);
        }
    }

    /**
     * Writes what was learned as properties: {@code format=3}, and per function and phase the bounds of its recent
     * waits in milliseconds, oldest first, lower and upper bound separated by a colon, the lower one empty when
     * unknown ({@code ARN|code=1450:1510,:1505}). ARNs and numbers only, nothing secret.
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
            List<ObservedDuration> observed = key == null ? null : parse(properties.getProperty(name));
            if (observed != null && !observed.isEmpty()) {
                histories.computeIfAbsent(key, k -> History.restored(observed));
            }
        }
    }

    /** @return the plausible bounds, or null when any of them is missing, malformed or implausible */
    private static List<ObservedDuration> parse(String text) {
        List<ObservedDuration> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            try {
                Duration by = Duration.ofMillis(Long.parseLong(part.substring(colon + 1).trim()));
                String lower = colon < 0 ? "" : part.substring(0, colon).trim();
                ObservedDuration value = lower.isEmpty() ? ObservedDuration.atMost(by)
                        : ObservedDuration.between(Duration.ofMillis(Long.parseLong(lower)), by);
                if (colon < 0 || !plausible(value)) {
                    return null;
                }
                values.add(value);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return values.size() > WINDOW ? values.subList(values.size() - WINDOW, values.size()) : values;
    }

    private static boolean plausible(ObservedDuration observed) {
        return plausible(observed.by()) && (observed.after() == null
                || plausible(observed.after()) && observed.after().compareTo(observed.by()) <= 0);
    }

    private static boolean plausible(Duration value) {
        return !value.isNegative() && value.compareTo(MAX_PLAUSIBLE) <= 0;
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

    /** The bounds of the last {@value #WINDOW} waits, and how many probes in a row found the operation done early. */
    private static final class History {
        private final Deque<ObservedDuration> recent = new ArrayDeque<>();
        private int earlyInARow;

        static History restored(List<ObservedDuration> observed) {
            History history = new History();
            history.recent.addAll(observed);
            return history;
        }

        synchronized void add(ObservedDuration observed) {
            ObservedDuration before = recent.isEmpty() ? null : bounds();
            if (observed.after() != null) {
                earlyInARow = 0;
            } else if (before != null && observed.by().compareTo(before.by()) < 0) {
                earlyInARow++; // finished before the upper bound believed: it may have turned faster
            }
            recent.addLast(observed);
            while (recent.size() > WINDOW) {
                recent.removeFirst();
            }
        }

        /**
         * @return the intersection of the bounds, newest first, as far back as they agree (not empty). A single
         *     newest wait that ended later than the bounds before it is an outlier until a second one agrees with
         *     it: a bound too high costs a wait its lateness, one too low only a few polls
         */
        synchronized ObservedDuration bounds() {
            ObservedDuration newest = recent.getLast();
            if (recent.size() > 1 && newest.after() != null) {
                ObservedDuration older = intersect(recent.size() - 1);
                if (newest.after().compareTo(older.by()) >= 0) {
                    return older;
                }
            }
            return intersect(recent.size());
        }

        /** @return the intersection of the oldest {@code count} bounds, newest first, as far back as they agree */
        private ObservedDuration intersect(int count) {
            Duration lower = null;
            Duration upper = null;
            Iterator<ObservedDuration> it = recent.descendingIterator();
            for (int skip = recent.size() - count; skip > 0; skip--) {
                it.next();
            }
            while (it.hasNext()) {
                ObservedDuration next = it.next();
                Duration newLower = lower == null || next.after() != null && next.after().compareTo(lower) > 0
                        ? next.after() : lower;
                Duration newUpper = upper == null || next.by().compareTo(upper) < 0 ? next.by() : upper;
                if (upper != null && newLower != null && newLower.compareTo(newUpper) >= 0) {
                    break; // older bounds that disagree: the durations moved since
                }
                lower = newLower;
                upper = newUpper;
            }
            return new ObservedDuration(lower, upper);
        }

        synchronized Optional<WaitPlan> plan() {
            ObservedDuration bounds = recent.isEmpty() ? null : bounds();
            return bounds == null ? Optional.empty() : Optional.of(WaitPlan.learned(bounds,
                    Duration.ofMillis(FIRST_PROBE_MILLIS << Math.min(earlyInARow, 16))));
        }

        synchronized Optional<Duration> fastest() {
            return recent.stream().map(ObservedDuration::middle).filter(Objects::nonNull).min(Duration::compareTo);
        }

        synchronized void writeTo(String name, Properties properties) {
            if (!recent.isEmpty()) {
                properties.setProperty(name, recent.stream().map(o -> (o.after() == null ? "" : o.after().toMillis())
                        + ":" + o.by().toMillis()).collect(Collectors.joining(",")));
            }
        }
    }
}

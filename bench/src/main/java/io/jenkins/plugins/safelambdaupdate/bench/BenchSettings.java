package io.jenkins.plugins.safelambdaupdate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one benchmark run measures.
 *
 * @param strategies          strategy names, in table order
 * @param sameFunctionCounts  the K of the K-deployers-of-one-function scenarios
 * @param distinctFunctions   M of the M-functions scenario, 0 for none
 * @param updateDelay         how long an update stays InProgress in the simulator
 * @param publishDelay        how long a new version stays Pending
 * @param seed                the simulators' seed (RevisionIds, request ids)
 * @param jvmWarmUp           first run every strategy once on short timings, unmeasured (class loading, JIT)
 */
public record BenchSettings(List<String> strategies, List<Integer> sameFunctionCounts, int distinctFunctions,
                            Duration updateDelay, Duration publishDelay, long seed, boolean jvmWarmUp) {
    /** Default update duration: 1.5 s. */
    public static final Duration DEFAULT_UPDATE = Duration.ofMillis(1500);
    /** Default publish duration: 0.5 s. */
    public static final Duration DEFAULT_PUBLISH = Duration.ofMillis(500);
    /** The full run's K. */
    public static final List<Integer> FULL_COUNTS = List.of(1, 2, 4, 8, 16);
    /** The quick run's K. */
    public static final List<Integer> QUICK_COUNTS = List.of(1, 4, 8);
    /** M of the distinct-functions scenario. */
    public static final int DEFAULT_FUNCTIONS = 32;

    /** Checks and copies. */
    public BenchSettings {
        strategies = List.copyOf(strategies);
        sameFunctionCounts = List.copyOf(sameFunctionCounts);
        strategies.forEach(Strategies::named);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy is needed");
        }
        if (sameFunctionCounts.stream().anyMatch(k -> k < 1) || distinctFunctions < 0) {
            throw new IllegalArgumentException("deployer counts must be at least 1");
        }
        Objects.requireNonNull(updateDelay, "updateDelay cannot be null");
        Objects.requireNonNull(publishDelay, "publishDelay cannot be null");
        if (updateDelay.isNegative() || publishDelay.isNegative()
                || updateDelay.multipliedBy(2).plus(publishDelay).isZero()) {
            throw new IllegalArgumentException("durations cannot be negative, nor all zero");
        }
    }

    /** @return every strategy at K = 1, 2, 4, 8, 16 and 32 functions, default durations */
    public static BenchSettings full() {
        return new BenchSettings(Strategies.NAMES, FULL_COUNTS, DEFAULT_FUNCTIONS, DEFAULT_UPDATE, DEFAULT_PUBLISH,
                1, true);
    }

    /** @return every strategy at K = 1, 4, 8 and 32 functions, default durations */
    public static BenchSettings quick() {
        return new BenchSettings(Strategies.NAMES, QUICK_COUNTS, DEFAULT_FUNCTIONS, DEFAULT_UPDATE, DEFAULT_PUBLISH,
                1, true);
    }

    /** @return the scenarios in the order they run */
    public List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        sameFunctionCounts.forEach(k -> scenarios.add(Scenario.sameFunction(k)));
        if (distinctFunctions > 0) {
            scenarios.add(Scenario.distinctFunctions(distinctFunctions));
        }
        return scenarios;
    }
}

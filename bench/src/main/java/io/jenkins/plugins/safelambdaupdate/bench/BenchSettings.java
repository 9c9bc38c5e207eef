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
 * @param coldDeployers       deployers that learned nothing, one function each, at the timings and at
 *                            {@value #COLD_SLOWER} times slower ones; 0 for none (engine only)
 * @param fleetFunctions      functions of the fleet, deployed {@value #FLEET_EACH} times each from one process and
 *                            then from {@value #FLEET_PROCESSES}; 0 for none (engine only)
 */
public record BenchSettings(List<String> strategies, List<Integer> sameFunctionCounts, int distinctFunctions,
                            Duration updateDelay, Duration publishDelay, long seed, boolean jvmWarmUp,
                            int coldDeployers, int fleetFunctions) {
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
    /** Cold deployers per timing. */
    public static final int COLD_DEPLOYERS = 6;
    /** How much slower the second timing of the cold scenario is. */
    public static final int COLD_SLOWER = 3;
    /** Functions of the full run's fleet. */
    public static final int FULL_FLEET = 200;
    /** Functions of the quick run's fleet. */
    public static final int QUICK_FLEET = 16;
    /** Deployments of each fleet function. */
    public static final int FLEET_EACH = 2;
    /** Processes of the fleet's second run. */
    public static final int FLEET_PROCESSES = 4;

    /** Checks and copies. */
    public BenchSettings {
        strategies = List.copyOf(strategies);
        sameFunctionCounts = List.copyOf(sameFunctionCounts);
        strategies.forEach(Strategies::named);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy is needed");
        }
        if (sameFunctionCounts.stream().anyMatch(k -> k < 1) || distinctFunctions < 0 || coldDeployers < 0
                || fleetFunctions < 0) {
            throw new IllegalArgumentException("deployer counts must be at least 1");
        }
        Objects.requireNonNull(updateDelay, "updateDelay cannot be null");
        Objects.requireNonNull(publishDelay, "publishDelay cannot be null");
        if (updateDelay.isNegative() || publishDelay.isNegative()
                || updateDelay.multipliedBy(2).plus(publishDelay).isZero()) {
            throw new IllegalArgumentException("durations cannot be negative, nor all zero");
        }
    }

    /** Without cold deployers and fleet. */
    public BenchSettings(List<String> strategies, List<Integer> sameFunctionCounts, int distinctFunctions,
                         Duration updateDelay, Duration publishDelay, long seed, boolean jvmWarmUp) {
        this(strategies, sameFunctionCounts, distinctFunctions, updateDelay, publishDelay, seed, jvmWarmUp, 0, 0);
    }

    /** @return every strategy at K = 1, 2, 4, 8, 16 and 32 functions, default durations; cold; a 200-function fleet */
    public static BenchSettings full() {
        return new BenchSettings(Strategies.NAMES, FULL_COUNTS, DEFAULT_FUNCTIONS, DEFAULT_UPDATE, DEFAULT_PUBLISH,
                1, true, COLD_DEPLOYERS, FULL_FLEET);
    }

    /** @return every strategy at K = 1, 4, 8 and 32 functions, default durations; cold; a 16-function fleet */
    public static BenchSettings quick() {
        return new BenchSettings(Strategies.NAMES, QUICK_COUNTS, DEFAULT_FUNCTIONS, DEFAULT_UPDATE, DEFAULT_PUBLISH,
                1, true, COLD_DEPLOYERS, QUICK_FLEET);
    }

    /** @return the scenarios in the order they run */
    public List<Scenario> scenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        sameFunctionCounts.forEach(k -> scenarios.add(Scenario.sameFunction(k)));
        if (distinctFunctions > 0) {
            scenarios.add(Scenario.distinctFunctions(distinctFunctions));
        }
        if (coldDeployers > 0) {
            scenarios.add(Scenario.cold(coldDeployers, 1));
            scenarios.add(Scenario.cold(coldDeployers, COLD_SLOWER));
        }
        if (fleetFunctions > 0) {
            scenarios.add(Scenario.fleet(fleetFunctions, FLEET_EACH, 1));
            scenarios.add(Scenario.fleet(fleetFunctions, FLEET_EACH, FLEET_PROCESSES));
        }
        return scenarios;
    }
}

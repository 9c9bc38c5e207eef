package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The strategies the benchmark compares, by name, in the order tables list them. */
public final class Strategies {
    private static final Map<String, Supplier<Strategy>> ALL = Map.of(
            NaiveStrategy.NAME, NaiveStrategy::new,
            CheckThenUpdateStrategy.NAME, CheckThenUpdateStrategy::new,
            WaitersOnlyStrategy.NAME, WaitersOnlyStrategy::new,
            EngineStrategy.NAME, EngineStrategy::new);

    /** The names, in table order. */
    public static final List<String> NAMES = List.of(NaiveStrategy.NAME, CheckThenUpdateStrategy.NAME,
            WaitersOnlyStrategy.NAME, EngineStrategy.NAME);

    /** The engine's name. */
    public static final String ENGINE = EngineStrategy.NAME;

    private Strategies() {
    }

    /**
     * @param name one of {@link #NAMES}
     * @param scenario the scenario it runs
     * @return a new instance; the engine's cold or fleet form for those scenarios
     * @throws IllegalArgumentException for an unknown name
     */
    public static Strategy forScenario(String name, Scenario scenario) {
        if (ENGINE.equals(name) && Scenario.COLD.equals(scenario.name())) {
            return new ColdEngineStrategy();
        }
        if (ENGINE.equals(name) && Scenario.FLEET.equals(scenario.name())) {
            return new FleetEngineStrategy(scenario, ScenarioRunner.FLEET_THREADS);
        }
        return named(name);
    }

    /**
     * @param name one of {@link #NAMES}
     * @return a new instance
     * @throws IllegalArgumentException for an unknown name
     */
    public static Strategy named(String name) {
        Supplier<Strategy> strategy = ALL.get(name);
        if (strategy == null) {
            throw new IllegalArgumentException("unknown strategy '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return strategy.get();
    }
}

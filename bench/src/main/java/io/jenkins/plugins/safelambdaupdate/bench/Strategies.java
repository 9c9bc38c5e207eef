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

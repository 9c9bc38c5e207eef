package io.jenkins.plugins.safelambdaupdate.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark run's results: what it was run with, one record per strategy and scenario, and the engine's targets.
 *
 * @param settings       the durations, quotas, scenarios and strategies
 * @param records        one per strategy and scenario
 * @param engineTargets  the engine's targets, met or not
 * @param elapsedSeconds how long the whole run took
 */
public record BenchReport(Map<String, Object> settings, List<BenchRecord> records, List<TargetCheck> engineTargets,
                          double elapsedSeconds) {
    /** Copies. */
    public BenchReport {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        records = List.copyOf(records);
        engineTargets = List.copyOf(engineTargets);
    }
}
